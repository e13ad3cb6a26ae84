/**
 * This PC's cache of the court's central clerk accounts (counter_users rows with a
 * central_version). The central is the authority; the cache lets a clerk keep working through
 * a network cut, within limits a court can accept (docs/clerk-accounts.md):
 * - only an account whose password the central confirmed on this PC within OFFLINE_HOURS;
 * - never one a reset asks to change its password, never a disabled one;
 * - what the clerk does offline reaches the central under the terminal's name, since no central
 *   session vouches for the clerk.
 */
import type { Db } from '../db/open.js';
import type { ClerkAccountItem } from '../../src-shared/sync/clerk-accounts.js';

/** Long enough for a weekend's cut (Friday evening to Monday morning), short enough that a leaver's access ends. */
export const OFFLINE_HOURS = 72;
/** Stands where no verifier is cached: never matches a password (not a scrypt string). */
export const NO_VERIFIER = '!';

export interface CachedAccount {
  account: string;
  display_name: string;
  role: ClerkAccountItem['role'];
  password_hash: string;
  disabled: number;
  must_change: number;
  central_version: number | null;
  central_confirmed_at: string | null;
}

export function cachedAccount(db: Db, account: string): CachedAccount | undefined {
  return db.prepare('SELECT account, display_name, role, password_hash, disabled, must_change, central_version, central_confirmed_at FROM counter_users WHERE account = ?').get(account) as CachedAccount | undefined;
}

/** Whether this PC has ever learned the court's accounts from the central (then local-only accounts no longer sign in). */
export function holdsCentralAccounts(db: Db): boolean {
  return db.prepare('SELECT 1 FROM counter_users WHERE central_version IS NOT NULL LIMIT 1').get() !== undefined;
}

export function offlineAllowed(row: CachedAccount | undefined, now: Date): boolean {
  if (!row || row.disabled || row.must_change || row.central_version === null || !row.central_confirmed_at) return false;
  return now.getTime() - Date.parse(row.central_confirmed_at) <= OFFLINE_HOURS * 3_600_000;
}

/**
 * An account as the central sent it. `verifier`: after a sign-in the central confirmed here.
 * Without it (the feed) a changed account keeps no verifier: the feed does not say whether the
 * password changed, so the account cannot sign in offline until the central confirms it again.
 * A version this PC already holds changes nothing. Call inside a transaction.
 */
export function cacheAccount(db: Db, a: ClerkAccountItem, at: string, verifier?: string): void {
  const held = cachedAccount(db, a.account);
  if (verifier === undefined && held?.central_version != null && held.central_version >= a.version) return;
  db.prepare(
    `INSERT INTO counter_users (account, display_name, role, password_hash, disabled, must_change, central_version, central_confirmed_at, created_at)
     VALUES (@account, @name, @role, @hash, @disabled, @mustChange, @version, @confirmed, @at)
     ON CONFLICT (account) DO UPDATE SET display_name = excluded.display_name, role = excluded.role, password_hash = excluded.password_hash,
       disabled = excluded.disabled, must_change = excluded.must_change, central_version = excluded.central_version, central_confirmed_at = excluded.central_confirmed_at,
       failed_count = CASE WHEN excluded.central_confirmed_at IS NOT NULL THEN 0 ELSE failed_count END,
       locked_until = CASE WHEN excluded.central_confirmed_at IS NOT NULL THEN NULL ELSE locked_until END`,
  ).run({
    account: a.account,
    name: a.displayName,
    role: a.role,
    hash: verifier ?? NO_VERIFIER,
    disabled: a.disabled ? 1 : 0,
    mustChange: a.mustChange ? 1 : 0,
    version: a.version,
    confirmed: verifier !== undefined ? at : null,
    at,
  });
}
