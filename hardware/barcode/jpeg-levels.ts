/**
 * JPEG pages at full size or shrunk while decoding (libjpeg's DCT scaling: 1/2 or 1/4 of each
 * block's coefficients). Measured on a 300-dpi A4 page (CPU ms): full decode 43, at 1/2 28, at
 * 1/8 21 (the entropy decoding every level pays), and the page decoder's own work shrinks too.
 *
 * sharp has no load option for the shrink, and `resize()` by exactly 2 does not use it: its
 * pipeline (src/pipeline.cc, "known libjpeg rounding errors") halves the shrink-on-load when the
 * factor is a whole number, so 1/2 decodes at full size and resamples (184 ms measured). libvips
 * takes loader options in a file name (`page.jpg[shrink=2]`), so the reduced level reads a
 * private copy of the bytes; on Linux it goes to /dev/shm (memory), not the disk, because a
 * judgment page holds people's data, and it is removed as soon as it is decoded. A copy left by
 * a worker killed mid-decode is removed by the next reduced decode of any worker (copies older
 * than a decode can take; a live worker's own copy is never that old).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GreyImage } from '../../src-shared/scan/luminance.js';
import { asBuffer, sharpGrey, sharpHeader, type SharpHeader } from './sharp-grey.js';

export type JpegShrink = 1 | 2 | 4 | 8;

export type JpegHeader = SharpHeader;

/** Width and height from the header, without decoding the scan data (the caller judges the size). */
export function jpegHeader(bytes: Uint8Array): Promise<JpegHeader> {
  return sharpHeader(asBuffer(bytes));
}

/**
 * The smallest level whose long side still spans this many pixels: about 150 dpi on an A4 page,
 * where the region search (src-shared/scan/regions.ts) sees what it sees on a 300-dpi page's
 * quarter and the judgment QRs of the bench (4-6 px modules at 300 dpi) still read. Finer codes
 * are read by the full-size pass that follows when the reduced one finds nothing.
 */
const MIN_REDUCED_LONG_SIDE = 1700;

export function reducedShrink(size: { width: number; height: number }): JpegShrink {
  const long = Math.max(size.width, size.height);
  let shrink: JpegShrink = 1;
  // 1/8 would need a page over 13,600 px long: past MAX_PIXELS (scan-file.ts).
  for (const s of [2, 4] as const) if (long / s >= MIN_REDUCED_LONG_SIDE) shrink = s;
  return shrink;
}

const SCRATCH = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
const PREFIX = 'yzt-jpeg-';
/** Far longer than any decode (the worker's own time limit is seconds). */
export const STALE_COPY_MS = 10 * 60_000;

let swept: Promise<void> | null = null;

/** Removes page copies that a killed worker left behind; once a process. */
export function sweepStaleCopies(now = Date.now(), dir = SCRATCH): Promise<void> {
  const run = async () => {
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      if (!name.startsWith(PREFIX)) continue;
      const path = join(dir, name);
      const s = await stat(path).catch(() => null);
      if (s && now - s.mtimeMs > STALE_COPY_MS) await rm(path, { recursive: true, force: true });
    }
  };
  if (dir !== SCRATCH) return run();
  return (swept ??= run());
}

/** The page decoded at 1/shrink of its size (rounded down), one grey byte a pixel. */
export async function jpegGrey(bytes: Uint8Array, header: JpegHeader, shrink: JpegShrink = 1): Promise<GreyImage> {
  if (shrink === 1) return sharpGrey(asBuffer(bytes), header);
  void sweepStaleCopies();
  // A directory of its own (mode 0700) for each page: nothing of it outlives the decode.
  const dir = await mkdtemp(join(SCRATCH, PREFIX));
  try {
    const file = join(dir, 'page.jpg');
    await writeFile(file, bytes, { mode: 0o600 });
    return await sharpGrey(`${file}[shrink=${shrink}]`, header);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
