/**
 * One page, first code first. Measured on bench/barcode.bench.ts pages (300-dpi A4 with text,
 * a seal and a small code): the region that looks most like a code (src-shared/scan/regions.ts,
 * found on a quarter-size copy) held the code on every page but the camera photos, and zxing
 * reads such a full-size crop in 1-35 ms, where the half-size page takes 40-450 ms because
 * body text gives zxing-cpp's detectors thousands of candidates. So: ranked crops first, then
 * the half-size page, then the full page. Each step runs only while fewer symbols than asked
 * for were found.
 *
 * A JPEG scan first comes at a reduced level (decoded at 1/2, hardware/barcode/jpeg-levels.ts):
 * the same steps run on it at that level, regions still found on a quarter of the scan, and the
 * page read whole at its level stands for the half-size step of a later full-size pass.
 */
import type { ReadResult } from 'zxing-wasm/reader';
import { decodeBytes, type CharsetSetting, type CharsetUsed } from '../../src-shared/scan/charset.js';
import { clampRect, crop, downscale, type GreyImage, type Rect } from '../../src-shared/scan/luminance.js';
import { candidateRegions } from '../../src-shared/scan/regions.js';
import { ALL_FORMATS, type DecodedSymbol, type DecodeOutcome, type FormatName } from '../../src-shared/scan/zxing-decode.js';
import { formatOf, wasmRead, type WasmReadOptions } from './wasm-reader.js';

export interface PageDecodeOptions {
  formats?: readonly FormatName[];
  charset?: CharsetSetting;
  /** Stop after this many distinct symbols (default 1: the first code is what is wanted). */
  maxResults?: number;
  /** Try every step even after a find. */
  exhaustive?: boolean;
  /** The page is the scan shrunk by this factor (a JPEG decoded at a reduced level); default 1. */
  level?: number;
  /** Whole-page reads a reduced-level pass already made (as scan scales, 2 = half): not repeated. */
  wholeScalesDone?: readonly number[];
}

/** Regions tried at full size before the whole page is: past these the ranking is noise. */
const MAX_REGIONS = 6;

type ReadMode = Omit<WasmReadOptions, 'maxResults'>;

/**
 * Ways to read the ranked crops, cheapest first; each runs over every crop still unread before
 * the next. A plain read of a crop takes 1-8 ms, TRY_HARDER took 20-65 ms on a Code128 crop
 * the plain read also finds. A fixed threshold read the one page of 160 that neither did: a QR
 * turned 50 degrees with the seal's grey ring across its quiet zone (seed 102).
 */
const CROP_MODES: ReadonlyArray<{ mode: ReadMode; tag: string }> = [
  { mode: { tryHarder: false }, tag: '' },
  { mode: { tryHarder: true }, tag: ' hard' },
  { mode: { tryHarder: true, binarizer: 'FixedThreshold' }, tag: ' fixed' },
];

function eciCharset(text: string, bytes: Uint8Array): CharsetUsed {
  const d = decodeBytes(bytes, 'auto');
  return d.text === text ? d.charset : 'other';
}

/** zxing-cpp gives the payload's raw bytes: the charset is chosen here, as for zxing-js. */
export function symbolText(r: ReadResult, setting: CharsetSetting): { text: string; charset: CharsetUsed; confident: boolean; bytes?: Uint8Array } {
  const bytes = r.bytes;
  // An ECI named the charset in the symbol itself (ISO/IEC 18004 6.4.2): zxing-cpp honoured it.
  if (r.hasECI) return { text: r.text, charset: eciCharset(r.text, bytes), confident: true };
  const d = decodeBytes(bytes, setting);
  return { text: d.text, charset: d.charset, confident: d.confident, bytes };
}

/** A zxing-wasm result as the project's symbol, its corners scaled back to the page. */
export function toSymbol(r: ReadResult, setting: CharsetSetting, scale: number, offset: { left: number; top: number }, via: string): DecodedSymbol | undefined {
  const format = formatOf(r.format);
  if (!format) return undefined;
  const p = r.position;
  const points = [p.topLeft, p.topRight, p.bottomRight, p.bottomLeft].map((q) => ({ x: q.x * scale + offset.left, y: q.y * scale + offset.top }));
  const t = symbolText(r, setting);
  const s: DecodedSymbol = { text: t.text, format, charset: t.charset, charsetConfident: t.confident, points, via };
  if (t.bytes) s.bytes = t.bytes;
  return s;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

export async function decodePage(page: GreyImage, opts: PageDecodeOptions = {}): Promise<DecodeOutcome> {
  const formats = opts.formats && opts.formats.length > 0 ? opts.formats : ALL_FORMATS;
  const setting = opts.charset ?? 'auto';
  const maxResults = opts.maxResults ?? 1;
  const symbols: DecodedSymbol[] = [];
  const found: Rect[] = [];
  const seen = new Set<string>();
  let attempts = 0;
  const enough = (): boolean => !opts.exhaustive && symbols.length >= maxResults;

  const attempt = async (img: GreyImage, scale: number, offset: { left: number; top: number }, via: string, mode: ReadMode): Promise<void> => {
    if (img.width < 16 || img.height < 16) return;
    attempts++;
    const results = await wasmRead(img, formats, { ...mode, maxResults: Math.max(1, maxResults - symbols.length) });
    for (const r of results) {
      const s = toSymbol(r, setting, scale, offset, via);
      if (!s) continue;
      const xs = s.points.map((q) => q.x);
      const ys = s.points.map((q) => q.y);
      found.push({ left: Math.min(...xs), top: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) });
      const key = `${s.format}\u0000${Array.from(r.bytes).join(',')}`;
      if (seen.has(key) || symbols.length >= maxResults) continue;
      seen.add(key);
      symbols.push(s);
    }
  };

  const level = opts.level ?? 1;
  const long = Math.max(page.width, page.height) * level;
  if (long < 1800) {
    // Camera frames and crops: small enough to read whole at once.
    await attempt(page, level, { left: 0, top: 0 }, `scale 1/${level}`, { tryHarder: true });
    return { symbols, attempts };
  }
  // Regions are found on a quarter of the scan whatever level the page came at, so the search
  // sees what it was tuned on; their boxes come in scan coordinates. Only the shape of the
  // scan is read (its pixels are not, when the quarter is given).
  const quarter = downscale(page, 4 / level);
  const scanShape: GreyImage = { data: page.data, width: page.width * level, height: page.height * level };
  const regions = candidateRegions(scanShape, undefined, quarter)
    .slice(0, MAX_REGIONS)
    .map((region) => clampRect(region, scanShape.width, scanShape.height));
  const at = level === 1 ? '' : ` at 1/${level}`;
  const crops = new Map<number, GreyImage>();
  for (const { mode, tag } of CROP_MODES) {
    for (const [i, rect] of regions.entries()) {
      if (enough()) break;
      if (found.some((f) => overlaps(f, rect))) continue;
      const onPage = level === 1 ? rect : clampRect({ left: rect.left / level, top: rect.top / level, width: rect.width / level, height: rect.height / level }, page.width, page.height);
      let img = crops.get(i);
      if (!img) crops.set(i, (img = crop(page, onPage)));
      await attempt(img, level, { left: onPage.left * level, top: onPage.top * level }, `region ${i}${tag}${at}`, mode);
    }
  }
  // The whole page at half size, then at full size; a reduced page is read whole at its level.
  const wholeScales = level === 1 ? [2, 1] : [level];
  for (const s of wholeScales) {
    if (enough() || opts.wholeScalesDone?.includes(s)) continue;
    await attempt(downscale(page, s / level), s, { left: 0, top: 0 }, `scale 1/${s}`, { tryHarder: true });
  }
  return { symbols, attempts };
}
