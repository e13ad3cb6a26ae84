/**
 * Clerk accounts at the central, shared SQL for both stores (`$n` parameters; the SQLite store
 * binds them as `?` in order, so each statement names them in the order they appear). A court's account changes are numbered by `version`, one more
 * than the court's highest, written under a lock (SQLite: its one writer; PostgreSQL: a table
 * lock), so a counter reading the feed by cursor never skips a change committed late.
 */
import type { ClerkRole } from '../../../src-shared/counter/contract.js';

export interface AccountRow {
  court_code: string;
  account: string;
  display_name: string;
  role: ClerkRole;
  password_hash: string;
  disabled: number;
  must_change: number;
  failed_count: number;
  locked_until: string | null;
  version: number;
  updated_at: string;
  updated_by: string;
}

export interface SessionRow {
  token_hash: string;
  court_code: string;
  account: string;
  issued_at: string;
  expires_at: string;
  ended_at: string | null;
}

/** What an account change writes; the store gives it the next version. */
export interface AccountWrite {
  court_code: string;
  account: string;
  display_name: string;
  role: ClerkRole;
  password_hash: string;
  disabled: boolean;
  must_change: boolean;
  updated_at: string;
  updated_by: string;
}

export interface AccountEvent {
  court_code: string;
  account: string;
  action: string;
  by: string;
  terminal: string;
  at: string;
  details: Record<string, unknown>;
}

export interface ClerkAccountStore {
  account(court: string, account: string): Promise<AccountRow | undefined>;
  /** The court's accounts changed after `version`, oldest change first. */
  accountsSince(court: string, version: number, limit: number): Promise<AccountRow[]>;
  countAccounts(court: string): Promise<number>;
  /**
   * Writes the account with the court's next version and its event, in one transaction.
   * `expectVersion`: the version the decision was made on (null: the account must not exist);
   * when it moved meanwhile nothing is written and the answer is null. `endSessions`: the
   * account's open sessions end (disabled, reset).
   */
  writeAccount(w: AccountWrite, expectVersion: number | null, event: AccountEvent, endSessions: boolean): Promise<number | null>;
  /** Failed sign-ins and lockout; not an account change (no version). */
  setFailures(court: string, account: string, failures: number, lockedUntil: string | null): Promise<void>;
  createSession(s: Omit<SessionRow, 'ended_at'>): Promise<void>;
  session(tokenHash: string): Promise<SessionRow | undefined>;
  endSession(tokenHash: string, at: string): Promise<void>;
}

export const ACCOUNT_COLUMNS = 'court_code, account, display_name, role, password_hash, disabled, must_change, failed_count, locked_until, version, updated_at, updated_by';
export const ACCOUNT_SQL = `SELECT ${ACCOUNT_COLUMNS} FROM clerk_accounts WHERE court_code = $1 AND account = $2`;
export const ACCOUNTS_SINCE_SQL = `SELECT ${ACCOUNT_COLUMNS} FROM clerk_accounts WHERE court_code = $1 AND version > $2 ORDER BY version LIMIT $3`;
export const COUNT_ACCOUNTS_SQL = 'SELECT count(*) AS n FROM clerk_accounts WHERE court_code = $1';
export const ACCOUNT_VERSION_SQL = 'SELECT version FROM clerk_accounts WHERE court_code = $1 AND account = $2';
export const NEXT_VERSION_SQL = 'SELECT coalesce(max(version), 0) + 1 AS v FROM clerk_accounts WHERE court_code = $1';
export const PUT_ACCOUNT_SQL = `INSERT INTO clerk_accounts (court_code, account, display_name, role, password_hash, disabled, must_change, failed_count, locked_until, version, updated_at, updated_by)
  VALUES ($1, $2, $3, $4, $5, $6, $7, 0, NULL, $8, $9, $10)
  ON CONFLICT (court_code, account) DO UPDATE SET display_name = excluded.display_name, role = excluded.role, password_hash = excluded.password_hash,
    disabled = excluded.disabled, must_change = excluded.must_change, failed_count = 0, locked_until = NULL, version = excluded.version,
    updated_at = excluded.updated_at, updated_by = excluded.updated_by`;
export const EVENT_SQL = 'INSERT INTO clerk_account_events (court_code, account, action, by_account, terminal, at, details_json) VALUES ($1, $2, $3, $4, $5, $6, $7)';
export const END_ACCOUNT_SESSIONS_SQL = 'UPDATE clerk_sessions SET ended_at = $1 WHERE court_code = $2 AND account = $3 AND ended_at IS NULL';
export const FAILURES_SQL = 'UPDATE clerk_accounts SET failed_count = $1, locked_until = $2 WHERE court_code = $3 AND account = $4';
export const CREATE_SESSION_SQL = 'INSERT INTO clerk_sessions (token_hash, court_code, account, issued_at, expires_at) VALUES ($1, $2, $3, $4, $5)';
export const SESSION_SQL = 'SELECT token_hash, court_code, account, issued_at, expires_at, ended_at FROM clerk_sessions WHERE token_hash = $1';
export const END_SESSION_SQL = 'UPDATE clerk_sessions SET ended_at = $1 WHERE token_hash = $2 AND ended_at IS NULL';

export function putParams(w: AccountWrite, version: number): unknown[] {
  return [w.court_code, w.account, w.display_name, w.role, w.password_hash, w.disabled ? 1 : 0, w.must_change ? 1 : 0, version, w.updated_at, w.updated_by];
}

export function eventParams(e: AccountEvent): unknown[] {
  return [e.court_code, e.account, e.action, e.by, e.terminal, e.at, JSON.stringify(e.details)];
}

/** PostgreSQL's BIGINT and count() come back as strings. */
export function toAccountRow(r: AccountRow): AccountRow {
  return { ...r, version: Number(r.version), disabled: Number(r.disabled), must_change: Number(r.must_change), failed_count: Number(r.failed_count) };
}
