import { useState } from 'react';
import type { DeviceTestResult } from '../../src-shared/admin/contract.js';
import type { ScannerScanView } from '../../src-shared/api/contract.js';
import { ScannerTest, type ScannerMode } from './ScannerTest.js';

type Charset = 'auto' | 'utf-8' | 'gb18030';

export interface ScannerConfig {
  mode: ScannerMode;
  path?: string;
  charset: Charset;
}
export interface ReceiptPrinterConfig {
  path: string;
  baudRate: number;
}
export interface A4PrinterConfig {
  mode: 'cups' | 'pdf';
  queue?: string;
}

export interface PeripheralConfig {
  scanner: ScannerConfig | null;
  receiptPrinter: ReceiptPrinterConfig | null;
  a4Printer?: A4PrinterConfig | null;
}

const PRINTER_BAUDS = [9600, 19200, 38400, 57600, 115200];

/** The form's state for the scanner and printers, and the configuration it stands for. */
export function usePeripheralDraft(saved: PeripheralConfig) {
  const [scannerMode, setScannerMode] = useState<ScannerMode | ''>(saved.scanner?.mode ?? '');
  const [scannerPath, setScannerPath] = useState(saved.scanner?.path ?? '');
  const [charset, setCharset] = useState<Charset>(saved.scanner?.charset ?? 'auto');
  const [printerPath, setPrinterPath] = useState(saved.receiptPrinter?.path ?? '');
  const [printerBaud, setPrinterBaud] = useState(saved.receiptPrinter?.baudRate ?? 9600);
  const [a4Mode, setA4Mode] = useState<'' | 'cups' | 'pdf'>(saved.a4Printer?.mode ?? '');
  const [a4Queue, setA4Queue] = useState(saved.a4Printer?.queue ?? '');
  const config = (): PeripheralConfig => ({
    scanner: scannerMode === '' ? null : { mode: scannerMode, charset, ...(scannerMode === 'serial' && scannerPath.trim() ? { path: scannerPath.trim() } : {}) },
    receiptPrinter: printerPath.trim() ? { path: printerPath.trim(), baudRate: printerBaud } : null,
    a4Printer: a4Mode === '' ? null : a4Mode === 'cups' ? { mode: 'cups', queue: a4Queue.trim() } : { mode: 'pdf' },
  });
  return { scannerMode, setScannerMode, scannerPath, setScannerPath, charset, setCharset, printerPath, setPrinterPath, printerBaud, setPrinterBaud, a4Mode, setA4Mode, a4Queue, setA4Queue, config };
}

export type PeripheralDraft = ReturnType<typeof usePeripheralDraft>;

interface Props {
  draft: PeripheralDraft;
  saved: PeripheralConfig;
  onScan(listener: (scan: ScannerScanView) => void): () => void;
  onTestPrinter(path: string, baudRate: number): Promise<DeviceTestResult | null>;
  onTestA4(queue: string | null): Promise<DeviceTestResult | null>;
}

function TestButton({ id, label, disabled, run }: { id: string; label: string; disabled: boolean; run(): Promise<DeviceTestResult | null> }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<DeviceTestResult | null>(null);
  return (
    <>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          disabled={disabled || busy}
          data-testid={`test-${id}`}
          onClick={() => {
            setBusy(true);
            setResult(null);
            void run().then((r) => {
              setBusy(false);
              setResult(r);
            });
          }}
        >
          {busy ? '测试中…' : label}
        </button>
      </div>
      {result && (
        <p className={result.ok ? 'field-ok' : 'field-error'} role="status" data-testid={`${id}-test-result`}>
          {result.message_zh}（{result.message_en}）
        </p>
      )}
    </>
  );
}

export function DeviceSettings({ draft: d, saved, onScan, onTestPrinter, onTestA4 }: Props) {
  const savedSerial = saved.scanner?.mode === 'serial' && saved.scanner.path === d.scannerPath.trim();
  return (
    <>
      <h2>扫码枪 Barcode scanner</h2>
      <label htmlFor="scanner-mode">扫码枪模式 Scanner mode</label>
      <select id="scanner-mode" value={d.scannerMode} onChange={(e) => d.setScannerMode(e.target.value as ScannerMode | '')}>
        <option value="">不使用 None</option>
        <option value="serial">串口 Serial (USB-COM)</option>
        <option value="keyboard-wedge">键盘模式 Keyboard wedge</option>
        <option value="camera">摄像头 Camera</option>
      </select>
      {d.scannerMode === 'serial' && (
        <>
          <label htmlFor="scanner-path">扫码枪串口 Scanner port</label>
          <input id="scanner-path" list="serial-ports" value={d.scannerPath} onChange={(e) => d.setScannerPath(e.target.value)} autoComplete="off" />
          <label htmlFor="scanner-charset">字符集 Charset</label>
          <select id="scanner-charset" value={d.charset} onChange={(e) => d.setCharset(e.target.value as Charset)}>
            <option value="auto">自动识别 Auto</option>
            <option value="utf-8">UTF-8</option>
            <option value="gb18030">GBK / GB18030</option>
          </select>
        </>
      )}
      <ScannerTest mode={d.scannerMode} savedSerial={savedSerial} onScan={onScan} />

      <h2>收据打印机 Receipt printer</h2>
      <label htmlFor="printer-path">打印机串口 Printer port</label>
      <input id="printer-path" list="serial-ports" value={d.printerPath} onChange={(e) => d.setPrinterPath(e.target.value)} autoComplete="off" />
      <label htmlFor="printer-baud">打印机波特率 Printer baud</label>
      <select id="printer-baud" value={d.printerBaud} onChange={(e) => d.setPrinterBaud(Number(e.target.value))}>
        {PRINTER_BAUDS.map((b) => (
          <option key={b} value={b}>
            {b}
          </option>
        ))}
      </select>
      <TestButton id="printer" label="打印测试页 Print test page" disabled={!d.printerPath.trim()} run={() => onTestPrinter(d.printerPath.trim(), d.printerBaud)} />

      <h2>A4 打印机 A4 printer</h2>
      <label htmlFor="a4-mode">A4 打印方式 A4 printing</label>
      <select id="a4-mode" value={d.a4Mode} onChange={(e) => d.setA4Mode(e.target.value as '' | 'cups' | 'pdf')}>
        <option value="">不使用 None</option>
        <option value="cups">CUPS 打印队列 CUPS queue</option>
        <option value="pdf">仅保存为 PDF Save as PDF</option>
      </select>
      {d.a4Mode === 'cups' && (
        <>
          <label htmlFor="a4-queue">CUPS 队列名 Queue name</label>
          <input id="a4-queue" value={d.a4Queue} onChange={(e) => d.setA4Queue(e.target.value)} autoComplete="off" placeholder="HP_LaserJet" />
        </>
      )}
      <TestButton
        id="a4"
        label="A4 测试页 A4 test page"
        disabled={d.a4Mode === '' || (d.a4Mode === 'cups' && !d.a4Queue.trim())}
        run={() => onTestA4(d.a4Mode === 'cups' ? d.a4Queue.trim() : null)}
      />
    </>
  );
}
