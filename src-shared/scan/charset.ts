/**
 * Byte payloads from QR codes and serial scanners carry no charset (no ECI, no header): Chinese
 * issuers print GBK/GB18030 as often as UTF-8 (zxing issue #708, zxing-cpp #430). We decode the
 * raw bytes with each candidate and keep the one that yields plausible text.
 */

// src-shared is typed without DOM or Node libs; TextDecoder exists in every runtime we ship to
// (Node with full ICU, Chromium, Web Workers), so declare just what we use.
interface TextDecoderLike {
  decode(bytes: Uint8Array): string;
}
declare const TextDecoder: { new (label: string, options?: { fatal?: boolean }): TextDecoderLike };

/** `auto` tries UTF-8 then GB18030 (a superset of GBK and GB2312). */
export type CharsetSetting = 'auto' | 'utf-8' | 'gbk' | 'gb18030' | 'iso-8859-1';
/**
 * What the bytes were finally read as; `ascii` when every byte is < 0x80 (any charset agrees);
 * `other` when the symbol's own ECI named a charset outside this list (and it was honoured).
 */
export type CharsetUsed = 'ascii' | 'utf-8' | 'gb18030' | 'gbk' | 'iso-8859-1' | 'other';

export interface DecodedText {
  text: string;
  charset: CharsetUsed;
  /**
   * False when the text may not be what was encoded: no candidate gave clean text (we fell back
   * to the least bad reading), a configured charset did not fit, or two charsets give different
   * plausible texts (see `decodeBytes`). An unconfident reading is shown to a person to confirm.
   */
  confident: boolean;
}

export const CHARSET_SETTINGS: readonly CharsetSetting[] = ['auto', 'utf-8', 'gbk', 'gb18030', 'iso-8859-1'];

export function isCharsetSetting(s: unknown): s is CharsetSetting {
  return typeof s === 'string' && (CHARSET_SETTINGS as readonly string[]).includes(s);
}

function tryDecode(bytes: Uint8Array, label: string): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/**
 * Share of characters that real Chinese documents and codes contain: printable ASCII, CJK
 * ideographs, CJK and full-width punctuation. GB18030 maps nearly every byte string to
 * *something*, so a wrong reading shows up as rare ranges (Yi, Hangul, PUA, extension B...).
 */
export function plausibility(text: string): number {
  let good = 0;
  let total = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    total++;
    if (c === 0xfffd) return 0;
    if (
      (c >= 0x20 && c < 0x7f) ||
      c === 0x09 || c === 0x0a || c === 0x0d ||
      (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
      (c >= 0x3000 && c <= 0x303f) || // CJK punctuation
      (c >= 0xff00 && c <= 0xffef) || // full-width forms
      (c >= 0x2010 && c <= 0x203f) || // dashes, quotes, ellipsis
      c === 0xb7 || c === 0xd7 || c === 0xa5
    ) {
      good++;
    }
  }
  return total === 0 ? 1 : good / total;
}

const PLAUSIBLE = 0.95;

/** In a strictly decoded UTF-8 string each non-ASCII code point was one multibyte sequence. */
function multibyteSequences(text: string): number {
  let n = 0;
  for (const ch of text) if ((ch.codePointAt(0) ?? 0) > 0x7f) n++;
  return n;
}

/** Decodes a payload's raw bytes following `setting`; never throws. */
export function decodeBytes(bytes: Uint8Array, setting: CharsetSetting = 'auto'): DecodedText {
  if (bytes.every((b) => b < 0x80)) return { text: latin1(bytes), charset: 'ascii', confident: true };
  if (setting !== 'auto') {
    const strict = tryDecode(bytes, setting);
    if (strict !== undefined) return { text: strict, charset: setting, confident: true };
    // A configured charset that does not fit is still honoured, visibly damaged, for the person to confirm.
    return { text: new TextDecoder(setting).decode(bytes), charset: setting, confident: false };
  }
  const utf8 = tryDecode(bytes, 'utf-8');
  const gb = tryDecode(bytes, 'gb18030');
  if (utf8 !== undefined && plausibility(utf8) >= PLAUSIBLE) {
    // GBK bytes form valid UTF-8 only by accident, and an accident spanning two multibyte
    // sequences is rare enough to ignore, so UTF-8 with two or more wins. With a single one
    // (GBK 娅丂; = E6 AB 81 40 3B = UTF-8 櫁@;) both readings can be right: keep UTF-8 but say so.
    const ambiguous = multibyteSequences(utf8) < 2 && gb !== undefined && gb !== utf8 && plausibility(gb) >= PLAUSIBLE;
    return { text: utf8, charset: 'utf-8', confident: !ambiguous };
  }
  if (gb !== undefined && plausibility(gb) >= PLAUSIBLE) return { text: gb, charset: 'gb18030', confident: true };
  const readings: DecodedText[] = [];
  if (utf8 !== undefined) readings.push({ text: utf8, charset: 'utf-8', confident: false });
  if (gb !== undefined) readings.push({ text: gb, charset: 'gb18030', confident: false });
  readings.push({ text: latin1(bytes), charset: 'iso-8859-1', confident: false });
  readings.sort((a, b) => plausibility(b.text) - plausibility(a.text));
  return readings[0] as DecodedText;
}
