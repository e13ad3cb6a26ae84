/**
 * How much a candidate region looks like a barcode, measured on the full-size pixels of its
 * box (a few dozen sampled rows and columns, so a few hundred microseconds a region). Each term
 * is 0..1 and says why a code differs from what else lands among the candidates on a judgment
 * page: body text, the red seal (mid-grey on a grey scan), a photo. Issue #16 point 2.
 */
import type { GreyImage, Rect } from './luminance.js';

export interface LikenessTerms {
  /**
   * Dark and light well apart (the two classes of an Otsu split, as a ratio): print on paper,
   * unlike a red seal's mid-grey ink or a photo's greys. Without it the seal's glyph ring, which
   * is as half-dark and edge-dense as a code, outranked the code on bench pages 91 and 102.
   */
  contrast: number;
  /** QR finder patterns (1:1:3:1:1 across a row and a column at one spot), as a share of 3. */
  finder: number;
  /** Data Matrix: an L of solid border (0.5), with alternating timing on the two other sides (1). */
  dmBorder: number;
  /**
   * Bars: the share of dark pixels still dark 8 px further down, 0 below 0.6 and 1 from 0.85.
   * A Code 128's bars run the whole symbol's height; text strokes and 2D modules do not.
   */
  bars: number;
}

interface Run {
  /** The line's row (for a row) or column. */
  pos: number;
  a: number;
  b: number;
}

/** Pixels a module's side may wander from a straight line on a skewed scan. */
const CORNER_TOL = 6;
/** A Data Matrix side is at least 10 modules of 3 px: longer than any body-text stroke. */
const MIN_SIDE = 36;

function transitions(data: Uint8ClampedArray, t: number, start: number, step: number, n: number): number {
  let k = 0;
  let prev = (data[start] as number) <= t;
  for (let i = 1; i < n; i++) {
    const d = (data[start + i * step] as number) <= t;
    if (d !== prev) k++;
    prev = d;
  }
  return k;
}

/**
 * A Data Matrix's finder: two solid sides meeting at a corner (the L), and on the two other
 * sides modules alternating dark and light (the timing). Long runs meeting at a corner are rare
 * in text (strokes are a glyph long) and the seal's ring curves away.
 */
function dmBorder(page: GreyImage, t: number, rows: Run[], cols: Run[]): number {
  const long = (r: Run): boolean => r.b - r.a + 1 >= MIN_SIDE;
  const rs = rows.filter(long).sort((p, q) => q.b - q.a - (p.b - p.a)).slice(0, 6);
  const cs = cols.filter(long).sort((p, q) => q.b - q.a - (p.b - p.a)).slice(0, 6);
  let best = 0;
  for (const r of rs) {
    for (const c of cs) {
      const lr = r.b - r.a + 1;
      const lc = c.b - c.a + 1;
      if (Math.min(lr, lc) < 0.6 * Math.max(lr, lc)) continue;
      // Which end of each run is the corner.
      const rowEnd = Math.abs(c.pos - r.a) <= CORNER_TOL ? 'a' : Math.abs(c.pos - r.b) <= CORNER_TOL ? 'b' : undefined;
      const colEnd = Math.abs(r.pos - c.a) <= CORNER_TOL ? 'a' : Math.abs(r.pos - c.b) <= CORNER_TOL ? 'b' : undefined;
      if (!rowEnd || !colEnd) continue;
      best = 0.5;
      // The timing sides: the row at the column's far end, the column at the row's far end,
      // two pixels inside the symbol.
      const ty = colEnd === 'a' ? c.b - 2 : c.a + 2;
      const tx = rowEnd === 'a' ? r.b - 2 : r.a + 2;
      if (ty < 0 || ty >= page.height || tx < 0 || tx >= page.width) continue;
      const across = transitions(page.data, t, ty * page.width + r.a, 1, lr);
      const down = transitions(page.data, t, c.a * page.width + tx, page.width, lc);
      if (across >= 6 && down >= 6) return 1;
    }
  }
  return best;
}

/** Lines scanned each way: enough to cross a 3-px-module finder's centre, cheap on large boxes. */
const MAX_LINES = 96;

interface Hit {
  x: number;
  y: number;
  unit: number;
}

/**
 * Runs along one scan line: 1:1:3:1:1 dark-light-dark-light-dark, each run within half a unit
 * (the centre within one and a half), as zxing's FinderPatternFinder accepts. On any line
 * through a finder's centre the ratios hold whatever the rotation, the rings being concentric.
 */
function finderHits(line: Uint8Array, n: number, at: (i: number) => { x: number; y: number }, out: Hit[]): void {
  const runs = [0, 0, 0, 0, 0];
  let state = 0; // index into runs; even = dark
  let started = false;
  for (let i = 0; i < n; i++) {
    const dark = line[i] === 1;
    if (!started) {
      if (!dark) continue;
      started = true;
    }
    if (dark === (state % 2 === 0)) {
      runs[state] = (runs[state] as number) + 1;
      continue;
    }
    if (state < 4) {
      state++;
      runs[state] = 1;
      continue;
    }
    // A light pixel after the fifth run: the five runs are complete.
    const total = runs.reduce((a, b) => a + b, 0);
    const unit = total / 7;
    if (unit >= 1.5 && Math.abs((runs[0] as number) - unit) < unit * 0.7 && Math.abs((runs[1] as number) - unit) < unit * 0.7 && Math.abs((runs[2] as number) - 3 * unit) < unit * 1.5 && Math.abs((runs[3] as number) - unit) < unit * 0.7 && Math.abs((runs[4] as number) - unit) < unit * 0.7) {
      const centre = i - (runs[4] as number) - (runs[3] as number) - (runs[2] as number) / 2;
      out.push({ ...at(centre), unit });
    }
    // Slide by two runs: the third dark run may start the next pattern.
    runs[0] = runs[2] as number;
    runs[1] = runs[3] as number;
    runs[2] = runs[4] as number;
    runs[3] = 1;
    runs[4] = 0;
    state = 3;
  }
}

/** Otsu's threshold on a 256-bin histogram, with the two classes' means. */
function otsu(hist: Uint32Array): { t: number; dark: number; light: number } {
  let total = 0;
  let sum = 0;
  for (let v = 0; v < 256; v++) {
    total += hist[v] as number;
    sum += v * (hist[v] as number);
  }
  let best = -1;
  let t = 128;
  let wB = 0;
  let sumB = 0;
  for (let v = 0; v < 256; v++) {
    wB += hist[v] as number;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += v * (hist[v] as number);
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) {
      best = between;
      t = v;
    }
  }
  let dn = 0;
  let ds = 0;
  for (let v = 0; v <= t; v++) {
    dn += hist[v] as number;
    ds += v * (hist[v] as number);
  }
  return { t, dark: dn > 0 ? ds / dn : 0, light: total > dn ? (sum - ds) / (total - dn) : 255 };
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function inside(page: GreyImage, r: Rect): Box {
  return {
    left: Math.max(0, Math.floor(r.left)),
    top: Math.max(0, Math.floor(r.top)),
    right: Math.min(page.width, Math.ceil(r.left + r.width)),
    bottom: Math.min(page.height, Math.ceil(r.top + r.height)),
  };
}

export interface BoxContrast {
  contrast: number;
  /** Otsu's split: dark at or below it. */
  threshold: number;
}

/** Contrast (see LikenessTerms) from every other pixel of up to MAX_LINES rows: cheap. */
export function boxContrast(page: GreyImage, r: Rect): BoxContrast {
  const { left, top, right, bottom } = inside(page, r);
  if (right - left < 8 || bottom - top < 8) return { contrast: 0, threshold: 0 };
  const rowStep = Math.max(1, Math.ceil((bottom - top) / MAX_LINES));
  const hist = new Uint32Array(256);
  const data = page.data;
  for (let y = top; y < bottom; y += rowStep) {
    const row = y * page.width;
    for (let x = left; x < right; x += 2) {
      const v = data[row + x] as number;
      hist[v] = (hist[v] as number) + 1;
    }
  }
  const { t, dark, light } = otsu(hist);
  // Print is near black on near white whatever the light: compare the classes as a ratio, so a
  // dim camera photo keeps its codes. A seal's ink is about half the paper's brightness.
  return { contrast: Math.max(0, Math.min(1, (1 - dark / Math.max(1, light) - 0.4) / 0.4)), threshold: t };
}

export type PatternTerms = Omit<LikenessTerms, 'contrast'>;

/** The symbologies' own patterns, on pixels split at `t` (boxContrast's threshold). */
export function patternTerms(page: GreyImage, r: Rect, t: number): PatternTerms {
  const { data, width } = page;
  const { left, top, right, bottom } = inside(page, r);
  const w = right - left;
  const h = bottom - top;
  if (w < 8 || h < 8) return { finder: 0, dmBorder: 0, bars: 0 };
  // Rows only: columns are read just where a row points (a finder's centre, a long run's end),
  // as zxing cross-checks; scanning every column cost as much again, most of it cache misses.
  const rowStep = Math.max(1, Math.ceil(h / MAX_LINES));
  const line = new Uint8Array(Math.max(w, h));
  const rowHits: Hit[] = [];
  const rowRuns: Run[] = [];
  let same = 0;
  let darkN = 0;
  const below = Math.min(8, h - 1) * width;
  for (let y = top; y < bottom; y += rowStep) {
    const row = y * width + left;
    const lookDown = y + 8 < bottom;
    let run = 0;
    let longest = 0;
    let end = 0;
    for (let x = 0; x < w; x++) {
      const d = (data[row + x] as number) <= t ? 1 : 0;
      line[x] = d;
      if (d === 0) {
        run = 0;
        continue;
      }
      if (++run > longest) {
        longest = run;
        end = x;
      }
      if (lookDown) {
        darkN++;
        if ((data[row + below + x] as number) <= t) same++;
      }
    }
    finderHits(line, w, (i) => ({ x: left + i, y }), rowHits);
    if (longest > 0) rowRuns.push({ pos: y, a: left + end - longest + 1, b: left + end });
  }
  const box = { left, top, right, bottom };
  const coherence = darkN > 0 ? same / darkN : 0;
  return {
    finder: Math.min(3, countFinders(page, t, box, rowHits, line)) / 3,
    dmBorder: dmBorder(page, t, rowRuns, sideRuns(page, t, box, rowRuns)),
    bars: Math.max(0, Math.min(1, (coherence - 0.6) / 0.25)),
  };
}

/** Dark or not, down column x from y0 to y1 (excluded), into `line`. */
function column(page: GreyImage, t: number, x: number, y0: number, y1: number, line: Uint8Array): number {
  const { data, width } = page;
  for (let y = y0; y < y1; y++) line[y - y0] = (data[y * width + x] as number) <= t ? 1 : 0;
  return y1 - y0;
}

/**
 * The columns at both ends of the longest row runs, where a Data Matrix's solid side or timing
 * side meets its solid bottom or top: each column's longest dark run near the row.
 */
function sideRuns(page: GreyImage, t: number, box: Box, rows: Run[]): Run[] {
  const out: Run[] = [];
  const longest = rows.filter((r) => r.b - r.a + 1 >= MIN_SIDE).sort((p, q) => q.b - q.a - (p.b - p.a)).slice(0, 6);
  for (const r of longest) {
    const len = r.b - r.a + 1;
    const y0 = Math.max(box.top, Math.floor(r.pos - 1.5 * len));
    const y1 = Math.min(box.bottom, Math.ceil(r.pos + 1.5 * len));
    for (const x of [r.a + 2, r.b - 2]) {
      let run = 0;
      let best = 0;
      let end = 0;
      for (let y = y0; y < y1; y++) {
        run = (page.data[y * page.width + x] as number) <= t ? run + 1 : 0;
        if (run > best) {
          best = run;
          end = y;
        }
      }
      if (best > 0) out.push({ pos: x, a: end - best + 1, b: end });
    }
  }
  return out;
}

/**
 * Distinct spots where a row's 1:1:3:1:1 is confirmed by the column through its centre (at the
 * same spot and scale): a finder pattern. A row's match alone is common in text.
 */
function countFinders(page: GreyImage, t: number, box: Box, rows: Hit[], line: Uint8Array): number {
  const found: Hit[] = [];
  for (const r of rows) {
    if (found.length >= 3) break;
    if (found.some((f) => Math.abs(f.x - r.x) < 4 * r.unit && Math.abs(f.y - r.y) < 4 * r.unit)) continue;
    const x = Math.round(r.x);
    const y0 = Math.max(box.top, Math.floor(r.y - 6 * r.unit));
    const n = column(page, t, x, y0, Math.min(box.bottom, Math.ceil(r.y + 6 * r.unit)), line);
    const cols: Hit[] = [];
    finderHits(line, n, (i) => ({ x, y: y0 + i }), cols);
    if (cols.some((k) => Math.abs(k.y - r.y) <= 1.5 * r.unit && k.unit < r.unit * 1.6 && r.unit < k.unit * 1.6)) found.push(r);
  }
  return found.length;
}

export function likenessTerms(page: GreyImage, r: Rect): LikenessTerms {
  const { contrast, threshold } = boxContrast(page, r);
  return { contrast, ...patternTerms(page, r, threshold) };
}

/** What the region's quarter-size cells already say (regions.ts). */
export interface CellEvidence {
  /** Share of neighbouring pixels that change side of the cell's mid-grey: module density. */
  edges: number;
  /** 1 when the cells are half dark, 0 when all light or all dark: a code's modules are. */
  balance: number;
  /** Short side over long side of the cells' box: QR and Data Matrix are square. */
  squareness: number;
  /** The cells' edges run mostly one way: bars, which may make a long thin box. */
  oneWay: boolean;
}

/** Weight of a symbology's own pattern (finder, L and timing, coherent bars) when present. */
const PATTERN = 2;

/**
 * The rank of a region: how much it looks like a code, not how big it is. Weighed on the 160
 * bench pages (bench/region-rank.bench.ts) by how far the code's region stays ahead of the best
 * other region: contrast counts twice (squared), each symbology's pattern triples the score.
 * A one-way region is square enough when its bars are coherent, and those bars are its pattern.
 * A Data Matrix counts with its timing sides: an L alone also turned up in seal arcs over text.
 * Left out because they did not help there: the cells' fill of their box, and a text-line term
 * (paper-only bands across the box at a line pitch), which also caught a Data Matrix printed
 * between text lines and made its margin worse.
 */
export function codeLikeness(cell: CellEvidence, t: LikenessTerms): number {
  const shape = cell.oneWay ? t.bars : cell.squareness;
  const bars = cell.oneWay ? t.bars : 0;
  const dm = t.dmBorder >= 1 ? 1 : 0;
  return cell.edges * cell.balance * shape * t.contrast * t.contrast * (1 + PATTERN * t.finder) * (1 + PATTERN * dm) * (1 + PATTERN * bars);
}

/**
 * codeLikeness before the patterns are looked for, a one-way region taken as coherent bars: on
 * the 160 bench pages it alone put the code's region first, so patterns are looked for only in
 * the few regions it ranks highest (the scans cost most of the ranking's time).
 */
export function likenessBeforePatterns(cell: CellEvidence, contrast: number): number {
  return cell.edges * cell.balance * (cell.oneWay ? 1 : cell.squareness) * contrast * contrast;
}
