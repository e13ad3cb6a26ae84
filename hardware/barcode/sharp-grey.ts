/**
 * Scan pages decoded by sharp (libvips) straight to one grey byte a pixel. Measured on a 300-dpi
 * A4 page (CPU ms): PNG 115-130 against pngjs's 400-450, a TIFF page 92-164 against utif2's
 * 210-570, JPEG 43 against @napi-rs/canvas's 185-210. Grey is the first band: `greyscale()`
 * (a colourimetric conversion) cost 60-120 ms more a page and luminance in JS 50 ms more. For a
 * grey scan the bands are equal; in a colour one the red band also drops a red seal.
 */
import sharp from 'sharp';
import type { GreyImage } from '../../src-shared/scan/luminance.js';

// Decoded pages are used once: libvips's operation cache would only hold their memory.
sharp.cache(false);

/**
 * A warning (a stray byte before a JPEG marker, as some cameras write) still gives the page; a
 * cut-off JPEG never gets here (jpegComplete in scan-kind.ts). Sizes are judged by the caller
 * from the header (scan-file.ts checkSize), with its own message.
 */
export const LOAD = { failOn: 'error', limitInputPixels: false } as const satisfies sharp.SharpOptions;

export interface SharpHeader {
  width: number;
  height: number;
  /** 16-bit PNG/TIFF scans exist: their grey is scaled down, not cut. */
  wide: boolean;
  hasAlpha: boolean;
}

export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Header only: nothing of the pixel data is decoded. */
export async function sharpHeader(input: Buffer | string, options: sharp.SharpOptions = {}): Promise<SharpHeader> {
  const m = await sharp(input, { ...LOAD, ...options }).metadata();
  return { width: m.width ?? 0, height: m.height ?? 0, wide: m.depth !== undefined && m.depth !== 'uchar' && m.depth !== 'char', hasAlpha: m.hasAlpha ?? false };
}

export async function sharpGrey(input: Buffer | string, header: Pick<SharpHeader, 'wide' | 'hasAlpha'>, options: sharp.SharpOptions = {}): Promise<GreyImage> {
  let img = sharp(input, { ...LOAD, ...options });
  // Transparent parts of a scan are paper, not black.
  if (header.hasAlpha) img = img.flatten({ background: '#ffffff' });
  img = header.wide ? img.toColourspace('b-w') : img.extractChannel(0);
  const { data, info } = await img.raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  if (info.channels !== 1 || data.length < info.width * info.height) throw new Error(`sharp gave ${info.channels} bands, ${data.length} bytes`);
  return { data: new Uint8ClampedArray(data.buffer, data.byteOffset, info.width * info.height), width: info.width, height: info.height };
}
