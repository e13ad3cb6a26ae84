/**
 * Region ranking (issue #16 point 2): the region that looks most like a code comes first, even
 * where a text line or a seal has more ink than the code. Asserts on the ranking itself.
 */
import { describe, expect, test } from 'vitest';
import { candidateRegions, rankedRegions } from '../../../src-shared/scan/regions.js';
import type { GreyImage, Rect } from '../../../src-shared/scan/luminance.js';
import { encodeText } from '../../../src-shared/scan/gbk-encode.js';
import { judgmentPage } from '../../fixtures/barcode/judgment-pages.js';
import { makePage, renderSymbol, rng } from '../../fixtures/barcode/page-gen.js';

function contains(r: Rect, x: number, y: number): boolean {
  return x >= r.left && x < r.left + r.width && y >= r.top && y < r.top + r.height;
}

/** Ink (darkness below the paper) summed over a box: what an area-like rank grows with. */
function ink(page: GreyImage, r: Rect): number {
  let s = 0;
  for (let y = Math.max(0, r.top); y < Math.min(page.height, r.top + r.height); y++) {
    for (let x = Math.max(0, r.left); x < Math.min(page.width, r.left + r.width); x++) s += 235 - Math.min(235, page.data[y * page.width + x] as number);
  }
  return s;
}

/** Glyph-like strokes along one line, as body text prints (3-px strokes in 30-px cells). */
function textLine(page: GreyImage, x0: number, x1: number, y: number, seed: number): void {
  const rand = rng(seed);
  for (let x = x0; x < x1; x += 34) {
    for (let k = 0; k < 8; k++) {
      const sx = x + Math.floor(rand() * 26);
      const sy = y + Math.floor(rand() * 28);
      const horiz = rand() < 0.5;
      const len = 6 + Math.floor(rand() * 22);
      for (let t = 0; t < len; t++) for (let w = 0; w < 3; w++) page.data[(horiz ? sy + w : sy + t) * page.width + (horiz ? sx + t : sx + w)] = 40;
    }
  }
}

/** A red seal as a grey scan sees it: a thick mid-grey ring, glyph blobs inside, a star. */
function seal(page: GreyImage, cx: number, cy: number, r: number): void {
  for (let y = cy - r; y < cy + r; y++) {
    for (let x = cx - r; x < cx + r; x++) {
      const d = Math.hypot(x - cx, y - cy);
      const a = Math.atan2(y - cy, x - cx);
      const ring = d > r - 14 && d < r;
      const glyph = d > r * 0.62 && d < r * 0.8 && Math.sin(a * 28) > 0.1;
      const star = d < r * 0.25 * (0.6 + 0.4 * Math.cos(5 * a));
      if (ring || glyph || star) page.data[y * page.width + x] = 110;
    }
  }
}

const QR = (module: number) => renderSymbol({ kind: 'qrcode', payload: encodeText('（2024）豫0811民初123号', 'gbk'), module });

describe('candidateRegions ranks by likeness to a code, not by ink', () => {
  test('a small QR comes before a longer, inkier text line and a red seal', () => {
    const qr = QR(4);
    const at = { cx: 2100, cy: 3200 };
    const page = makePage({ seed: 5, noise: 8, textLines: false, placements: [{ symbol: qr, ...at, angleDeg: 8 }] });
    textLine(page, 250, 2200, 600, 1);
    textLine(page, 250, 2200, 1400, 2);
    seal(page, 1200, 2600, 260);
    const regions = rankedRegions(page);
    const code = regions.find((r) => contains(r.rect, at.cx, at.cy));
    const line = regions.find((r) => contains(r.rect, 1200, 615));
    const sealRegion = regions.find((r) => contains(r.rect, 1200 + 220, 2600) || contains(r.rect, 1200, 2600 - 240));
    // The page must really set the trap: both rivals are found as regions and hold more ink.
    expect(code).toBeDefined();
    expect(line).toBeDefined();
    expect(sealRegion).toBeDefined();
    const codeBox = { left: at.cx - qr.width / 2, top: at.cy - qr.height / 2, width: qr.width, height: qr.height };
    expect(ink(page, { left: 250, top: 600, width: 1950, height: 60 })).toBeGreaterThan(ink(page, codeBox));
    expect(ink(page, { left: 940, top: 2340, width: 520, height: 520 })).toBeGreaterThan(ink(page, codeBox));
    expect(contains(candidateRegions(page)[0] as Rect, at.cx, at.cy)).toBe(true);
    expect(regions[0]?.terms.finder).toBeGreaterThan(0);
  });

  // Bench pages where the seal's glyph ring over body text outranked the code when regions were
  // ranked by their cells' edges and ink balance alone.
  test.each([91, 102])('judgment page %i: the code under the seal comes first', (seed) => {
    const p = judgmentPage(seed, encodeText);
    expect(contains(candidateRegions(p.page)[0] as Rect, p.expected.at.x, p.expected.at.y)).toBe(true);
  });

  test('a Data Matrix printed right after the last text line comes first', () => {
    const dm = renderSymbol({ kind: 'datamatrix', payload: '（2025）豫0802民初4567号', module: 4 });
    const at = { cx: 1850, cy: 2310 + dm.height / 2 };
    // Body text over the page (60-px pitch), the code set in the last line's run.
    const page = makePage({ seed: 11, noise: 8, textLines: true, placements: [{ symbol: dm, ...at, angleDeg: 1 }] });
    const regions = rankedRegions(page);
    expect(regions.length).toBeGreaterThan(1);
    expect(contains(regions[0]?.rect as Rect, at.cx, at.cy)).toBe(true);
    // Found by its own pattern: the solid L and the alternating timing sides.
    expect(regions[0]?.terms.dmBorder).toBe(1);
  });

  test('a Code 128 in the page header comes first: a wide run of coherent bars counts as square', () => {
    const bars = renderSymbol({ kind: 'code128', payload: 'YZT482913', module: 2, barHeight: 100 });
    const at = { cx: 1600, cy: 150 };
    const page = makePage({ seed: 21, noise: 8, textLines: true, placements: [{ symbol: bars, ...at, angleDeg: 1.5 }] });
    const regions = rankedRegions(page);
    expect(contains(regions[0]?.rect as Rect, at.cx, at.cy)).toBe(true);
    expect(regions[0]?.terms.oneWay).toBe(true);
    expect(regions[0]?.terms.bars).toBeGreaterThan(0.5);
  });
});
