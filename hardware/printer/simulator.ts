/**
 * Receipt printer simulator on a socat pty pair: the app opens `link` as the printer's serial
 * port; the simulator answers status requests, decodes what it receives and, at each cut,
 * writes the receipt as text (`receipt-N.txt`) and its QR codes as PNG (`receipt-N-qr.png`)
 * into `outDir`, and emits it. `paperOut()` makes it report offline, as a real printer would.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { startPtyDevice } from '../serial/pty-pair.js';
import { EscPosDecoder, receiptText, type DecodedReceipt } from './escpos-decode.js';

export interface PrintedReceipt extends DecodedReceipt {
  text: string;
  textPath: string;
  qrPngPaths: string[];
}

export interface PrinterSimulator {
  readonly appPath: string;
  readonly receipts: PrintedReceipt[];
  on(event: 'receipt', listener: (r: PrintedReceipt) => void): void;
  /** Waits for the next receipt (or returns one already printed beyond `seen`). */
  nextReceipt(seen?: number, timeoutMs?: number): Promise<PrintedReceipt>;
  paperOut(out: boolean): void;
  close(): Promise<void>;
}

export async function startPrinterSimulator(opts: { link: string; outDir: string }): Promise<PrinterSimulator> {
  mkdirSync(opts.outDir, { recursive: true });
  const { port, close } = await startPtyDevice(opts.link);
  const events = new EventEmitter();
  const decoder = new EscPosDecoder();
  const receipts: PrintedReceipt[] = [];
  let offline = false;
  let statusSeen = 0;

  port.onData((chunk) => {
    decoder.push(chunk);
    while (statusSeen < decoder.state.statusRequests) {
      statusSeen++;
      // DLE EOT 1 answer: bits 1 and 4 always set; bit 3 = offline.
      void port.write(Uint8Array.of(offline ? 0x1a : 0x12));
    }
    while (decoder.state.receipts.length > 0) {
      const r = decoder.state.receipts.shift()!;
      const n = receipts.length + 1;
      const text = receiptText(r);
      const textPath = join(opts.outDir, `receipt-${n}.txt`);
      writeFileSync(textPath, text);
      const qrPngPaths = r.lines.flatMap((l, i) => {
        if (l.kind !== 'qr') return [];
        const p = join(opts.outDir, `receipt-${n}-qr${i}.png`);
        void QRCode.toFile(p, l.data, { errorCorrectionLevel: 'M' });
        return [p];
      });
      const printed = { ...r, text, textPath, qrPngPaths };
      receipts.push(printed);
      events.emit('receipt', printed);
    }
  });

  return {
    appPath: opts.link,
    receipts,
    on: (event, listener) => void events.on(event, listener),
    nextReceipt(seen = receipts.length, timeoutMs = 10_000) {
      const have = receipts[seen];
      if (have) return Promise.resolve(have);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error('no receipt printed')), timeoutMs);
        events.once('receipt', (r: PrintedReceipt) => {
          clearTimeout(t);
          resolve(r);
        });
      });
    },
    paperOut(out) {
      offline = out;
    },
    close,
  };
}
