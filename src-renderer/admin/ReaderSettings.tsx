import { useState } from 'react';
import type { ReaderTestResult } from '../../src-shared/admin/contract.js';

type Framing = 'length-prefixed' | 'raw-padded';

export interface ReaderConfig {
  transport: 'serial' | 'hid';
  path: string;
  baudRate: number;
  pollIntervalMs: number;
  hid?: { framing: Framing; reportSize: number; reportId: number | null };
}

/** What the reader test is asked to open: the form's reader, saved or not. */
export type ReaderTarget = Pick<ReaderConfig, 'transport' | 'path' | 'baudRate' | 'hid'>;

const BAUDS = [115200, 57600, 38400, 19200, 9600];

/** The form's state for the ID card reader, and the configuration it stands for. */
export function useReaderDraft(saved: ReaderConfig | null) {
  const [transport, setTransport] = useState<'serial' | 'hid'>(saved?.transport ?? 'serial');
  const [path, setPath] = useState(saved?.path ?? '');
  const [baud, setBaud] = useState(saved?.baudRate ?? 115200);
  const [framing, setFraming] = useState<Framing>(saved?.hid?.framing ?? 'length-prefixed');
  const [reportSize, setReportSize] = useState(String(saved?.hid?.reportSize ?? 64));
  const [reportId, setReportId] = useState(saved?.hid?.reportId ? String(saved.hid.reportId) : '');
  const target = (): ReaderTarget => ({
    transport,
    path: path.trim(),
    baudRate: baud,
    // Numbers the service's schema refuses are reported by it, in words, on test or save.
    ...(transport === 'hid' ? { hid: { framing, reportSize: Number(reportSize), reportId: reportId.trim() ? Number(reportId) : null } } : {}),
  });
  const config = (): ReaderConfig | null => (path.trim() ? { ...target(), pollIntervalMs: saved?.pollIntervalMs ?? 500 } : null);
  return { transport, setTransport, path, setPath, baud, setBaud, framing, setFraming, reportSize, setReportSize, reportId, setReportId, target, config };
}

export type ReaderDraft = ReturnType<typeof useReaderDraft>;

export function ReaderSettings({ draft: d, serialPorts, onTest }: { draft: ReaderDraft; serialPorts: string[]; onTest(target: ReaderTarget): Promise<ReaderTestResult | null> }) {
  const [test, setTest] = useState<ReaderTestResult | null>(null);
  const [testing, setTesting] = useState(false);
  return (
    <>
      <h2>身份证阅读器 ID card reader</h2>
      <label htmlFor="reader-transport">连接方式 Connection</label>
      <select id="reader-transport" value={d.transport} onChange={(e) => d.setTransport(e.target.value as 'serial' | 'hid')}>
        <option value="serial">串口 Serial (USB-COM)</option>
        <option value="hid">HID 设备 HID device</option>
      </select>
      <label htmlFor="reader-path">{d.transport === 'serial' ? '串口 Serial port' : 'HID 设备路径或 vvvv:pppp HID device'}</label>
      <input id="reader-path" list="serial-ports" value={d.path} onChange={(e) => d.setPath(e.target.value)} autoComplete="off" />
      <datalist id="serial-ports">
        {serialPorts.map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
      {d.transport === 'serial' ? (
        <>
          <label htmlFor="reader-baud">波特率 Baud rate</label>
          <select id="reader-baud" value={d.baud} onChange={(e) => d.setBaud(Number(e.target.value))}>
            {BAUDS.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </>
      ) : (
        <>
          <label htmlFor="reader-framing">厂商帧格式 Vendor framing</label>
          <select id="reader-framing" value={d.framing} onChange={(e) => d.setFraming(e.target.value as Framing)}>
            <option value="length-prefixed">长度前缀 Length-prefixed</option>
            <option value="raw-padded">原始帧补零 Raw, padded</option>
          </select>
          <label htmlFor="reader-report-size">报告长度 Report size</label>
          <input id="reader-report-size" inputMode="numeric" value={d.reportSize} onChange={(e) => d.setReportSize(e.target.value)} autoComplete="off" />
          <label htmlFor="reader-report-id">报告 ID（无则留空）Report ID</label>
          <input id="reader-report-id" inputMode="numeric" value={d.reportId} onChange={(e) => d.setReportId(e.target.value)} autoComplete="off" />
        </>
      )}
      <div className="actions">
        <button
          type="button"
          className="secondary"
          disabled={!d.path.trim() || testing}
          data-testid="test-reader"
          onClick={() => {
            setTesting(true);
            setTest(null);
            void onTest(d.target()).then((r) => {
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
    </>
  );
}
