/**
 * Scanned documents as they come from scanners and cameras: PNG, JPEG, TIFF (every page) and
 * PDF (every page rendered), told apart by their first bytes, never by the file name, and
 * turned into grey pages for the barcode decoder. Any file that is not one of these, or is
 * damaged, ends in a ScanFileError with a plain Chinese message, never an exception of a parser.
 */
import UTIF from 'utif2';
import { toGrey, type GreyImage } from '../../src-shared/scan/luminance.js';
import { jpegGrey, jpegHeader, reducedShrink } from './jpeg-levels.js';
import { renderPdfPages } from './pdf-pages.js';
import { jpegComplete, sniffScan, type ScanKind } from './scan-kind.js';
import { asBuffer, sharpGrey, sharpHeader } from './sharp-grey.js';

export { sniffScan, type ScanKind } from './scan-kind.js';


export class ScanFileError extends Error {
  constructor(
    readonly code: 'unknown-format' | 'damaged-file' | 'too-large' | 'no-pages',
    readonly message_zh: string,
    readonly message_en: string,
  ) {
    super(message_en);
  }
}

/** 12,000 x 12,000 px: far above a 600-dpi A3 page; bigger is a broken or hostile file. */
const MAX_PIXELS = 144_000_000;
/** A multi-page scan longer than this is not one document. */
export const MAX_PAGES = 200;

const UNKNOWN = new ScanFileError('unknown-format', '文件不是可识别的扫描件，请使用 JPG、PNG、TIFF 或 PDF 文件', 'The file is not a JPEG, PNG, TIFF or PDF scan');

function damaged(kind: ScanKind, why: string): ScanFileError {
  const name = { png: 'PNG', jpeg: 'JPG', tiff: 'TIFF', pdf: 'PDF' }[kind];
  return new ScanFileError('damaged-file', `${name} 文件已损坏或不完整，请重新扫描`, `The ${name} file is damaged or incomplete (${why})`);
}

function checkSize(width: number, height: number): void {
  if (!(width > 0 && height > 0)) throw new ScanFileError('damaged-file', '图像没有内容，请重新扫描', 'The image has no pixels');
  if (width * height > MAX_PIXELS) throw new ScanFileError('too-large', '图像太大，请降低扫描分辨率后重试', `The image is ${width}x${height}, larger than ${MAX_PIXELS} pixels`);
}

/** Runs a parser step; whatever it throws becomes the plain "damaged" message for the format. */
async function parsing<T>(kind: ScanKind, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    throw damaged(kind, (e as Error).message);
  }
}

async function pngPage(bytes: Uint8Array): Promise<GreyImage> {
  const buf = asBuffer(bytes);
  const header = await parsing('png', () => sharpHeader(buf));
  checkSize(header.width, header.height);
  return parsing('png', () => sharpGrey(buf, header));
}

/**
 * A page of a scan at full size, and for a JPEG big enough, also at a level decoded smaller
 * (jpeg-levels.ts): cheaper to decode and to search, and enough for most codes.
 */
export interface ScanPage {
  width: number;
  height: number;
  full(): Promise<GreyImage>;
  reduced?: () => Promise<{ image: GreyImage; level: number }>;
}

function ready(image: GreyImage): ScanPage {
  return { width: image.width, height: image.height, full: () => Promise.resolve(image) };
}

async function jpegPage(bytes: Uint8Array): Promise<ScanPage> {
  if (!jpegComplete(bytes)) throw damaged('jpeg', 'no end-of-image marker after the scan data');
  const header = await parsing('jpeg', () => jpegHeader(bytes));
  checkSize(header.width, header.height);
  const page: ScanPage = { width: header.width, height: header.height, full: () => parsing('jpeg', () => jpegGrey(bytes, header)) };
  const level = reducedShrink(header);
  if (level > 1) page.reduced = async () => ({ image: await parsing('jpeg', () => jpegGrey(bytes, header, level)), level });
  return page;
}

/** utif2 for a page libvips refuses (an exotic compression it lacks): slower, but the page is read. */
function utifPage(buf: ArrayBuffer, ifd: UTIF.IFD, width: number, height: number): GreyImage {
  let rgba: Uint8Array;
  try {
    UTIF.decodeImage(buf, ifd);
    rgba = UTIF.toRGBA8(ifd);
  } catch (e) {
    throw damaged('tiff', (e as Error).message);
  }
  if (rgba.length < width * height * 4) throw damaged('tiff', 'short image data');
  return toGrey({ data: rgba, width, height, channels: 4 });
}

/**
 * utif2 lists the pages and their sizes from the directories alone (cheap, and its refusals
 * give the messages below); sharp decodes each page's pixels, 2-5 times faster (sharp-grey.ts).
 * Its `page` counts the same top-level directory chain.
 */
async function* tiffPages(bytes: Uint8Array): AsyncGenerator<GreyImage> {
  const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let pages: Array<{ ifd: UTIF.IFD; index: number }>;
  try {
    // Thumbnails and masks are sub-IFDs of a page; only the top-level chain holds pages.
    pages = UTIF.decode(buf)
      .map((ifd, index) => ({ ifd, index }))
      .filter(({ ifd }) => ifd['t256'] !== undefined && ifd['t257'] !== undefined);
  } catch (e) {
    throw damaged('tiff', (e as Error).message);
  }
  if (pages.length === 0) throw new ScanFileError('no-pages', 'TIFF 文件里没有图像，请重新扫描', 'The TIFF file holds no image');
  const file = asBuffer(bytes);
  for (const { ifd, index } of pages.slice(0, MAX_PAGES)) {
    const width = Number((ifd['t256'] as number[])[0]);
    const height = Number((ifd['t257'] as number[])[0]);
    checkSize(width, height);
    // A cut-off file would come out with zeros (utif2) or a decoder's complaint (libtiff).
    const offsets = (ifd['t273'] as number[] | undefined) ?? [];
    const counts = (ifd['t279'] as number[] | undefined) ?? [];
    if (offsets.some((o, i) => o + (counts[i] ?? 0) > bytes.byteLength)) throw damaged('tiff', 'image data past the end of the file');
    let page: GreyImage | undefined;
    try {
      const header = await sharpHeader(file, { page: index });
      const grey = await sharpGrey(file, header, { page: index });
      if (grey.width === width && grey.height === height) page = grey;
    } catch {
      page = undefined;
    }
    yield page ?? utifPage(buf, ifd, width, height);
  }
}

/**
 * The pages of a scan, one at a time so that a 100-page TIFF never sits in memory at once.
 * `dpi` is what PDF pages are rendered at (raster files keep their own resolution).
 */
export async function* scanPageLevels(bytes: Uint8Array, opts: { dpi?: number } = {}): AsyncGenerator<ScanPage> {
  const kind = sniffScan(bytes);
  if (!kind) throw UNKNOWN;
  if (kind === 'png') yield ready(await pngPage(bytes));
  else if (kind === 'jpeg') yield await jpegPage(bytes);
  else if (kind === 'tiff') for await (const page of tiffPages(bytes)) yield ready(page);
  else for await (const page of renderPdfPages(bytes, opts.dpi ?? 300, damaged('pdf', 'unreadable'))) yield ready(page);
}

/** Every page at full size. */
export async function* scanPages(bytes: Uint8Array, opts: { dpi?: number } = {}): AsyncGenerator<GreyImage> {
  for await (const page of scanPageLevels(bytes, opts)) yield await page.full();
}
