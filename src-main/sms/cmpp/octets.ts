/**
 * CMPP's fixed-width fields: an "Octet String" is ASCII, left-aligned and padded with zero
 * bytes to its width. A field read back stops at the first zero byte.
 */
export function octets(value: string, width: number): Buffer {
  const out = Buffer.alloc(width);
  const bytes = Buffer.from(value, 'latin1');
  if (bytes.length > width) throw new RangeError(`CMPP field of ${width} bytes cannot hold ${bytes.length}`);
  bytes.copy(out);
  return out;
}

export function readOctets(buf: Buffer, offset: number, width: number): string {
  const raw = buf.subarray(offset, offset + width);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? raw.length : end).toString('latin1');
}

/** Reads fields one after another from a body. */
export class BodyReader {
  private at = 0;
  constructor(private readonly buf: Buffer) {}

  private need(n: number): void {
    if (this.at + n > this.buf.length) throw new RangeError(`CMPP body too short: needs ${this.at + n} bytes, has ${this.buf.length}`);
  }
  u8(): number {
    this.need(1);
    return this.buf.readUInt8(this.at++);
  }
  u32(): number {
    this.need(4);
    const v = this.buf.readUInt32BE(this.at);
    this.at += 4;
    return v;
  }
  bytes(n: number): Buffer {
    this.need(n);
    const b = Buffer.from(this.buf.subarray(this.at, this.at + n));
    this.at += n;
    return b;
  }
  text(width: number): string {
    this.need(width);
    const s = readOctets(this.buf, this.at, width);
    this.at += width;
    return s;
  }
}
