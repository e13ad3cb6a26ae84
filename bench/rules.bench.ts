/** The rules engine's cost per filing, per seed court, and the case-number parser's. */
import { checkFiling } from '../src-shared/rules/index.js';
import { COURT_PRESETS } from '../src-shared/courts/court-profile.js';
import { parseCaseNumber } from '../src-shared/casenum/case-number.js';
import { baseFiling, NOW } from '../tests/unit/rules/fixtures.js';
import { latencyFigures, type Figure } from './bench-kit.js';

export async function bench(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const filing = baseFiling();
  for (const court of COURT_PRESETS) {
    const samples: number[] = [];
    for (let i = 0; i < 500; i++) {
      const t0 = performance.now();
      checkFiling(filing, court, { now: NOW });
      samples.push(performance.now() - t0);
    }
    figures.push(...latencyFigures(`checkFiling ${court.id}`, samples.slice(50), 'after 50 warm-up runs'));
  }
  const n = 100_000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) parseCaseNumber(`(2024) 豫0811民初${(i % 9999) + 1}号`, { now: NOW });
  figures.push({ name: 'parseCaseNumber per call', value: ((performance.now() - t0) * 1000) / n, unit: 'µs', note: `n=${n}` });
  return figures;
}
