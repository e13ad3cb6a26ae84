/**
 * GBK encoder for simulators and test fixtures: TextEncoder only speaks UTF-8, so the table is
 * built once by decoding every GBK double-byte code (about 22k entries, a few milliseconds).
 */
interface TextDecoderLike {
  decode(bytes: Uint8Array): string;
}
declare const TextDecoder: { new (label: string): TextDecoderLike };
declare const TextEncoder: { new (): { encode(s: string): Uint8Array } };

let table: Map<string, number> | undefined;

function gbkTable(): Map<string, number> {
  if (table) return table;
  const t = new Map<string, number>();
  const dec = new TextDecoder('gbk');
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const ch = dec.decode(pair);
      if (ch.length === 1 && ch !== '\ufffd' && !t.has(ch)) t.set(ch, (lead << 8) | trail);
    }
  }
  table = t;
  return t;
}

/** Throws RangeError naming the first character GBK cannot represent. */
export function encodeGbk(text: string): Uint8Array {
  const t = gbkTable();
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) {
      out.push(c);
      continue;
    }
    const code = t.get(ch);
    if (code === undefined) throw new RangeError(`GBK cannot encode U+${c.toString(16).toUpperCase().padStart(4, '0')}`);
    out.push(code >> 8, code & 0xff);
  }
  return Uint8Array.from(out);
}

export function encodeText(text: string, charset: 'utf-8' | 'gbk'): Uint8Array {
  return charset === 'gbk' ? encodeGbk(text) : new TextEncoder().encode(text);
}
