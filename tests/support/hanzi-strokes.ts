/**
 * Handwriting as a person at the kiosk might draw it, made from hanzi-writer-data's stroke
 * medians (Make Me a Hanzi): each stroke's centre line, densified like pointer events, then
 * shifted, scaled, rotated and shaken by a seeded random source, so a run is repeatable.
 */
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Ink } from '../../src-main/handwriting/zinnia-features.js';
import { rng } from '../fixtures/barcode/page-gen.js';

const require = createRequire(import.meta.url);
const DATA_DIR = dirname(require.resolve('hanzi-writer-data/package.json'));
/** hanzi-writer's box: 1024 units, y up, baseline at 900 from the top. */
const BOX = 1024;
const TOP = 900;

/** The same seeded generator the barcode page fixtures use: one sequence everywhere. */
export const seededRandom = rng;

export function hasStrokeData(ch: string): boolean {
  return existsSync(join(DATA_DIR, `${ch}.json`));
}

/** The character's stroke medians in screen orientation (y down), 1024-unit box. */
export function medians(ch: string): Array<Array<[number, number]>> {
  const data = JSON.parse(readFileSync(join(DATA_DIR, `${ch}.json`), 'utf8')) as { medians: Array<Array<[number, number]>> };
  return data.medians.map((s) => s.map(([x, y]) => [x, TOP - y] as [number, number]));
}

export interface Jitter {
  /** Largest shift of the whole character, as a share of the box. */
  shift: number;
  /** Scale is 1 ± this. */
  scale: number;
  /** Largest rotation, degrees. */
  rotateDeg: number;
  /** Per-point noise, standard deviation as a share of the box. */
  noise: number;
}

export const KIOSK_JITTER: Jitter = { shift: 0.06, scale: 0.15, rotateDeg: 6, noise: 0.006 };

/** Strokes of `ch` on a pad of `pad` × `pad` pixels, as the pad would report them. */
export function jitteredInk(ch: string, random: () => number, pad = 480, j: Jitter = KIOSK_JITTER): Ink {
  const spread = (amount: number) => (random() * 2 - 1) * amount;
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const s = 1 + spread(j.scale);
  const a = (spread(j.rotateDeg) * Math.PI) / 180;
  const dx = spread(j.shift) * BOX;
  const dy = spread(j.shift) * BOX;
  const c = BOX / 2;
  const k = pad / BOX;
  const strokes = medians(ch).map((stroke) =>
    densify(stroke, BOX / 60).map(([x, y]): [number, number] => {
      const rx = (x - c) * Math.cos(a) - (y - c) * Math.sin(a);
      const ry = (x - c) * Math.sin(a) + (y - c) * Math.cos(a);
      const px = (c + s * rx + dx + gauss() * j.noise * BOX) * k;
      const py = (c + s * ry + dy + gauss() * j.noise * BOX) * k;
      return [Math.round(px), Math.round(py)];
    }),
  );
  return { width: pad, height: pad, strokes };
}

/** Points every `step` units along the polyline, as pointermove events would give. */
function densify(stroke: Array<[number, number]>, step: number): Array<[number, number]> {
  const out: Array<[number, number]> = [stroke[0]!];
  for (let i = 1; i < stroke.length; i++) {
    const [x0, y0] = stroke[i - 1]!;
    const [x1, y1] = stroke[i]!;
    const n = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / step));
    for (let t = 1; t <= n; t++) out.push([x0 + ((x1 - x0) * t) / n, y0 + ((y1 - y0) * t) / n]);
  }
  return out;
}
