/**
 * Text to UCS-2 segments. One segment holds 70 characters (140 bytes); a longer text is cut
 * into 67-character parts, each led by the 6-byte concatenation header 05 00 03 ref total seq
 * so the phone shows one message. UCS-2 has no surrogate pairs, so a character outside the
 * BMP (rare in case numbers and statuses) is replaced rather than split across segments.
 */
export const SINGLE_CHARS = 70;
export const PART_CHARS = 67;

export interface Segment {
  total: number;
  number: number;
  udhi: 0 | 1;
  content: Buffer;
}

export function ucs2be(text: string): Buffer {
  const chars = Array.from(text, (c) => ((c.codePointAt(0) ?? 0) > 0xffff ? '\ufffd' : c));
  const buf = Buffer.alloc(chars.length * 2);
  chars.forEach((c, i) => buf.writeUInt16BE(c.charCodeAt(0), i * 2));
  return buf;
}

export function fromUcs2be(buf: Buffer): string {
  let s = '';
  for (let i = 0; i + 1 < buf.length; i += 2) s += String.fromCharCode(buf.readUInt16BE(i));
  return s;
}

/** `ref` ties the parts of one message together (0..255). */
export function splitMessage(text: string, ref: number): Segment[] {
  const body = ucs2be(text);
  const chars = body.length / 2;
  if (chars <= SINGLE_CHARS) return [{ total: 1, number: 1, udhi: 0, content: body }];
  const total = Math.ceil(chars / PART_CHARS);
  if (total > 255) throw new RangeError('message too long for concatenation');
  return Array.from({ length: total }, (_, i) => ({
    total,
    number: i + 1,
    udhi: 1 as const,
    content: Buffer.concat([Buffer.from([0x05, 0x00, 0x03, ref & 0xff, total, i + 1]), body.subarray(i * PART_CHARS * 2, (i + 1) * PART_CHARS * 2)]),
  }));
}

/** A segment's header (when udhi) and text, for whoever reassembles. */
export function readSegment(content: Buffer, udhi: number): { ref: number | null; total: number; number: number; text: string } {
  if (!udhi) return { ref: null, total: 1, number: 1, text: fromUcs2be(content) };
  const udhl = content.readUInt8(0);
  const ie = content.subarray(1, 1 + udhl);
  const ok = ie[0] === 0x00 && ie[1] === 0x03;
  return { ref: ok ? ie[2]! : null, total: ok ? ie[3]! : 1, number: ok ? ie[4]! : 1, text: fromUcs2be(content.subarray(1 + udhl)) };
}
