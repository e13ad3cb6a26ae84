/**
 * One purge as the kiosk and `yzt privacy purge` run it: the setting read at run time (an admin
 * change applies at the next run), the rows purged, then the freed bytes made unreadable. With
 * secure_delete on, SQLite zeroes deleted content in the page and on the free list as it goes;
 * the WAL still holds the old page images until a checkpoint, so the WAL is checkpointed and
 * truncated afterwards. VACUUM additionally rebuilds the file without free pages (and without
 * what rows rewritten before secure_delete was on left behind); it holds the database for as
 * long as copying the live data takes, so only the CLI, run by IT staff, asks for it.
 */
import type { Db } from '../db/open.js';
import type { Logger } from '../log/logger.js';
import type { PurgeCounts } from '../../src-shared/admin/contract.js';
import { addCounts, countPurgeable, purgeBatches } from './purge.js';
import { NO_COUNTS, readPrivacyView, readPurgeAfterDays, totalOf, writeLastPurge } from './purge-settings.js';

export interface RunPurgeOptions {
  now: Date;
  /** Else the setting privacy.purgeAfterDays. */
  afterDays?: number;
  dryRun?: boolean;
  vacuum?: boolean;
  log?: Logger;
  batchSize?: number;
}

export interface PurgeReport {
  at: string;
  afterDays: number;
  dryRun: boolean;
  counts: PurgeCounts;
  vacuumed: boolean;
}

interface Run {
  at: string;
  afterDays: number;
  batches: Generator<PurgeCounts, void, void>;
}

function begin(db: Db, o: RunPurgeOptions): Run {
  const afterDays = o.afterDays ?? readPurgeAfterDays(db);
  // The opener turns it on too; set here so a connection opened any other way is covered.
  db.pragma('secure_delete = ON');
  const refilledSince = readPrivacyView(db).lastPurge?.at;
  return { at: o.now.toISOString(), afterDays, batches: purgeBatches(db, { now: o.now, afterDays, refilledSince, ...(o.batchSize ? { batchSize: o.batchSize } : {}) }) };
}

function finish(db: Db, o: RunPurgeOptions, run: Run, counts: PurgeCounts): PurgeReport {
  const removed = totalOf(counts) > 0;
  const vacuumed = removed && o.vacuum === true;
  if (vacuumed) db.exec('VACUUM');
  if (removed) db.pragma('wal_checkpoint(TRUNCATE)');
  writeLastPurge(db, { at: run.at, afterDays: run.afterDays, counts });
  if (removed) o.log?.info('privacy.purged', { ...counts, afterDays: run.afterDays, vacuumed });
  return { at: run.at, afterDays: run.afterDays, dryRun: false, counts, vacuumed };
}

/** All batches at once (the CLI, tests). */
export function runPurge(db: Db, o: RunPurgeOptions): PurgeReport {
  if (o.dryRun) {
    const afterDays = o.afterDays ?? readPurgeAfterDays(db);
    return { at: o.now.toISOString(), afterDays, dryRun: true, counts: countPurgeable(db, { now: o.now, afterDays }), vacuumed: false };
  }
  const run = begin(db, o);
  const counts: PurgeCounts = { ...NO_COUNTS };
  for (const c of run.batches) addCounts(counts, c);
  return finish(db, o, run, counts);
}

/**
 * One batch per event-loop turn, so a backlog (the first run after an upgrade) never freezes
 * the kiosk screen; `cancelled` is asked before each batch, so nothing touches the database
 * once the app has begun closing it. Null when cancelled.
 */
export async function runPurgeInTurns(db: Db, o: Omit<RunPurgeOptions, 'dryRun'>, cancelled: () => boolean): Promise<PurgeReport | null> {
  if (cancelled()) return null;
  const run = begin(db, o);
  const counts: PurgeCounts = { ...NO_COUNTS };
  for (;;) {
    const step = run.batches.next();
    if (step.done) break;
    addCounts(counts, step.value);
    await new Promise((r) => setImmediate(r));
    if (cancelled()) return null;
  }
  return finish(db, o, run, counts);
}
