/**
 * Reads an ESC/POS byte stream back into receipts: what the printer simulator renders and what
 * tests compare with what was meant. Understands the commands encodeReceipt sends and skips
 * other known ones by their length; unknown bytes are kept as-is in the text so nothing hides.
 */
import { decodeBytes } from '../../src-shared/scan/charset.js';
import { DLE, EOT, ESC, FS, GS, LF, type Align, type ReceiptLine } from './escpos.js';

export interface DecodedReceipt {
  lines: ReceiptLine[];
}

export interface DecodeState {
  receipts: DecodedReceipt[];
  /** Status requests seen (the simulator answers each one). */
  statusRequests: number;
}

const ALIGNS: Align[] = ['left', 'center', 'right'];

/** Incremental: feed chunks, take finished receipts (ended by a cut) from `state.receipts`. */
export class EscPosDecoder {
  private buf: number[] = [];
  private lines: ReceiptLine[] = [];
  private text: number[] = [];
  private align: Align = 'left';
  private bold = false;
  private size: 1 | 2 = 1;
  readonly state: DecodeState = { receipts: [], statusRequests: 0 };

  push(chunk: Uint8Array): void {
    for (const b of chunk) this.buf.push(b);
    this.run();
  }

  private flushText(): void {
    const bytes = Uint8Array.from(this.text);
    this.text = [];
    // The line feed that ends a QR code's line is not a blank text line.
    if (bytes.length === 0 && this.lines[this.lines.length - 1]?.kind === 'qr') return;
    const text = decodeBytes(bytes, 'gbk').text;
    if (/^-{8,}$/.test(text)) this.lines.push({ kind: 'rule' });
    else {
      const line: ReceiptLine = { kind: 'text', text, align: this.align };
      if (this.bold) line.bold = true;
      if (this.size === 2) line.size = 2;
      this.lines.push(line);
    }
  }

  /** Consumes whole commands from the buffer; leaves a partial command for the next chunk. */
  private run(): void {
    const b = this.buf;
    let i = 0;
    const need = (n: number) => i + n <= b.length;
    while (i < b.length) {
      const c = b[i]!;
      if (c === LF) {
        this.flushText();
        i += 1;
      } else if (c === DLE) {
        if (!need(3)) break;
        if (b[i + 1] === EOT) this.state.statusRequests++;
        i += 3;
      } else if (c === FS) {
        if (!need(2)) break;
        i += 2; // FS & / FS . : Chinese mode on/off
      } else if (c === ESC) {
        if (!need(2)) break;
        const op = b[i + 1]!;
        if (op === 0x40) {
          this.align = 'left';
          this.bold = false;
          this.size = 1;
          i += 2;
        } else {
          if (!need(3)) break;
          const n = b[i + 2]!;
          if (op === 0x61) this.align = ALIGNS[n] ?? 'left';
          else if (op === 0x45) this.bold = n === 1;
          else if (op === 0x64) for (let k = 0; k < n; k++) this.lines.push({ kind: 'feed', lines: 1 });
          i += 3;
        }
      } else if (c === GS) {
        if (!need(2)) break;
        const op = b[i + 1]!;
        if (op === 0x21) {
          if (!need(3)) break;
          this.size = b[i + 2] === 0x11 ? 2 : 1;
          i += 3;
        } else if (op === 0x56) {
          if (!need(4)) break;
          i += 4;
          if (this.text.length) this.flushText();
          this.state.receipts.push({ lines: mergeFeeds(this.lines) });
          this.lines = [];
        } else if (op === 0x28) {
          if (!need(5)) break;
          const len = b[i + 3]! | (b[i + 4]! << 8);
          if (!need(5 + len)) break;
          const body = b.slice(i + 5, i + 5 + len);
          if (body[0] === 0x31 && body[1] === 0x50) {
            this.lines.push({ kind: 'qr', data: new TextDecoder().decode(Uint8Array.from(body.slice(3))), align: this.align });
          }
          i += 5 + len;
        } else i += 2;
      } else {
        this.text.push(c);
        i += 1;
      }
    }
    this.buf = b.slice(i);
  }
}

function mergeFeeds(lines: ReceiptLine[]): ReceiptLine[] {
  const out: ReceiptLine[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    if (l.kind === 'feed' && prev?.kind === 'feed') prev.lines += l.lines;
    else out.push(l.kind === 'feed' ? { ...l } : l);
  }
  return out;
}

/** The receipt as plain text, the way it reads on paper; QR codes as their content. */
export function receiptText(r: DecodedReceipt, columns = 48): string {
  return r.lines
    .map((l) => {
      if (l.kind === 'rule') return '-'.repeat(columns);
      if (l.kind === 'feed') return '\n'.repeat(Math.max(0, l.lines - 1));
      if (l.kind === 'qr') return `[QR ${l.data}]`;
      const width = [...l.text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0) * (l.size ?? 1);
      const pad = l.align === 'center' ? Math.max(0, Math.floor((columns - width) / 2)) : l.align === 'right' ? Math.max(0, columns - width) : 0;
      return ' '.repeat(pad) + l.text;
    })
    .join('\n');
}
