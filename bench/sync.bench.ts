/**
 * Sync throughput on real parts (kiosk SQLite files, SyncEngines, HTTP on 127.0.0.1, the
 * central as its own process on SQLite and on PostgreSQL):
 *  - drain time of 10,000 filings queued on one kiosk;
 *  - throughput of 50 kiosks of one court filing one type code at once.
 * Each run is checked: every filing numbered once, sequences gapless. PostgreSQL runs when
 * YZT_TEST_PG_URL is set (see docs/testing.md), else its figures are skipped with a note.
 * Sizes: BENCH_SYNC_DRAIN (10000), BENCH_SYNC_KIOSKS (50), BENCH_SYNC_EACH (40).
 */
import { join } from 'node:path';
import { spawnYzt } from '../src-main/proc/spawn-yzt.js';
import { openCentralStore } from '../src-main/central/open-store.js';
import type { CentralStore } from '../src-main/central/store.js';
import { runLoadtest, type LoadtestReport } from '../src-main/sync/loadtest.js';
import { createLogger } from '../src-main/log/logger.js';
import { tempDir } from '../tests/support/tmp.js';
import { freshDatabase } from '../tests/integration/central/pg-support.js';
import type { Figure } from './bench-kit.js';

const DRAIN = Number(process.env.BENCH_SYNC_DRAIN ?? 10_000);
const KIOSKS = Number(process.env.BENCH_SYNC_KIOSKS ?? 50);
const EACH = Number(process.env.BENCH_SYNC_EACH ?? 40);
const PG_URL = process.env.YZT_TEST_PG_URL;
const log = createLogger({ level: 'error' });

/** The central runs as its own process (`yzt central serve`), as in production, so it has a
 * core of its own; the bench opens a second handle on its store to enrol and to check. */
async function onCentral(kind: 'sqlite' | 'postgres', run: (url: string, store: CentralStore) => Promise<LoadtestReport>): Promise<LoadtestReport> {
  const dir = tempDir('yzt-bench-sync-');
  const pgDb = kind === 'postgres' ? await freshDatabase() : null;
  const pgUrl = pgDb?.url ?? '';
  const storeArgs = kind === 'sqlite' ? ['--db', join(dir.path, 'central.sqlite')] : ['--pg', pgUrl];
  const central = await spawnYzt(['central', 'serve', '--port', '0', ...storeArgs], /listening on (http:\/\/\S+)/);
  const store = await openCentralStore(kind === 'sqlite' ? { dbFile: join(dir.path, 'central.sqlite') } : { pgUrl });
  try {
    const report = await run(central.ready[1]!, store);
    if (report.problems.length > 0) throw new Error(`sync bench on ${kind}: numbering check failed: ${report.problems.slice(0, 5).join('; ')}`);
    return report;
  } finally {
    await store.close();
    await central.stop();
    dir.cleanup();
    await pgDb?.drop();
  }
}

export async function bench(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const kinds: ('sqlite' | 'postgres')[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];
  for (const kind of kinds) {
    const drain = await onCentral(kind, (url, store) => runLoadtest({ kiosks: 1, filings: DRAIN, centralUrl: url, store, log }));
    figures.push({ name: `drain ${DRAIN} queued filings, 1 kiosk (${kind})`, value: drain.seconds, unit: 's', note: `${drain.filingsPerSecond.toFixed(0)} filings/s; checked gapless` });
    const many = await onCentral(kind, (url, store) => runLoadtest({ kiosks: KIOSKS, filings: EACH, centralUrl: url, store, log }));
    figures.push({ name: `${KIOSKS} kiosks x ${EACH}, one court and type (${kind})`, value: many.filingsPerSecond, unit: 'filings/s', note: `${many.filings} in ${many.seconds.toFixed(1)} s; checked gapless` });
  }
  if (!PG_URL) figures.push({ name: 'postgres figures skipped', value: 0, unit: '-', note: 'set YZT_TEST_PG_URL=postgres://... to run them' });
  return figures;
}
