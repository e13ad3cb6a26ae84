/**
 * The purge setting (privacy.purgeAfterDays) and the record of the last run, kept in the kiosk
 * settings so a backup, an export and the admin screen see them. No court document among the
 * seeds sets a retention period for kiosk copies (the central keeps the case file), so the
 * default is the product's: 30 days, long enough for the counter's five working days
 * (seed 002 art. 7) and a returned filing's correction, short enough that a stolen kiosk holds
 * little.
 */
import type { Db } from '../db/open.js';
import { PURGE_AFTER_DAYS, purgeAfterDaysSchema, type PrivacyView, type PurgeCounts } from '../../src-shared/admin/contract.js';
import { readSetting, writeSetting } from '../kiosk/settings.js';

const DAYS_KEY = 'privacy.purgeAfterDays';
const LAST_KEY = 'privacy.lastPurge';

/** The stored value when valid; undefined when never set (or damaged, which reads as unset). */
export function storedPurgeAfterDays(db: Db): number | undefined {
  const raw = readSetting(db, DAYS_KEY);
  const parsed = purgeAfterDaysSchema.safeParse(raw === undefined ? undefined : Number(raw));
  return parsed.success ? parsed.data : undefined;
}

export function readPurgeAfterDays(db: Db): number {
  return storedPurgeAfterDays(db) ?? PURGE_AFTER_DAYS.default;
}

/** Callers validate with purgeAfterDaysSchema (the contract and the config file both do). */
export function writePurgeAfterDays(db: Db, days: number): void {
  writeSetting(db, DAYS_KEY, String(purgeAfterDaysSchema.parse(days)));
}

export type LastPurge = NonNullable<PrivacyView['lastPurge']>;

export function writeLastPurge(db: Db, run: LastPurge): void {
  writeSetting(db, LAST_KEY, JSON.stringify(run));
}

export function readPrivacyView(db: Db): PrivacyView {
  const raw = readSetting(db, LAST_KEY);
  let lastPurge: LastPurge | null = null;
  try {
    lastPurge = raw ? (JSON.parse(raw) as LastPurge) : null;
  } catch {
    lastPurge = null;
  }
  return { purgeAfterDays: readPurgeAfterDays(db), lastPurge };
}

export const NO_COUNTS: Readonly<PurgeCounts> = { filings: 0, documents: 0, drafts: 0, handovers: 0, counterRecords: 0 };

export function totalOf(c: PurgeCounts): number {
  return c.filings + c.documents + c.drafts + c.handovers + c.counterRecords;
}
