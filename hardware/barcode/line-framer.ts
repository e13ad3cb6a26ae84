/**
 * Serial (CDC/VCP) scanners send each payload as raw bytes followed by CR (most), LF or CR LF
 * (configurable on the scanner). Chunk boundaries mean nothing: a payload may arrive in pieces
 * or several in one chunk, and a CR LF may be split across chunks.
 */
export type FramerOutput = { type: 'line'; bytes: Uint8Array } | { type: 'overflow'; dropped: number };

const CR = 0x0d;
const LF = 0x0a;

export class LineFramer {
  private buf: number[] = [];
  private overflowed = 0;
  private afterCr = false;

  constructor(private readonly maxLineBytes = 4096) {}

  push(chunk: Uint8Array): FramerOutput[] {
    const out: FramerOutput[] = [];
    for (const b of chunk) {
      if (b === LF && this.afterCr) {
        // Second half of CR LF: the line already ended at CR.
        this.afterCr = false;
        continue;
      }
      this.afterCr = b === CR;
      if (b === CR || b === LF) {
        if (this.overflowed > 0) {
          out.push({ type: 'overflow', dropped: this.overflowed + this.buf.length });
          this.overflowed = 0;
        } else if (this.buf.length > 0) {
          out.push({ type: 'line', bytes: Uint8Array.from(this.buf) });
        }
        this.buf = [];
        continue;
      }
      if (this.buf.length >= this.maxLineBytes) {
        // A scanner set to send no terminator, or line noise: drop rather than grow forever.
        this.overflowed += this.buf.length;
        this.buf = [];
      }
      this.buf.push(b);
    }
    return out;
  }

  /** Bytes waiting for a terminator (for scanners configured without one, flushed on idle). */
  takePending(): Uint8Array | undefined {
    if (this.buf.length === 0 || this.overflowed > 0) {
      this.buf = [];
      this.overflowed = 0;
      return undefined;
    }
    const bytes = Uint8Array.from(this.buf);
    this.buf = [];
    return bytes;
  }
}
