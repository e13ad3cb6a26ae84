/**
 * Sync throughput on real parts (kiosk SQLite files, SyncEngines, HTTP on 127.0.0.1, the
 * central as its own process on SQLite and on PostgreSQL):
 *  - drain time of 10,000 filings queued on one kiosk;
 *  - throughput of 50 kiosks of one court filing one type code at once.
 * Each run is checked: every filing numbered once, sequences gapless. PostgreSQL runs when
 * YZT_TEST_PG_URL is set (see docs/testing.md), else its figures are skipped with a note.
 * Each figure is given against its goal (drain ≤ 5 s, ≥ 2,000 numbered filings/s) and against
 * raw SQLite / PostgreSQL doing the same inserts and counter updates in the same run
 * (bench/sync-raw.ts); then where a push's time goes, step by step (bench/sync-profile.ts).
 * Sizes: BENCH_SYNC_DRAIN (10000), BENCH_SYNC_KIOSKS (50), BENCH_SYNC_EACH (40), BENCH_SYNC_WARMUP (= EACH), BENCH_SYNC_ROUNDS (3), BENCH_SYNC_PROFILE (500, 0 = off).
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
import { kioskRecords, rawPg, rawPgBatched, rawSqlite } from './sync-raw.js';
import { profileSync } from './sync-profile.js';

const DRAIN = Number(process.env.BENCH_SYNC_DRAIN ?? 10_000);
const KIOSKS = Number(process.env.BENCH_SYNC_KIOSKS ?? 50);
const EACH = Number(process.env.BENCH_SYNC_EACH ?? 40);
const WARMUP = Number(process.env.BENCH_SYNC_WARMUP ?? EACH);
const ROUNDS = Number(process.env.BENCH_SYNC_ROUNDS ?? 3);
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

const DRAIN_GOAL_S = 5;
const MANY_GOAL_PER_S = 2_000;
const PROFILE = Number(process.env.BENCH_SYNC_PROFILE ?? 500);

const per = (n: number) => `${n.toFixed(0)}/s`;

export async function bench(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const kinds: ('sqlite' | 'postgres')[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];
  // The anchors: the same inserts and counter updates by the database alone, in the same run,
  // batched as the product batches (500 a push from one kiosk, 40 from each of 10 at once);
  // PostgreSQL also with one statement per row, as the central did before batching.
  const records = kioskRecords(Math.min(DRAIN, 2_000));
  const raw = { sqlite: rawSqlite(records, 500), postgres: PG_URL ? await rawPgBatched(PG_URL, records, 500, 1) : NaN };
  const rawMany = PG_URL ? await rawPgBatched(PG_URL, records, EACH, 10) : NaN;
  figures.push({ name: 'raw sqlite: counters + inserts, 500 per tx', value: raw.sqlite, unit: 'filings/s', note: 'anchor: the database alone, same schema and fsync' });
  if (PG_URL) {
    figures.push({ name: 'raw postgres: one statement per row, 50 per tx', value: await rawPg(PG_URL, records.slice(0, 1_000), 50, 1), unit: 'filings/s', note: 'how the central wrote before batching' });
    figures.push({ name: 'raw postgres: batched statements, 500 per tx, 1 connection', value: raw.postgres, unit: 'filings/s', note: 'anchor for the drain' });
    figures.push({ name: `raw postgres: batched statements, ${EACH} per tx, 10 connections`, value: rawMany, unit: 'filings/s', note: 'anchor for many kiosks' });
  }
  for (const kind of kinds) {
    const drain = await onCentral(kind, (url, store) => runLoadtest({ kiosks: 1, filings: DRAIN, centralUrl: url, store, log }));
    figures.push({
      name: `drain ${DRAIN} queued filings, 1 kiosk (${kind})`,
      value: drain.seconds,
      unit: 's',
      note: `${(drain.seconds / DRAIN_GOAL_S).toFixed(2)}x the goal of ${DRAIN_GOAL_S} s; ${per(drain.filingsPerSecond)} = ${(drain.filingsPerSecond / raw[kind]).toFixed(2)}x raw ${kind} (${per(raw[kind])}); checked gapless`,
    });
    // Each kiosk pushes once in a round, so a central started a moment ago spent half of the
    // first compiling its hot paths and answering fifty handshakes: a round of the same size
    // goes first, untimed, as in a city that has been filing all morning (its rate is reported).
    // A round lasts about a second, so three are timed and the figure is over all three.
    const many = await onCentral(kind, (url, store) => runLoadtest({ kiosks: KIOSKS, filings: EACH, warmup: WARMUP, rounds: ROUNDS, centralUrl: url, store, log }));
    const anchor = kind === 'postgres' ? rawMany : raw.sqlite;
    const cold = many.warmupSeconds > 0 ? `; the warm-up round, cold: ${per((KIOSKS * WARMUP) / many.warmupSeconds)}` : '';
    figures.push({
      name: `${KIOSKS} kiosks x ${EACH}${ROUNDS > 1 ? `, ${ROUNDS} rounds` : ''}, one court and type (${kind})`,
      value: many.filingsPerSecond,
      unit: 'filings/s',
      note: `${(many.filingsPerSecond / MANY_GOAL_PER_S).toFixed(2)}x the goal of ${MANY_GOAL_PER_S}/s; ${(many.filingsPerSecond / anchor).toFixed(2)}x raw ${kind} (${per(anchor)}); ${many.filings} in ${many.seconds.toFixed(2)} s (rounds: ${many.roundRates.map(per).join(', ')}), the kiosks' own CPU ${many.kioskCpuSeconds.toFixed(2)} s${cold}; checked gapless`,
    });
  }
  if (!PG_URL) figures.push({ name: 'postgres figures skipped', value: 0, unit: '-', note: 'set YZT_TEST_PG_URL=postgres://... to run them' });
  // Where a push's time goes, step by step (bench/sync-profile.ts).
  if (PROFILE > 0) for (const f of await profileSync(PROFILE)) figures.push({ ...f, name: `where: ${f.name}` });
  return figures;
}
