import { HEADER_BYTES, MAX_FRAME_BYTES, MAX_LEN, MIN_LEN, xorChecksum } from './protocol.js';

export type DecodeIssue =
  /** Bytes before a preamble that belong to no frame (line noise, a half frame after a reset). */
  | { kind: 'garbage'; bytes: number }
  /** LEN outside MIN_LEN..MAX_LEN: the preamble was noise or the frame is corrupt; skipped unbuffered. */
  | { kind: 'bad-length'; len: number }
  /** A whole frame arrived but its XOR checksum does not match. */
  | { kind: 'bad-checksum'; len: number };

export interface DecoderStats {
  frames: number;
  garbageBytes: number;
  badLength: number;
  badChecksum: number;
}

const A = 0xaa;
const PREFIX = [A, A, A, 0x96];

/**
 * Streaming frame decoder: feed it byte chunks as they arrive (split reads, several frames in
 * one chunk, noise in between) and it returns whole, checksum-verified frame bodies. The buffer
 * never holds more than one maximal frame, whatever the input.
 */
export class FrameDecoder {
  private readonly buf = new Uint8Array(MAX_FRAME_BYTES);
  private start = 0;
  private end = 0;
  readonly stats: DecoderStats = { frames: 0, garbageBytes: 0, badLength: 0, badChecksum: 0 };

  constructor(private readonly onIssue?: (issue: DecodeIssue) => void) {}

  /** Bytes held waiting for the rest of a frame; never above MAX_FRAME_BYTES. */
  get buffered(): number {
    return this.end - this.start;
  }

  /** Drops any partial frame, e.g. after a command timed out and its answer is no longer wanted. */
  reset(): void {
    this.start = 0;
    this.end = 0;
  }

  /** Returns the bodies (bytes between LEN and CHK) of every frame completed by this chunk. */
  push(chunk: Uint8Array): Uint8Array[] {
    const frames: Uint8Array[] = [];
    let offset = 0;
    while (offset < chunk.length) {
      if (this.start > 0 && this.end + (chunk.length - offset) > this.buf.length) this.compact();
      const n = Math.min(this.buf.length - this.end, chunk.length - offset);
      this.buf.set(chunk.subarray(offset, offset + n), this.end);
      this.end += n;
      offset += n;
      this.parse(frames);
    }
    return frames;
  }

  private compact(): void {
    this.buf.copyWithin(0, this.start, this.end);
    this.end -= this.start;
    this.start = 0;
  }

  private skip(n: number, counted: boolean): void {
    this.start += n;
    if (counted) {
      this.stats.garbageBytes += n;
      this.onIssue?.({ kind: 'garbage', bytes: n });
    }
    if (this.start === this.end) this.reset();
  }

  private parse(frames: Uint8Array[]): void {
    const b = this.buf;
    for (;;) {
      const avail = this.end - this.start;
      if (avail === 0) return;
      const at = this.findPreamble();
      if (at < 0) {
        // Keep a tail that may still grow into a preamble; the rest is noise.
        const keep = this.possiblePreambleTail();
        if (avail - keep > 0) this.skip(avail - keep, true);
        return;
      }
      if (at > this.start) this.skip(at - this.start, true);
      if (this.end - this.start < HEADER_BYTES) return;
      const s = this.start;
      const len = (b[s + 5]! << 8) | b[s + 6]!;
      if (len < MIN_LEN || len > MAX_LEN) {
        this.stats.badLength++;
        this.onIssue?.({ kind: 'bad-length', len });
        // Step past the first preamble byte only: a real frame may start inside what we skip.
        this.skip(1, false);
        continue;
      }
      const total = HEADER_BYTES + len;
      if (this.end - s < total) return;
      const chk = xorChecksum(b, s + 5, s + total - 1);
      if (chk !== b[s + total - 1]) {
        this.stats.badChecksum++;
        this.onIssue?.({ kind: 'bad-checksum', len });
        this.skip(1, false);
        continue;
      }
      frames.push(b.slice(s + HEADER_BYTES, s + total - 1));
      this.stats.frames++;
      this.skip(total, false);
    }
  }

  /** Index of the first full preamble at or after start, -1 if none. */
  private findPreamble(): number {
    const b = this.buf;
    let i = this.start;
    while (i + 5 <= this.end) {
      const a = b.indexOf(A, i);
      if (a < 0 || a + 5 > this.end) return -1;
      if (b[a + 1] === A && b[a + 2] === A && b[a + 3] === 0x96 && b[a + 4] === 0x69) return a;
      i = a + 1;
    }
    return -1;
  }

  /** How many trailing bytes form a proper prefix of the preamble. */
  private possiblePreambleTail(): number {
    const b = this.buf;
    const avail = this.end - this.start;
    for (let k = Math.min(4, avail); k > 0; k--) {
      let ok = true;
      for (let j = 0; j < k && ok; j++) ok = b[this.end - k + j] === PREFIX[j];
      if (ok) return k;
    }
    return 0;
  }
}
