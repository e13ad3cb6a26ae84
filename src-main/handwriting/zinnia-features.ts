/**
 * Zinnia's feature vector for one handwritten character, ported from its C++ (feature.cpp,
 * Taku Kudo, BSD licence) so the recogniser runs in Node on every kiosk OS without a native
 * build. Arithmetic is done in 32-bit floats (Math.fround) where zinnia uses `float`, so the
 * same strokes give the same scores as the zinnia command: the port is checked against it in
 * tests/unit/handwriting/zinnia-parity.test.ts.
 */
const f = Math.fround;

/** One stroke: points in pad pixels, in drawing order. Zinnia keeps integer coordinates. */
export type Stroke = ReadonlyArray<readonly [number, number]>;

export interface Ink {
  width: number;
  height: number;
  strokes: readonly Stroke[];
}

/** Sparse features sorted by index: feature i is (index[i], value[i]). */
export interface FeatureVector {
  index: Int32Array;
  value: Float32Array;
}

interface Pt {
  x: number;
  y: number;
}

// Zinnia keeps at most this many segments of one stroke's split tree.
const MAX_SEGMENTS = 50;
const SPLIT_ERROR = f(0.001);

function distance(a: Pt, b: Pt): number {
  const x = f(a.x - b.x);
  const y = f(a.y - b.y);
  return f(Math.sqrt(f(f(x * x) + f(y * y))));
}

function distanceToCentre(a: Pt): number {
  const x = f(a.x - 0.5);
  const y = f(a.y - 0.5);
  return f(Math.sqrt(f(f(x * x) + f(y * y))));
}

/** The point of [first, last) farthest from the chord first–last, and that distance squared over the chord's length squared. */
function farthest(pts: Pt[], first: number, last: number): { dist: number; best: number } {
  if (first === last) return { dist: 0, best: first };
  const p0 = pts[first]!;
  const p1 = pts[last]!;
  const a = f(p1.x - p0.x);
  const b = f(p1.y - p0.y);
  const c = f(f(p1.y * p0.x) - f(p1.x * p0.y));
  let max = -1;
  let best = first;
  for (let n = first; n !== last; n++) {
    const p = pts[n]!;
    const d = Math.abs(f(f(f(a * p.y) - f(b * p.x)) + c));
    if (d > max) {
      max = d;
      best = n;
    }
  }
  return { dist: f(f(max * max) / f(f(a * a) + f(b * b))), best };
}

export function extractFeatures(ink: Ink): FeatureVector | null {
  const { width, height, strokes } = ink;
  if (width <= 0 || height <= 0 || strokes.length === 0) return null;
  const feats: Array<[number, number]> = [[0, 1]]; // bias term
  const add = (index: number, value: number) => feats.push([index, f(value)]);

  const basic = (offset: number, a: Pt, b: Pt) => {
    add(offset + 1, f(10 * distance(a, b)));
    add(offset + 2, Math.atan2(f(b.y - a.y), f(b.x - a.x)));
    add(offset + 3, 10 * (a.x - 0.5));
    add(offset + 4, 10 * (a.y - 0.5));
    add(offset + 5, 10 * (b.x - 0.5));
    add(offset + 6, 10 * (b.y - 0.5));
    add(offset + 7, Math.atan2(a.y - 0.5, a.x - 0.5));
    add(offset + 8, Math.atan2(b.y - 0.5, b.x - 0.5));
    add(offset + 9, f(10 * distanceToCentre(a)));
    add(offset + 10, f(10 * distanceToCentre(b)));
    add(offset + 11, f(5 * f(b.x - a.x)));
    add(offset + 12, f(5 * f(b.y - a.y)));
  };

  let prev: Pt | null = null;
  for (let sid = 0; sid < strokes.length; sid++) {
    const stroke = strokes[sid]!;
    if (stroke.length === 0) return null;
    const pts = stroke.map(([x, y]) => ({ x: f(Math.round(x) / width), y: f(Math.round(y) / height) }));
    // Split the stroke where it bends most, recursively; segments are numbered as a binary tree.
    const pairs: Array<[number, number] | undefined> = [];
    const split = (first: number, last: number, id: number, depth: number) => {
      pairs[id] = [first, last];
      const { dist, best } = farthest(pts, first, last);
      // Depth cap: zinnia recurses without one; real strokes never come near it.
      if (dist > SPLIT_ERROR && depth < 24) {
        split(first, best, id * 2 + 1, depth + 1);
        split(best, last, id * 2 + 2, depth + 1);
      }
    };
    split(0, pts.length - 1, 0, 0);
    for (let i = 0; i < pairs.length && i <= MAX_SEGMENTS; i++) {
      const pair = pairs[i];
      if (pair) basic(sid * 1000 + 20 * i, pts[pair[0]]!, pts[pair[1]]!);
    }
    if (prev) basic(100000 + sid * 1000, prev, pts[0]!);
    prev = pts[pts.length - 1]!;
  }
  add(2000000, strokes.length);
  add(2000000 + strokes.length, 10);

  // Stable sort: where two features share an index (segment 50 of one stroke and segment 0 of
  // the next) the first one counts, as the dot product below takes one of each index.
  feats.sort((p, q) => p[0] - q[0]);
  const index = new Int32Array(feats.length);
  const value = new Float32Array(feats.length);
  let n = 0;
  for (const [i, v] of feats) {
    if (n > 0 && index[n - 1] === i) continue;
    index[n] = i;
    value[n] = v;
    n++;
  }
  return { index: index.subarray(0, n), value: value.subarray(0, n) };
}
