/**
 * Runs the purge once at start-up (on the next turn, so the kiosk window is not held up) and
 * then every hour. A failed run is logged and tried again at the next tick, never thrown into
 * the event loop.
 */
import type { Db } from '../db/open.js';
import type { Logger } from '../log/logger.js';
import { runPurge, type PurgeReport } from './run-purge.js';

export const PURGE_INTERVAL_MS = 60 * 60_000;

export interface PurgeSchedulerOptions {
  db: Db;
  log: Logger;
  now: () => Date;
  intervalMs?: number;
  onRun?: (report: PurgeReport) => void;
}

export interface PurgeScheduler {
  /** Runs one purge now; null when it failed (the failure is logged). */
  runNow(): PurgeReport | null;
  stop(): void;
}

export function startPurgeScheduler(o: PurgeSchedulerOptions): PurgeScheduler {
  let stopped = false;
  const runNow = (): PurgeReport | null => {
    if (stopped) return null;
    try {
      const report = runPurge(o.db, { now: o.now(), log: o.log });
      o.onRun?.(report);
      return report;
    } catch (e) {
      o.log.error('privacy.purge.failed', { error: e instanceof Error ? e.message : String(e) });
      return null;
    }
  };
  const first = setImmediate(runNow);
  const timer = setInterval(runNow, o.intervalMs ?? PURGE_INTERVAL_MS);
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
