/**
 * JPEG pages through sharp (libvips, libjpeg-turbo), straight to one grey channel, at full size
 * or shrunk while decoding (libjpeg's DCT scaling: 1/2, 1/4, 1/8 of the blocks' coefficients).
 *
 * Measured here on a 300-dpi A4 page (bench/barcode.bench.ts, CPU ms): full decode 43, decoded
 * at 1/2 28, at 1/8 21 (the entropy decoding every level pays); @napi-rs/canvas took 185-210
 * and jpeg-js over a second. Grey comes from the first band: `greyscale()` (a colourimetric
 * conversion) cost 60-120 ms more, and JS luminance from RGB 50 ms more. For a grey scan the
 * bands are equal; in a colour one the red band drops a red seal from over the code.
 *
 * sharp has no load option for the shrink, and `resize()` by exactly 2 does not use it: its
 * pipeline (src/pipeline.cc, "known libjpeg rounding errors") halves the shrink-on-load when the
 * factor is a whole number, so 1/2 decodes at full size and resamples (184 ms measured). libvips
 * takes loader options in a file name (`page.jpg[shrink=2]`), so the reduced level reads a
 * private copy of the bytes; on Linux it goes to /dev/shm (memory), not the disk, because a
 * judgment page holds people's data.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { GreyImage } from '../../src-shared/scan/luminance.js';

// Decoded pages are used once: libvips's operation cache would only hold their memory.
sharp.cache(false);

// A warning (a stray byte before a marker, as some cameras write) still gives the page; a cut-off
// file never gets here (jpegComplete in scan-kind.ts).
const LOAD = { failOn: 'error', limitInputPixels: false } as const;

export type JpegShrink = 1 | 2 | 4 | 8;

export interface JpegSize {
  width: number;
  height: number;
}

/** Header only: width and height without decoding the scan data (the caller judges the size). */
export async function jpegSize(bytes: Uint8Array): Promise<JpegSize> {
  const m = await sharp(asBuffer(bytes), LOAD).metadata();
  return { width: m.width ?? 0, height: m.height ?? 0 };
}

/**
 * The smallest level whose long side still spans this many pixels: about 150 dpi on an A4 page,
 * where the region search (src-shared/scan/regions.ts) sees what it sees on a 300-dpi page's
 * quarter and the judgment QRs of the bench (4-6 px modules at 300 dpi) still read. Smaller
 * codes are read by the full-size pass that follows when the reduced one finds nothing.
 */
const MIN_REDUCED_LONG_SIDE = 1700;

export function reducedShrink(size: JpegSize): JpegShrink {
  const long = Math.max(size.width, size.height);
  let shrink: JpegShrink = 1;
  // 1/8 would need a page over 13,600 px long: past MAX_PIXELS (scan-file.ts).
  for (const s of [2, 4] as const) if (long / s >= MIN_REDUCED_LONG_SIDE) shrink = s;
  return shrink;
}

let scratch: string | undefined;
let serial = 0;

function scratchDir(): string {
  scratch ??= mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'yzt-jpeg-'));
  return scratch;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function greyOf(out: { data: Buffer; info: sharp.OutputInfo }): GreyImage {
  const { data, info } = out;
  return { data: new Uint8ClampedArray(data.buffer, data.byteOffset, info.width * info.height), width: info.width, height: info.height };
}

/** The page decoded at 1/shrink of its size (rounded down), one grey byte a pixel. */
export async function jpegGrey(bytes: Uint8Array, shrink: JpegShrink = 1): Promise<GreyImage> {
  if (shrink === 1) return greyOf(await sharp(asBuffer(bytes), LOAD).extractChannel(0).raw().toBuffer({ resolveWithObject: true }));
  const file = join(scratchDir(), `page-${process.pid}-${serial++}.jpg`);
  await writeFile(file, bytes, { mode: 0o600 });
  try {
    return greyOf(await sharp(`${file}[shrink=${shrink}]`, LOAD).extractChannel(0).raw().toBuffer({ resolveWithObject: true }));
  } finally {
    await rm(file, { force: true });
  }
}
