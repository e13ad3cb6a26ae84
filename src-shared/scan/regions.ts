/**
 * Candidate barcode regions on a large page. Barcodes are blocks where dark and light are near
 * balanced (about half the modules are dark) AND edges are dense; printed text is mostly paper
 * (dark share well under a third) and photos have few sharp edges. Measured on 1/4-scale cells.
 *
 * Ranked by how much a region looks like a code, not by its size: a long run of text lines or
 * the ring of a seal covers more cells than a 15 mm QR code, and ranking by summed edges put
 * them first (issue #16). The cells give edge density, ink balance, squareness and direction;
 * the full-size pixels of each box give contrast and each symbology's own pattern
 * (code-likeness.ts). The cells' former score only breaks ties.
 */
import { boxContrast, codeLikeness, likenessBeforePatterns, patternTerms, type CellEvidence, type LikenessTerms } from './code-likeness.js';
import { downscale, type GreyImage, type Rect } from './luminance.js';

export interface RankedRegion {
  rect: Rect;
  /** The former rank (edge density x ink balance x fill x shape): a tie-break only. */
  cellScore: number;
  terms: LikenessTerms & CellEvidence;
  /** codeLikeness: the rank. */
  score: number;
}

const FACTOR = 4;
const MIN_CELLS = 3;
const CELL = 8; // cells of 8x8 quarter-scale pixels = 32x32 page pixels (2.7 mm at 300 dpi)
/** Regions whose patterns are looked for (as many as page-decode.ts reads at full size). */
const PATTERN_REGIONS = 6;

/** `half`/`quarter`: `img` already downscaled by 2 or 4, when the caller has it (saves a pass). */
export function candidateRegions(img: GreyImage, half?: GreyImage, quarter?: GreyImage): Rect[] {
  return rankedRegions(img, half, quarter).map((r) => r.rect);
}

export function rankedRegions(img: GreyImage, half?: GreyImage, quarter?: GreyImage): RankedRegion[] {
  const small = quarter && quarter.width === Math.floor(img.width / FACTOR) ? quarter : half && half.width === Math.floor(img.width / 2) ? downscale(half, FACTOR / 2) : downscale(img, FACTOR);
  const cw = Math.floor(small.width / CELL);
  const ch = Math.floor(small.height / CELL);
  if (cw < 2 || ch < 2) return [];
  const hit = new Uint8Array(cw * ch);
  const score = new Float32Array(cw * ch);
  const darkOf = new Float32Array(cw * ch);
  const hEdgesOf = new Float32Array(cw * ch);
  const vEdgesOf = new Float32Array(cw * ch);
  const d = small.data;
  const w = small.width;
  for (let cy = 0; cy < ch; cy++) {
    for (let cx = 0; cx < cw; cx++) {
      let min = 255;
      let max = 0;
      let sum = 0;
      for (let y = 0; y < CELL; y++) {
        const row = (cy * CELL + y) * w + cx * CELL;
        for (let x = 0; x < CELL; x++) {
          const v = d[row + x] as number;
          sum += v;
          if (v < min) min = v;
          if (v > max) max = v;
        }
      }
      if (max - min < 60) continue;
      const mid = (min + max) / 2;
      let hEdges = 0;
      let vEdges = 0;
      for (let y = 0; y < CELL; y++) {
        const row = (cy * CELL + y) * w + cx * CELL;
        for (let x = 0; x < CELL; x++) {
          const v = d[row + x] as number;
          if (x > 0 && (v < mid) !== ((d[row + x - 1] as number) < mid)) hEdges++;
          if (y > 0 && (v < mid) !== ((d[row + x - w] as number) < mid)) vEdges++;
        }
      }
      const edges = hEdges + vEdges;
      // Ink share from the mean, not from counting pixels below mid-grey: a code whose modules
      // straddle the quarter-size grid turns half its pixels mid-grey, and counted that way a
      // Data Matrix with 4-px modules looked 10-25 % dark, like text, and was never tried.
      const darkShare = (max * CELL * CELL - sum) / ((max - min) * CELL * CELL);
      const edgeShare = edges / (2 * CELL * (CELL - 1));
      if (darkShare > 0.3 && darkShare < 0.75 && edgeShare > 0.12) {
        hit[cy * cw + cx] = 1;
        score[cy * cw + cx] = edgeShare;
        darkOf[cy * cw + cx] = darkShare;
        hEdgesOf[cy * cw + cx] = hEdges;
        vEdgesOf[cy * cw + cx] = vEdges;
      }
    }
  }
  // Connected components of hit cells (8-connected) become candidate boxes.
  const label = new Int32Array(cw * ch).fill(-1);
  const boxes: Array<RankedRegion & { inner: Rect; threshold: number }> = [];
  const stack: number[] = [];
  for (let i = 0; i < hit.length; i++) {
    if (!hit[i] || label[i] !== -1) continue;
    let minX = cw, minY = ch, maxX = 0, maxY = 0, cells = 0, s = 0, darkSum = 0, hSum = 0, vSum = 0;
    stack.push(i);
    label[i] = boxes.length;
    while (stack.length > 0) {
      const j = stack.pop() as number;
      const x = j % cw;
      const y = (j - x) / cw;
      cells++;
      s += score[j] as number;
      darkSum += darkOf[j] as number;
      hSum += hEdgesOf[j] as number;
      vSum += vEdgesOf[j] as number;
      minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= cw || ny >= ch) continue;
          const k = ny * cw + nx;
          if (hit[k] && label[k] === -1) {
            label[k] = boxes.length;
            stack.push(k);
          }
        }
      }
    }
    if (cells < MIN_CELLS) continue;
    const unit = CELL * FACTOR;
    const bw = maxX - minX + 1;
    const bh = maxY - minY + 1;
    const fill = cells / (bw * bh);
    // Edges running mostly one way: bars of a linear code, which may be long and thin.
    const oneWay = Math.abs(hSum - vSum) / Math.max(1, hSum + vSum) > 0.5;
    const shape = oneWay ? 1 : Math.min(bw, bh) / Math.max(bw, bh);
    const balance = 1 - 2 * Math.abs(darkSum / cells - 0.5);
    // A margin as wide as the box itself (2 to 5 cells): the cells along a small symbol's edge
    // straddle paper and fall below the thresholds, so its found box can miss a third of it.
    const m = Math.max(2, Math.min(5, Math.max(bw, bh)));
    const evidence: CellEvidence = { edges: s / cells, balance, squareness: Math.min(bw, bh) / Math.max(bw, bh), oneWay };
    // The full-size pixels of the cells' box and one cell around it: a finder or a Data Matrix
    // border lies in the edge cells, which straddle the quiet zone and often miss the thresholds.
    const inner = { left: (minX - 1) * unit, top: (minY - 1) * unit, width: (bw + 2) * unit, height: (bh + 2) * unit };
    const { contrast, threshold } = boxContrast(img, inner);
    boxes.push({
      rect: { left: (minX - m) * unit, top: (minY - m) * unit, width: (bw + 2 * m) * unit, height: (bh + 2 * m) * unit },
      inner,
      threshold,
      cellScore: (s / cells) * balance * fill * shape,
      terms: { contrast, finder: 0, dmBorder: 0, bars: 0, ...evidence },
      score: likenessBeforePatterns(evidence, contrast),
    });
  }
  const byScore = (a: RankedRegion, b: RankedRegion): number => b.score - a.score || b.cellScore - a.cellScore;
  boxes.sort(byScore);
  for (const b of boxes.slice(0, PATTERN_REGIONS)) {
    b.terms = { ...b.terms, ...patternTerms(img, b.inner, b.threshold) };
    b.score = codeLikeness(b.terms, b.terms);
  }
  // The rest keep the score without patterns, a one-way region's bars taken on trust.
  boxes.sort(byScore);
  return boxes.map(({ rect, cellScore, terms, score }) => ({ rect, cellScore, terms, score }));
}
