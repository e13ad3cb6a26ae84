/**
 * One purge as the kiosk and `yzt privacy purge` run it: the setting read at run time (an admin
 * change applies at the next run), the rows purged, then the freed bytes made unreadable. With
 * secure_delete on, SQLite zeroes deleted content in the page and on the free list as it goes;
 * the WAL still holds the old page images until a checkpoint, so the WAL is checkpointed and
 * truncated afterwards. VACUUM additionally rebuilds the file without free pages; it blocks
 * the database for as long as the copy takes, so only the CLI (run by IT staff) asks for it.
 */
import type { Db } from '../db/open.js';
import type { Logger } from '../log/logger.js';
import type { PurgeCounts } from '../../src-shared/admin/contract.js';
import { countPurgeable, purgeConfirmed } from './purge.js';
import { readPurgeAfterDays, totalOf, writeLastPurge } from './purge-settings.js';

export interface RunPurgeOptions {
  now: Date;
  /** Else the setting privacy.purgeAfterDays. */
  afterDays?: number;
  dryRun?: boolean;
  vacuum?: boolean;
  log?: Logger;
}

export interface PurgeReport {
  at: string;
  afterDays: number;
  dryRun: boolean;
  counts: PurgeCounts;
  vacuumed: boolean;
}

export function runPurge(db: Db, o: RunPurgeOptions): PurgeReport {
  const afterDays = o.afterDays ?? readPurgeAfterDays(db);
  const at = o.now.toISOString();
  if (o.dryRun) return { at, afterDays, dryRun: true, counts: countPurgeable(db, { now: o.now, afterDays }), vacuumed: false };
  // The opener turns it on too; set here so a connection opened any other way is covered.
  db.pragma('secure_delete = ON');
  const counts = purgeConfirmed(db, { now: o.now, afterDays });
  const removed = totalOf(counts) > 0;
  const vacuumed = removed && o.vacuum === true;
  if (vacuumed) db.exec('VACUUM');
  if (removed) db.pragma('wal_checkpoint(TRUNCATE)');
  writeLastPurge(db, { at, afterDays, counts });
  if (removed) o.log?.info('privacy.purged', { ...counts, afterDays, vacuumed });
  return { at, afterDays, dryRun: false, counts, vacuumed };
}
