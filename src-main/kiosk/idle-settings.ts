import type { Db } from '../db/open.js';
import { readSetting } from './settings.js';

/** Seconds without a touch before the "are you still there?" warning, and of the warning before the wipe. */
export const IDLE_DEFAULTS = { warnAfterSeconds: 120, wipeAfterSeconds: 30 } as const;

function seconds(db: Db, key: string, fallback: number): number {
  const n = Number(readSetting(db, key));
  // Out-of-range values fall back rather than leave a kiosk that never wipes or wipes at once.
  return Number.isInteger(n) && n >= 10 && n <= 3600 ? n : fallback;
}

export function idleSettings(db: Db): { warnAfterSeconds: number; wipeAfterSeconds: number } {
  return {
    warnAfterSeconds: seconds(db, 'idle.warnAfterSeconds', IDLE_DEFAULTS.warnAfterSeconds),
    wipeAfterSeconds: seconds(db, 'idle.wipeAfterSeconds', IDLE_DEFAULTS.wipeAfterSeconds),
  };
}
