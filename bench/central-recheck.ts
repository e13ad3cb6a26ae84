/**
 * The central's CPU per pushed filing, in a process that has done nothing else: the record's
 * schema parse (runtime, as push-batch.ts parses; and compiled) and the re-check
 * (validateFiling), over real kiosk filings, once each as in a drain. CPU time of the process
 * (process.cpuUsage), so a busy shared machine changes the figures less than wall time would.
 * The filings are made by the kiosk's code in a child process: sync-profile.ts times the same
 * steps after the kiosk's own checks have warmed the rules engine in its process, which a
 * central never has. Run alone: `npx tsx bench/central-recheck.ts [count]`.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { filingRecordSchema, type FilingRecord } from '../src-shared/domain/filing.js';
import { validateFiling } from '../src-main/central/validate-filing.js';
import { compiledFilingRecordSchema } from '../src-main/central/compiled-filing-schemas.js';
import { kioskRecords } from './sync-raw.js';
import type { Figure } from './bench-kit.js';

const cpuUs = (): number => {
  const c = process.cpuUsage();
  return c.user + c.system;
};

/** Real kiosk filings as pushed (JSON), made in a child process so this one stays cold. */
function pushedFilings(count: number): string {
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--make', String(count)], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (child.status !== 0) throw new Error(`making filings failed: ${child.stderr}`);
  return child.stdout;
}

export function centralRecheck(count = 10_000): Figure[] {
  const pushed = pushedFilings(count);
  const perFiling = (name: string, work: () => void): Figure => {
    const t = cpuUs();
    work();
    return { name, value: (cpuUs() - t) / 1000 / count, unit: 'ms/filing', note: `CPU, ${count} filings once, cold process` };
  };
  const runtime = JSON.parse(pushed) as unknown[];
  const compiled = JSON.parse(pushed) as unknown[];
  let records: FilingRecord[] = [];
  const figures = [perFiling('filing schema, runtime (push-batch.ts)', () => (records = runtime.map((r) => filingRecordSchema.parse(r))))];
  figures.push(perFiling('filing schema, compiled', () => compiled.forEach((r) => compiledFilingRecordSchema.parse(r))));
  const court = records[0]!.courtCode;
  figures.push(
    perFiling('rules again (validateFiling)', () => {
      for (const f of records) if (validateFiling(1, f, court, new Date())) throw new Error(`refused: ${f.id}`);
    }),
  );
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv[2] === '--make') process.stdout.write(JSON.stringify(kioskRecords(Number(process.argv[3]))));
  else {
    const { printFigures } = await import('./bench-kit.js');
    printFigures('central-recheck', centralRecheck(Number(process.argv[2] ?? 10_000)));
  }
}
