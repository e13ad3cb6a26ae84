import { useState } from 'react';
import type { AdminOverview, DeviceTestResult, ReaderTestResult } from '../../src-shared/admin/contract.js';
import type { ScannerScanView } from '../../src-shared/api/contract.js';
import { ConfigFile } from './ConfigFile.js';
import { DeviceSettings, usePeripheralDraft, type PeripheralConfig } from './DeviceSettings.js';

/** The configuration as the admin screen edits it; validated whole by the service on save. */
export interface EditableConfig {
  format: 'yzt-kiosk-config';
  version: 1;
  courtId: string;
  centralUrl: string | null;
  devices: PeripheralConfig & {
    idReader: { transport: 'serial' | 'hid'; path: string; baudRate: number; pollIntervalMs: number } | null;
  };
}

interface Props {
  overview: AdminOverview;
  busy: boolean;
  /** The form's configuration, or an imported file's (validated whole by the service). */
  onSave(config: unknown): void;
  onTestReader(path: string, baudRate: number): Promise<ReaderTestResult | null>;
  onEnrol(centralUrl: string, code: string): void;
  onScan(listener: (scan: ScannerScanView) => void): () => void;
  onTestPrinter(path: string, baudRate: number): Promise<DeviceTestResult | null>;
  onTestA4(queue: string | null): Promise<DeviceTestResult | null>;
}

const BAUDS = [115200, 57600, 38400, 19200, 9600];

export function SettingsPanel({ overview, busy, onSave, onTestReader, onEnrol, onScan, onTestPrinter, onTestA4 }: Props) {
  const current = overview.config as EditableConfig;
  const [courtId, setCourtId] = useState(current.courtId);
  const [centralUrl, setCentralUrl] = useState(current.centralUrl ?? '');
  const [readerPath, setReaderPath] = useState(current.devices.idReader?.path ?? '');
  const [baud, setBaud] = useState(current.devices.idReader?.baudRate ?? 115200);
  const [test, setTest] = useState<ReaderTestResult | null>(null);
  const [testing, setTesting] = useState(false);
  const [code, setCode] = useState('');
  const peripherals = usePeripheralDraft(current.devices);

  const config = (): EditableConfig => ({
    ...current,
    courtId,
    centralUrl: centralUrl.trim() || null,
    devices: {
      ...current.devices,
      ...peripherals.config(),
      idReader: readerPath.trim() ? { transport: 'serial', path: readerPath.trim(), baudRate: baud, pollIntervalMs: current.devices.idReader?.pollIntervalMs ?? 500 } : null,
    },
  });

  return (
    <section className="panel" data-testid="settings">
      <h2>身份证阅读器 ID card reader</h2>
      <label htmlFor="reader-path">串口 Serial port</label>
      <input id="reader-path" list="serial-ports" value={readerPath} onChange={(e) => setReaderPath(e.target.value)} autoComplete="off" />
      <datalist id="serial-ports">
        {overview.serialPorts.map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
      <label htmlFor="reader-baud">波特率 Baud rate</label>
      <select id="reader-baud" value={baud} onChange={(e) => setBaud(Number(e.target.value))}>
        {BAUDS.map((b) => (
          <option key={b} value={b}>
            {b}
          </option>
        ))}
      </select>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          disabled={!readerPath.trim() || testing}
          data-testid="test-reader"
          onClick={() => {
            setTesting(true);
            setTest(null);
            void onTestReader(readerPath.trim(), baud).then((r) => {
              setTesting(false);
              setTest(r);
            });
          }}
        >
          {testing ? '测试中…' : '测试读卡 Test'}
        </button>
      </div>
      {test && (
        <p className={test.ok ? 'field-ok' : 'field-error'} data-testid="reader-test-result" role="status">
          {test.message_zh}
          {test.card ? `：${test.card.name} ${test.card.idNumberMasked}` : ''}
        </p>
      )}

      <DeviceSettings draft={peripherals} saved={current.devices} onScan={onScan} onTestPrinter={onTestPrinter} onTestA4={onTestA4} />

      <h2>法院与网关 Court and gateway</h2>
      <label htmlFor="court">法院 Court</label>
      <select id="court" value={courtId} onChange={(e) => setCourtId(e.target.value)}>
        {overview.courts.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}（{c.code}
            {c.codeConfirmed ? '' : '，代字待确认'}）
          </option>
        ))}
      </select>
      <label htmlFor="central-url">中心网关地址 Central gateway URL</label>
      <input id="central-url" value={centralUrl} onChange={(e) => setCentralUrl(e.target.value)} placeholder="http://10.0.0.5:8700" autoComplete="off" />
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => onSave(config())} data-testid="save-settings">
          保存并应用 Save
        </button>
      </div>

      <h2>终端登记 Enrolment</h2>
      <label htmlFor="enrol-code">登记码 Enrolment code</label>
      <input id="enrol-code" value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" />
      <div className="actions">
        <button type="button" className="primary" disabled={busy || !code.trim() || !centralUrl.trim()} onClick={() => onEnrol(centralUrl.trim(), code.trim())} data-testid="enrol">
          登记 Enrol
        </button>
      </div>

      <ConfigFile config={overview.config} busy={busy} onImport={onSave} />
    </section>
  );
}
