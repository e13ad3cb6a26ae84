/** Small helpers shared by the benchmarks: percentiles and a uniform printed line. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx] ?? NaN;
}

export function latencyFigures(name: string, samplesMs: number[], note?: string): Figure[] {
  const extra = note ? `${note}; ` : '';
  return [
    { name: `${name} median`, value: percentile(samplesMs, 50), unit: 'ms', note: `${extra}n=${samplesMs.length}` },
    { name: `${name} p95`, value: percentile(samplesMs, 95), unit: 'ms', note: `${extra}n=${samplesMs.length}` },
  ];
}

export function printFigures(group: string, figures: Figure[]): void {
  for (const f of figures) {
    // Below 1, two decimals hide a twofold change (0.06 vs 0.03 ms/filing): keep three significant digits.
    const v = Number.isInteger(f.value) ? String(f.value) : Math.abs(f.value) < 1 ? f.value.toPrecision(3) : f.value.toFixed(2);
    process.stdout.write(`${group.padEnd(12)} ${f.name.padEnd(48)} ${v.padStart(10)} ${f.unit}${f.note ? `  (${f.note})` : ''}\n`);
  }
}

/** A benchmark module exports `bench` returning its figures; bench/run.ts runs them all. */
export type BenchModule = { bench(): Promise<Figure[]> };
