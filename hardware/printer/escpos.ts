/**
 * ESC/POS for the kiosk's thermal receipt printer: a receipt as a list of lines, encoded to the
 * command bytes most 58/80 mm printers sold in China understand (Epson ESC/POS with the FS &
 * Chinese mode, text in GBK, QR by the GS ( k function 165-181). Pure: no I/O.
 */
import { encodeGbk } from '../../src-shared/scan/gbk-encode.js';

export type Align = 'left' | 'center' | 'right';

export type ReceiptLine =
  | { kind: 'text'; text: string; align?: Align; bold?: boolean; /** 1 normal, 2 double width and height */ size?: 1 | 2 }
  | { kind: 'qr'; data: string; /** module size in dots, 1-16 (default 6) */ module?: number; align?: Align }
  | { kind: 'rule' }
  | { kind: 'feed'; lines: number };

export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;
export const DLE = 0x10;
export const EOT = 0x04;
export const LF = 0x0a;

/** Real-time status request (DLE EOT 1): the printer answers one byte at once. */
export const STATUS_REQUEST = Uint8Array.of(DLE, EOT, 1);

const ALIGN: Record<Align, number> = { left: 0, center: 1, right: 2 };
/** Characters per line at normal size on 80 mm paper (48 half-width columns). */
export const LINE_COLUMNS = 48;

function qrBytes(data: string, module: number): number[] {
  const payload = new TextEncoder().encode(data);
  const len = payload.length + 3;
  return [
    GS, 0x28, 0x6b, 4, 0, 0x31, 0x41, 0x32, 0x00, // model 2
    GS, 0x28, 0x6b, 3, 0, 0x31, 0x43, Math.max(1, Math.min(16, module)), // module size
    GS, 0x28, 0x6b, 3, 0, 0x31, 0x45, 0x31, // error correction M
    GS, 0x28, 0x6b, len & 0xff, len >> 8, 0x31, 0x50, 0x30, ...payload, // store
    GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30, // print
  ];
}

export function encodeReceipt(lines: readonly ReceiptLine[]): Uint8Array {
  const out: number[] = [ESC, 0x40, FS, 0x26]; // initialise; Chinese (GBK) mode
  for (const line of lines) {
    switch (line.kind) {
      case 'text': {
        out.push(ESC, 0x61, ALIGN[line.align ?? 'left'], ESC, 0x45, line.bold ? 1 : 0, GS, 0x21, line.size === 2 ? 0x11 : 0x00);
        out.push(...encodeGbk(line.text.replace(/[\r\n]+/g, ' ')), LF);
        break;
      }
      case 'qr':
        out.push(ESC, 0x61, ALIGN[line.align ?? 'center'], ...qrBytes(line.data, line.module ?? 6), LF);
        break;
      case 'rule':
        out.push(ESC, 0x61, 0, ...new Array<number>(LINE_COLUMNS).fill(0x2d), LF);
        break;
      case 'feed':
        out.push(ESC, 0x64, Math.max(0, Math.min(255, line.lines)));
        break;
    }
  }
  out.push(ESC, 0x64, 4, GS, 0x56, 0x42, 0x00); // feed past the cutter, then partial cut
  return Uint8Array.from(out);
}
