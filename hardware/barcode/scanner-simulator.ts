/**
 * Serial barcode scanner simulator: socat makes a pty pair, the app opens `link` as if it were
 * the scanner's port, and `scan()` writes payload bytes plus the line end on `<link>.sim`.
 * Start-up failures reject with PtyPairError (message_zh/message_en).
 */
import { encodeText } from '../../src-shared/scan/gbk-encode.js';
import { startPtyDevice } from '../serial/pty-pair.js';

export interface ScannerSimulatorOptions {
  link: string;
  baudRate?: number;
  startTimeoutMs?: number;
}

export interface SimScanOptions {
  /** How a string payload is encoded on the wire (default utf-8). Bytes are sent as given. */
  charset?: 'utf-8' | 'gbk';
  /** Line end the scanner is configured to send (default CR, the common factory setting). */
  terminator?: '\r' | '\n' | '\r\n' | '';
}

export interface ScannerSimulator {
  readonly appPath: string;
  readonly simPath: string;
  scan(payload: string | Uint8Array, opts?: SimScanOptions): Promise<void>;
  /** Raw bytes, for split/joined chunk tests. */
  write(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

export class ScannerSimulatorError extends Error {
  constructor(
    readonly message_zh: string,
    readonly message_en: string,
  ) {
    super(message_en);
    this.name = 'ScannerSimulatorError';
  }
}

export async function startScannerSimulator(opts: ScannerSimulatorOptions): Promise<ScannerSimulator> {
  const simPath = `${opts.link}.sim`;
  const device = await startPtyDevice(opts.link, { baudRate: opts.baudRate ?? 115200, timeoutMs: opts.startTimeoutMs ?? 5000 });
  let closed = false;
  const write = async (bytes: Uint8Array): Promise<void> => {
    if (closed) throw new ScannerSimulatorError('模拟扫码枪已关闭', 'The scanner simulator is closed');
    await device.port.write(bytes);
  };
  return {
    appPath: opts.link,
    simPath,
    write,
    async scan(payload, o = {}) {
      const body = typeof payload === 'string' ? encodeText(payload, o.charset ?? 'utf-8') : payload;
      const end = new TextEncoder().encode(o.terminator ?? '\r');
      const bytes = new Uint8Array(body.length + end.length);
      bytes.set(body);
      bytes.set(end, body.length);
      await write(bytes);
    },
    async close() {
      if (closed) return;
      closed = true;
      await device.close();
    },
  };
}
