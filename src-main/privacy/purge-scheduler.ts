/**
 * Runs the purge once at start-up (on the next turn, so the kiosk window is not held up) and
 * then every hour, one batch per turn. A failed run is logged and tried again at the next
 * tick, never thrown into the event loop; a tick while a run is still going is skipped.
 */
import type { Db } from '../db/open.js';
import type { Logger } from '../log/logger.js';
import { runPurgeInTurns, type PurgeReport } from './run-purge.js';

export const PURGE_INTERVAL_MS = 60 * 60_000;
/** Zeroing freed photographs dominates: with a 200 KB page each, 25 filings held the event loop
 * 130-180 ms on two busy cores (`npm run bench purge`), enough to stutter a card read; 10 keeps a
 * turn near 60 ms, below what a person at the screen notices. */
export const BATCH_IN_APP = 10;

export interface PurgeSchedulerOptions {
  db: Db;
  log: Logger;
  now: () => Date;
  intervalMs?: number;
  onRun?: (report: PurgeReport) => void;
}

export interface PurgeScheduler {
  /** Runs one purge now; null when stopped, already running, or failed (the failure is logged). */
  runNow(): Promise<PurgeReport | null>;
  /** No batch starts after this; call before closing the database. */
  stop(): void;
}

export function startPurgeScheduler(o: PurgeSchedulerOptions): PurgeScheduler {
  let stopped = false;
  let running = false;
  const runNow = async (): Promise<PurgeReport | null> => {
    if (stopped || running) return null;
    running = true;
    try {
      const report = await runPurgeInTurns(o.db, { now: o.now(), log: o.log, batchSize: BATCH_IN_APP }, () => stopped);
      if (report) o.onRun?.(report);
      return report;
    } catch (e) {
      o.log.error('privacy.purge.failed', { error: e instanceof Error ? e.message : String(e) });
      return null;
    } finally {
      running = false;
    }
  };
  const first = setImmediate(() => void runNow());
  const timer = setInterval(() => void runNow(), o.intervalMs ?? PURGE_INTERVAL_MS);
  timer.unref();
  return {
    runNow,
    stop() {
      stopped = true;
      clearImmediate(first);
      clearInterval(timer);
    },
  };
}
