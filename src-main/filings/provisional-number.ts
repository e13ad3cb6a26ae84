/**
 * Provisional numbers: issued by the kiosk at once, online or not, and printed on the receipt.
 * They start with 临 and use Latin digits and dashes only, so nobody can mistake one for an
 * official 案号 `（2026）豫0811执12号`, which only the central gateway assigns.
 */
import type { Db } from '../db/open.js';
import { chinaDateCompact } from '../../src-shared/time/china-time.js';

/** The day in a provisional number, and the day its counter counts: China's, the court's day. */
export function localDay(d: Date): string {
  return chinaDateCompact(d);
}

export function deviceShortCode(deviceId: string): string {
  return deviceId.replace(/-/g, '').slice(0, 6).toUpperCase();
}

/** Must run inside the filing's transaction so the counter and the filing commit together. */
export function nextProvisionalNumber(db: Db, deviceId: string, now: Date): string {
  const day = localDay(now);
  const row = db
    .prepare('INSERT INTO daily_counters (day, last) VALUES (?, 1) ON CONFLICT (day) DO UPDATE SET last = last + 1 RETURNING last')
    .get(day) as { last: number };
  return `临-${deviceShortCode(deviceId)}-${day}-${String(row.last).padStart(4, '0')}`;
}

export const PROVISIONAL_PATTERN = /^临-[0-9A-F]{6}-\d{8}-\d{4,}$/;
