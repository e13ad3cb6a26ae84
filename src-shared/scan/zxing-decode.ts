/**
 * Barcode decoding strategy over @zxing/library (pure JavaScript, runs in a Node worker thread
 * and in a browser Web Worker alike). Synchronous and CPU-heavy: call it off the UI thread.
 *
 * Why the pyramid: zxing-js fails on large frames where a smaller copy decodes (zxing-js
 * #226/#343/#593). A 300-dpi A4 page is tried at 1/3, then 1/2, then full size, TRY_HARDER;
 * each found symbol is painted out so that the next attempt finds the next one.
 */
import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  MultiFormatReader,
  RGBLuminanceSource,
  ZXingStringEncoding,
  type Result,
} from '@zxing/library';
import { decodeBytes, type CharsetSetting, type CharsetUsed } from './charset.js';
import { blur3, clampRect, crop, downscale, type GreyImage, type Rect } from './luminance.js';
import { candidateRegions } from './regions.js';

export type FormatName = 'qr' | 'datamatrix' | 'pdf417' | 'code128';
export const ALL_FORMATS: readonly FormatName[] = ['qr', 'datamatrix', 'pdf417', 'code128'];

const ZXING_FORMAT: Record<FormatName, BarcodeFormat> = {
  qr: BarcodeFormat.QR_CODE,
  datamatrix: BarcodeFormat.DATA_MATRIX,
  pdf417: BarcodeFormat.PDF_417,
  code128: BarcodeFormat.CODE_128,
};

export interface DecodeOptions {
  formats?: readonly FormatName[];
  charset?: CharsetSetting;
  /** Stop after this many distinct symbols (default 1: the first code is what is wanted). */
  maxResults?: number;
  /** Downscale factors tried in order; 1 is full size. */
  pyramid?: readonly number[];
  /** Try crops of barcode-like regions after the first pyramid level (default true). */
  regions?: boolean;
  /** Run every pyramid level even after something was found (slower, finds more per page). */
  exhaustive?: boolean;
}

export interface DecodedSymbol {
  text: string;
  format: FormatName;
  charset: CharsetUsed;
  /** False when the bytes fit no candidate charset cleanly: show them for confirmation. */
  charsetConfident: boolean;
  /** Payload bytes when the whole content was byte-recoverable (byte mode plus ASCII modes). */
  bytes?: Uint8Array;
  /** Corner/finder points in full-image pixels. */
  points: Array<{ x: number; y: number }>;
  /** Which attempt found it, e.g. `scale 1/3` or `region 2 @1/1`: for measuring strategies. */
  via: string;
}

export interface DecodeOutcome {
  symbols: DecodedSymbol[];
  attempts: number;
}

// Byte segments are routed through this decoder as U+E000+byte so that the caller, not
// zxing's guess (which reads GBK as Shift_JIS), chooses the charset from the raw bytes.
const RAW_SENTINEL = 'X-YZT-RAW-BYTES';
const RAW_BASE = 0xe000;
let rawInstalled = false;
/** Charset named by an ECI in the symbol last decoded (zxing decodes synchronously). */
let eciSeen: string | undefined;

function installRawByteCapture(): void {
  if (rawInstalled) return;
  rawInstalled = true;
  ZXingStringEncoding.customDecoder = (bytes: Uint8Array, name: string): string => {
    if (name === RAW_SENTINEL || /^ISO-?8859[-_]?1$/i.test(name)) {
      let s = '';
      for (const b of bytes) s += String.fromCharCode(RAW_BASE + b);
      return s;
    }
    // An ECI named the charset explicitly: honour it (ISO/IEC 18004 section 6.4.2).
    eciSeen = name;
    try {
      return new (globalThis as unknown as { TextDecoder: new (l: string) => { decode(b: Uint8Array): string } }).TextDecoder(name).decode(bytes);
    } catch {
      let s = '';
      for (const b of bytes) s += String.fromCharCode(RAW_BASE + b);
      return s;
    }
  };
}

function isRaw(c: number): boolean {
  return c >= RAW_BASE && c <= RAW_BASE + 0xff;
}

function eciCharset(name: string): CharsetUsed {
  if (/^utf-?8$/i.test(name)) return 'utf-8';
  if (/^(gb18030|gbk|gb2312|euc[-_]?cn)$/i.test(name)) return 'gb18030';
  return 'other';
}

/** Turns zxing's text (with captured raw bytes) into final text under the charset setting. */
export function resolveText(zxText: string, setting: CharsetSetting, eci?: string): { text: string; charset: CharsetUsed; confident: boolean; bytes?: Uint8Array } {
  const codes = Array.from(zxText, (ch) => ch.codePointAt(0) ?? 0);
  if (!codes.some(isRaw)) {
    const ascii = codes.every((c) => c < 0x80);
    return { text: zxText, charset: ascii ? 'ascii' : eci ? eciCharset(eci) : 'other', confident: true };
  }
  if (codes.every((c) => isRaw(c) || c < 0x80)) {
    // Numeric/alphanumeric segments are ASCII, identical in every candidate charset, so the
    // whole payload is one byte string and multi-byte characters are never split.
    const bytes = Uint8Array.from(codes, (c) => (isRaw(c) ? c - RAW_BASE : c));
    const d = decodeBytes(bytes, setting);
    return { text: d.text, charset: d.charset, confident: d.confident, bytes };
  }
  // Mixed with Kanji-mode or ECI text: decode each raw run on its own.
  let text = '';
  let run: number[] = [];
  let charset: CharsetUsed = 'ascii';
  let confident = true;
  const flush = (): void => {
    if (run.length === 0) return;
    const d = decodeBytes(Uint8Array.from(run), setting);
    text += d.text;
    if (d.charset !== 'ascii') charset = d.charset;
    confident &&= d.confident;
    run = [];
  };
  for (const c of codes) {
    if (isRaw(c)) run.push(c - RAW_BASE);
    else {
      flush();
      text += String.fromCodePoint(c);
    }
  }
  flush();
  return { text, charset, confident };
}

function formatName(f: BarcodeFormat): FormatName | undefined {
  for (const [name, z] of Object.entries(ZXING_FORMAT)) if (z === f) return name as FormatName;
  return undefined;
}

interface Attempt {
  img: GreyImage;
  scale: number;
  /** Where `img` sits in the full image (crops), before scaling back. */
  offset?: { left: number; top: number };
  rect: Rect;
  via: string;
}

function attemptDecode(reader: MultiFormatReader, a: Attempt): Result | undefined {
  const { img, rect } = a;
  if (rect.width < 16 || rect.height < 16) return undefined;
  eciSeen = undefined;
  try {
    const source = new RGBLuminanceSource(img.data, rect.width, rect.height, img.width, img.height, rect.left, rect.top);
    return reader.decodeWithState(new BinaryBitmap(new HybridBinarizer(source)));
  } catch {
    // NotFound/Checksum/Format exceptions are the normal "nothing here"; zxing-js also throws
    // plain errors on some degenerate crops, which mean the same to us.
    return undefined;
  }
}

/** Bounding box of a found symbol in full-image pixels, grown so that painting it out covers it. */
function symbolBox(points: Array<{ x: number; y: number }>, format: FormatName): Rect {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  let left = Math.min(...xs);
  let top = Math.min(...ys);
  let w = Math.max(...xs) - left;
  let h = Math.max(...ys) - top;
  const size = Math.max(w, h, 20);
  // Finder/corner points sit inside the symbol; linear codes report only the scan row.
  const grow = format === 'code128' ? { x: size * 0.1, y: size * 0.5 } : { x: size * 0.35, y: size * 0.35 };
  left -= grow.x;
  top -= grow.y;
  w += 2 * grow.x;
  h += 2 * grow.y;
  return { left, top, width: w, height: h };
}

const MAX_REGIONS = 12;

function overlaps(a: Rect, b: Rect): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

function paintOut(img: GreyImage, r: Rect): void {
  const c = clampRect(r, img.width, img.height);
  for (let y = c.top; y < c.top + c.height; y++) img.data.fill(255, y * img.width + c.left, y * img.width + c.left + c.width);
}

export function decodeGreyImage(input: GreyImage, opts: DecodeOptions = {}): DecodeOutcome {
  installRawByteCapture();
  const formats = opts.formats && opts.formats.length > 0 ? opts.formats : ALL_FORMATS;
  const setting = opts.charset ?? 'auto';
  const maxResults = opts.maxResults ?? 1;
  const reader = new MultiFormatReader();
  const hints = new Map<DecodeHintType, unknown>();
  hints.set(DecodeHintType.POSSIBLE_FORMATS, formats.map((f) => ZXING_FORMAT[f]));
  hints.set(DecodeHintType.TRY_HARDER, true);
  hints.set(DecodeHintType.CHARACTER_SET, RAW_SENTINEL);
  reader.setHints(hints);

  // Painting out found symbols must not touch the caller's buffer.
  const full: GreyImage = { data: new Uint8ClampedArray(input.data), width: input.width, height: input.height };
  const symbols: DecodedSymbol[] = [];
  const found: Rect[] = [];
  let attempts = 0;
  const seen = new Set<string>();

  const record = (r: Result, a: Attempt): boolean => {
    const format = formatName(r.getBarcodeFormat());
    if (!format) return false;
    const points = (r.getResultPoints() ?? []).map((p) => ({
      x: (a.rect.left + p.getX()) * a.scale + (a.offset?.left ?? 0),
      y: (a.rect.top + p.getY()) * a.scale + (a.offset?.top ?? 0),
    }));
    const box = symbolBox(points, format);
    paintOut(full, box);
    found.push(box);
    const key = `${format}\u0000${r.getText()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    const t = resolveText(r.getText(), setting, eciSeen);
    const s: DecodedSymbol = { text: t.text, format, charset: t.charset, charsetConfident: t.confident, points, via: a.via };
    if (t.bytes) s.bytes = t.bytes;
    symbols.push(s);
    return true;
  };

  const wholeImage = (scale: number): void => {
    // Repeat at this level while it keeps finding new symbols; a repeat means painting out failed.
    while (symbols.length < maxResults) {
      const img = scale === 1 ? full : downscale(full, scale);
      attempts++;
      const a: Attempt = { img, scale, rect: { left: 0, top: 0, width: img.width, height: img.height }, via: `scale 1/${scale}` };
      const r = attemptDecode(reader, a);
      if (!r || !record(r, a)) break;
    }
  };

  // Measured on generated A4 pages (bench/barcode.bench.ts): the 1/3 level finds most Code128
  // and large QR codes cheaply; small rotated QR codes under noise need the region crops; the
  // costly 1/2 and full-size whole-page passes run only when nothing was found (or asked for).
  const levels = opts.pyramid ?? defaultPyramid(full);
  const [first, ...rest] = levels;
  if (first !== undefined) wholeImage(first);
  if (opts.regions !== false && symbols.length < maxResults) {
    const regions = candidateRegions(full)
      .filter((r) => !found.some((f) => overlaps(f, r)))
      .slice(0, MAX_REGIONS);
    regions.forEach((region, i) => {
      if (symbols.length >= maxResults) return;
      const rect = clampRect(region, full.width, full.height);
      const raw = crop(full, rect);
      // Cheapest first: half size, then full size, then full size smoothed against noise.
      const variants: Array<[string, () => GreyImage, number]> = [
        ['1/2', () => downscale(raw, 2), 2],
        ['1/1', () => raw, 1],
        ['1/1 blur', () => blur3(raw), 1],
      ];
      for (const [name, make, scale] of variants) {
        const img = make();
        attempts++;
        const a: Attempt = { img, scale, offset: rect, rect: { left: 0, top: 0, width: img.width, height: img.height }, via: `region ${i} @${name}` };
        const r = attemptDecode(reader, a);
        if (r) {
          record(r, a);
          break;
        }
      }
    });
  }
  for (const scale of rest) {
    if (symbols.length > 0 && !opts.exhaustive) break;
    wholeImage(scale);
  }
  return { symbols, attempts };
}

/** 1/3 then 1/2 then full for page-sized images; small frames (camera, crops) go straight to full. */
export function defaultPyramid(img: { width: number; height: number }): number[] {
  const long = Math.max(img.width, img.height);
  if (long >= 1800) return [3, 2, 1];
  if (long >= 1000) return [2, 1];
  return [1];
}
