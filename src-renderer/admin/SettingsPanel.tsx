import { useState } from 'react';
import type { AdminOverview, DeviceTestResult, ReaderTestResult } from '../../src-shared/admin/contract.js';
import type { ScannerScanView } from '../../src-shared/api/contract.js';
import { ConfigFile } from './ConfigFile.js';
import { ReaderSettings, useReaderDraft, type ReaderConfig, type ReaderTarget } from './ReaderSettings.js';
import { DeviceSettings, usePeripheralDraft, type PeripheralConfig } from './DeviceSettings.js';

/** The configuration as the admin screen edits it; validated whole by the service on save. */
export interface EditableConfig {
  format: 'yzt-kiosk-config';
  version: 1;
  courtId: string;
  centralUrl: string | null;
  devices: PeripheralConfig & {
    idReader: ReaderConfig | null;
  };
}

interface Props {
  overview: AdminOverview;
  busy: boolean;
  /** The form's configuration, or an imported file's (validated whole by the service). */
  onSave(config: unknown): void;
  onTestReader(target: ReaderTarget): Promise<ReaderTestResult | null>;
  onEnrol(centralUrl: string, code: string): void;
  onScan(listener: (scan: ScannerScanView) => void): () => void;
  onTestPrinter(path: string, baudRate: number): Promise<DeviceTestResult | null>;
  onTestA4(queue: string | null): Promise<DeviceTestResult | null>;
}

export function SettingsPanel({ overview, busy, onSave, onTestReader, onEnrol, onScan, onTestPrinter, onTestA4 }: Props) {
  const current = overview.config as EditableConfig;
  const [courtId, setCourtId] = useState(current.courtId);
  const [centralUrl, setCentralUrl] = useState(current.centralUrl ?? '');
  const reader = useReaderDraft(current.devices.idReader);
  const [code, setCode] = useState('');
  const peripherals = usePeripheralDraft(current.devices);

  const config = (): EditableConfig => ({
    ...current,
    courtId,
    centralUrl: centralUrl.trim() || null,
    devices: {
      ...current.devices,
      ...peripherals.config(),
      idReader: reader.config(),
    },
  });

  return (
    <section className="panel" data-testid="settings">
      <ReaderSettings draft={reader} serialPorts={overview.serialPorts} onTest={onTestReader} />

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
