/**
 * The receipt on the ESC/POS printer over a real pty (socat) with the printer simulator: what
 * is printed decodes back to what was meant, Chinese in GBK and the QR payload intact; a
 * printer out of paper is refused before any byte of the receipt is sent.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { startPrinterSimulator, type PrinterSimulator } from '../../../hardware/printer/simulator.js';
import { printReceipt, PrinterError } from '../../../hardware/printer/printer.js';
import { encodeReceipt, type ReceiptLine } from '../../../hardware/printer/escpos.js';
import { EscPosDecoder } from '../../../hardware/printer/escpos-decode.js';
import { serialBinding } from '../../../hardware/serial/serialport-binding.js';
import { tempDir } from '../../support/tmp.js';

const LINES: ReceiptLine[] = [
  { kind: 'text', text: '焦作市山阳区人民法院', align: 'center', bold: true },
  { kind: 'text', text: '执行立案申请回执', align: 'center', size: 2 },
  { kind: 'rule' },
  { kind: 'text', text: '案号：（2026）豫0811执12号' },
  { kind: 'qr', data: 'YZT1:0b7c1b8e-1111-4111-8111-111111111111:0123456789abcdef', align: 'center' },
];

describe('receipt printer', () => {
  let dir: ReturnType<typeof tempDir>;
  let sim: PrinterSimulator;
  beforeEach(async () => {
    dir = tempDir();
    sim = await startPrinterSimulator({ link: join(dir.path, 'printer'), outDir: join(dir.path, 'out') });
  });
  afterEach(async () => {
    await sim.close();
    dir.cleanup();
  });

  it('prints a receipt that decodes back to its lines, with text and QR files', async () => {
    const r = await printReceipt(LINES, { binding: serialBinding({ path: sim.appPath }) });
    expect(r.bytes).toBeGreaterThan(100);
    const printed = await sim.nextReceipt(0);
    const meant = LINES.map((l) => (l.kind === 'text' ? { align: 'left', ...l } : l));
    expect(printed.lines.filter((l) => l.kind !== 'feed')).toEqual(meant);
    expect(readFileSync(printed.textPath, 'utf8')).toContain('（2026）豫0811执12号');
    await expect.poll(() => printed.qrPngPaths.every((p) => existsSync(p))).toBe(true);
  });

  it('refuses a printer that reports itself offline (paper out) without sending the receipt', async () => {
    sim.paperOut(true);
    const err = await printReceipt(LINES, { binding: serialBinding({ path: sim.appPath }) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrinterError);
    expect((err as PrinterError).code).toBe('offline');
    expect((err as PrinterError).message_zh).toContain('缺纸');
    expect(sim.receipts).toHaveLength(0);
  });

  it('decodes a receipt split into one-byte chunks the same as whole', () => {
    const bytes = encodeReceipt(LINES);
    const whole = new EscPosDecoder();
    whole.push(bytes);
    const split = new EscPosDecoder();
    for (const b of bytes) split.push(Uint8Array.of(b));
    expect(split.state.receipts).toEqual(whole.state.receipts);
    expect(whole.state.receipts).toHaveLength(1);
  });
});
