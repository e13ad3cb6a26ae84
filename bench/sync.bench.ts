/**
 * Sync throughput on real parts (kiosk SQLite files, SyncEngines, HTTP on 127.0.0.1, the
 * central on SQLite and on PostgreSQL):
 *  - drain time of 10,000 filings queued on one kiosk;
 *  - throughput of 50 kiosks of one court filing one type code at once.
 * Each run is checked: every filing numbered once, sequences gapless. PostgreSQL runs when
 * YZT_TEST_PG_URL is set (see .ci/run), else its figures are skipped with a note.
 * Sizes: BENCH_SYNC_DRAIN (10000), BENCH_SYNC_KIOSKS (50), BENCH_SYNC_EACH (40).
 */
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startCentral, type CentralHandle } from '../src-main/central/central-server.js';
import { runLoadtest, type LoadtestReport } from '../src-main/sync/loadtest.js';
import { createLogger } from '../src-main/log/logger.js';
import { tempDir } from '../tests/support/tmp.js';
import type { Figure } from './bench-kit.js';

const DRAIN = Number(process.env.BENCH_SYNC_DRAIN ?? 10_000);
const KIOSKS = Number(process.env.BENCH_SYNC_KIOSKS ?? 50);
const EACH = Number(process.env.BENCH_SYNC_EACH ?? 40);
const PG_URL = process.env.YZT_TEST_PG_URL;
const log = createLogger({ level: 'error' });

async function onCentral(kind: 'sqlite' | 'postgres', run: (c: CentralHandle) => Promise<LoadtestReport>): Promise<LoadtestReport> {
  const dir = tempDir('yzt-bench-sync-');
  const schema = `yzt_bench_${randomBytes(4).toString('hex')}`;
  const central = await startCentral(kind === 'sqlite' ? { dbFile: join(dir.path, 'central.sqlite'), port: 0, log } : { pgUrl: PG_URL, pgSchema: schema, port: 0, log });
  try {
    const report = await run(central);
    if (report.problems.length > 0) throw new Error(`sync bench on ${kind}: numbering check failed: ${report.problems.slice(0, 5).join('; ')}`);
    return report;
  } finally {
    await central.close();
    dir.cleanup();
    if (kind === 'postgres') {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    }
  }
}

export async function bench(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const kinds: ('sqlite' | 'postgres')[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];
  for (const kind of kinds) {
    const drain = await onCentral(kind, (c) => runLoadtest({ kiosks: 1, filings: DRAIN, centralUrl: c.url, store: c.store, log }));
    figures.push({ name: `drain ${DRAIN} queued filings, 1 kiosk (${kind})`, value: drain.seconds, unit: 's', note: `${drain.filingsPerSecond.toFixed(0)} filings/s; checked gapless` });
    const many = await onCentral(kind, (c) => runLoadtest({ kiosks: KIOSKS, filings: EACH, centralUrl: c.url, store: c.store, log }));
    figures.push({ name: `${KIOSKS} kiosks x ${EACH}, one court and type (${kind})`, value: many.filingsPerSecond, unit: 'filings/s', note: `${many.filings} in ${many.seconds.toFixed(1)} s; checked gapless` });
  }
  if (!PG_URL) figures.push({ name: 'postgres figures skipped', value: 0, unit: '-', note: 'set YZT_TEST_PG_URL=postgres://... to run them' });
  return figures;
}
