/**
 * The receipt printer over any byte link (serial port, or the pty simulator). Before each
 * receipt it asks the printer's real-time status (DLE EOT 1) and refuses to send into a
 * printer that does not answer or reports itself offline (cover open, paper out), so the kiosk
 * can offer the PDF instead of losing the receipt.
 */
import type { ByteBinding, ByteLink } from '../serial/binding.js';
import { encodeReceipt, STATUS_REQUEST, type ReceiptLine } from './escpos.js';

export class PrinterError extends Error {
  constructor(
    readonly code: 'no-answer' | 'offline' | 'io',
    readonly message_zh: string,
    readonly message_en: string,
  ) {
    super(`${code}: ${message_en}`);
    this.name = 'PrinterError';
  }
}

export interface PrinterOptions {
  binding: ByteBinding;
  /** How long to wait for the status byte (default 1500 ms). */
  statusTimeoutMs?: number;
}

/** Bit 3 of the DLE EOT 1 answer: the printer is offline. */
const OFFLINE_BIT = 0x08;

/**
 * Asks the real-time status (DLE EOT 1) on an open link; resolves when the printer answers
 * online, else throws PrinterError ('no-answer', 'offline', 'io' when the link ends).
 */
export async function checkStatus(link: ByteLink, timeoutMs: number): Promise<void> {
  const status = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new PrinterError('no-answer', '打印机没有响应', 'The printer does not answer')), timeoutMs);
    link.onData((chunk) => {
      if (chunk.length > 0) {
        clearTimeout(timer);
        resolve(chunk[0]!);
      }
    });
    link.onClose(() => {
      clearTimeout(timer);
      reject(new PrinterError('io', '打印机连接断开', 'The printer connection was lost'));
    });
    link.write(STATUS_REQUEST).catch(reject);
  });
  if (status & OFFLINE_BIT) throw new PrinterError('offline', '打印机缺纸或纸仓未关好', 'The printer is out of paper or its cover is open');
}

export async function printReceipt(lines: readonly ReceiptLine[], opts: PrinterOptions): Promise<{ bytes: number }> {
  let link;
  try {
    link = await opts.binding.open();
  } catch (e) {
    const m = e as { message_zh?: string; message_en?: string };
    throw new PrinterError('io', m.message_zh ?? '打不开打印机端口', m.message_en ?? 'Cannot open the printer port');
  }
  try {
    await checkStatus(link, opts.statusTimeoutMs ?? 1500);
    const bytes = encodeReceipt(lines);
    await link.write(bytes);
    return { bytes: bytes.length };
  } finally {
    await link.close();
  }
}
