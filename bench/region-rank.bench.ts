/**
 * How well `candidateRegions` ranks (issue #16 point 2): on the judgment pages of
 * barcode.bench.ts, the rank of the first region whose full-size crop yields the page's code,
 * and the time the region search takes per page (quarter-size copy given, as page-decode.ts
 * does). The true region is found by reading every ranked crop, strongest read first
 * (TRY_HARDER, then a fixed threshold), so it is the region the decoder needs, whatever its
 * shape. REGION_RANK_PAGES sets the page count (160 is the larger check).
 */
import { rankedRegions, type RankedRegion } from '../src-shared/scan/regions.js';
import { clampRect, crop, downscale } from '../src-shared/scan/luminance.js';
import { encodeText } from '../src-shared/scan/gbk-encode.js';
import { symbolText } from '../hardware/barcode/page-decode.js';
import { wasmRead } from '../hardware/barcode/wasm-reader.js';
import { judgmentPage } from '../tests/fixtures/barcode/judgment-pages.js';
import { latencyFigures, percentile, type Figure } from './bench-kit.js';

const PAGES = Number(process.env.REGION_RANK_PAGES ?? 24);
/** Regions read per page to find the true one: past this it counts as not ranked. */
const LOOK = 12;
const EACH = process.env.REGION_RANK_EACH === '1';

async function trueRank(page: ReturnType<typeof judgmentPage>, regions: RankedRegion[]): Promise<number> {
  for (const [i, r] of regions.slice(0, LOOK).entries()) {
    const rect = clampRect(r.rect, page.page.width, page.page.height);
    if (rect.width < 16 || rect.height < 16) continue;
    const img = crop(page.page, rect);
    for (const binarizer of ['LocalAverage', 'FixedThreshold'] as const) {
      const found = await wasmRead(img, ['qr', 'datamatrix', 'pdf417', 'code128'], { maxResults: 1, tryHarder: true, binarizer });
      if (found.some((f) => symbolText(f, 'auto').text === page.expected.text)) return i;
    }
  }
  return -1;
}

export async function bench(): Promise<Figure[]> {
  const ranks: number[] = [];
  const ms: number[] = [];
  const counts: number[] = [];
  const off: string[] = [];
  const leads: number[] = [];
  // JIT warm-up outside the set, as barcode.bench.ts does.
  const warm = judgmentPage(1000, encodeText).page;
  rankedRegions(warm, undefined, downscale(warm, 4));
  for (let seed = 1; seed <= PAGES; seed++) {
    const page = judgmentPage(seed, encodeText);
    const quarter = downscale(page.page, 4);
    // Best of three: this machine is shared, and one run's time swings several-fold.
    let regions: RankedRegion[] = [];
    let best = Infinity;
    for (let k = 0; k < 3; k++) {
      const started = performance.now();
      regions = rankedRegions(page.page, undefined, quarter);
      best = Math.min(best, performance.now() - started);
    }
    ms.push(best);
    counts.push(regions.length);
    const rank = await trueRank(page, regions);
    ranks.push(rank);
    // How far the code's region is ahead of the next one: a thin lead is a miss waiting.
    if (rank === 0 && regions.length > 1) leads.push((regions[0] as RankedRegion).score / Math.max(1e-12, (regions[1] as RankedRegion).score));
    if (rank !== 0) off.push(`${seed}:${page.kind}@${rank < 0 ? 'none' : rank}`);
    if (EACH) process.stderr.write(`page ${String(seed).padStart(3)} ${page.kind.padEnd(22)} rank ${rank} of ${regions.length}  ${ms[ms.length - 1]?.toFixed(2)} ms\n`);
  }
  const first = ranks.filter((r) => r === 0).length;
  const top3 = ranks.filter((r) => r >= 0 && r < 3).length;
  const top6 = ranks.filter((r) => r >= 0 && r < 6).length;
  return [
    { name: 'pages', value: PAGES, unit: 'pages' },
    { name: 'true region ranked first', value: first, unit: 'pages', note: off.length ? `not first: ${off.join(' ')}` : 'all' },
    { name: 'true region in the first 3', value: top3, unit: 'pages' },
    { name: 'true region in the first 6 (tried at full size)', value: top6, unit: 'pages' },
    { name: 'lead of the first region over the second, min', value: Math.min(...leads), unit: 'x', note: `score ratio where the first is the code's; p5 ${percentile(leads, 5).toFixed(2)}` },
    { name: 'regions found per page, mean', value: counts.reduce((a, b) => a + b, 0) / Math.max(1, counts.length), unit: 'regions' },
    ...latencyFigures('region search and ranking per page', ms, 'quarter-size copy given; best of 3 runs'),
  ];
}
