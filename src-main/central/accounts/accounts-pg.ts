/**
 * Clerk accounts on the PostgreSQL central. An account change locks the accounts table for its
 * transaction (changes are rare), so versions are given in commit order and a counter's feed
 * cursor never passes a change that commits later with a lower version.
 */
import type pg from 'pg';
import type { PgTx } from '../help-calls-pg.js';
import {
  ACCOUNT_SQL, ACCOUNT_VERSION_SQL, ACCOUNTS_SINCE_SQL, COUNT_ACCOUNTS_SQL, CREATE_SESSION_SQL, END_ACCOUNT_SESSIONS_SQL, END_SESSION_SQL, EVENT_SQL, FAILURES_SQL, NEXT_VERSION_SQL, PUT_ACCOUNT_SQL, SESSION_SQL,
  eventParams, putParams, toAccountRow, type AccountEvent, type AccountRow, type AccountWrite, type ClerkAccountStore, type SessionRow,
} from './account-sql.js';

export class PgClerkAccounts implements ClerkAccountStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly tx: PgTx,
  ) {}

  async account(court: string, account: string): Promise<AccountRow | undefined> {
    const r = (await this.pool.query<AccountRow>(ACCOUNT_SQL, [court, account])).rows[0];
    return r && toAccountRow(r);
  }

  async accountsSince(court: string, version: number, limit: number): Promise<AccountRow[]> {
    return (await this.pool.query<AccountRow>(ACCOUNTS_SINCE_SQL, [court, version, limit])).rows.map(toAccountRow);
  }

  async countAccounts(court: string): Promise<number> {
    return Number((await this.pool.query<{ n: string }>(COUNT_ACCOUNTS_SQL, [court])).rows[0]!.n);
  }

  writeAccount(w: AccountWrite, expectVersion: number | null, event: AccountEvent, endSessions: boolean): Promise<number | null> {
    return this.tx(async (c) => {
      await c.query('LOCK TABLE clerk_accounts IN SHARE ROW EXCLUSIVE MODE');
      const held = (await c.query<{ version: string }>(ACCOUNT_VERSION_SQL, [w.court_code, w.account])).rows[0];
      if ((held ? Number(held.version) : null) !== expectVersion) return null;
      const version = Number((await c.query<{ v: string }>(NEXT_VERSION_SQL, [w.court_code])).rows[0]!.v);
      await c.query(PUT_ACCOUNT_SQL, putParams(w, version));
      await c.query(EVENT_SQL, eventParams(event));
      if (endSessions) await c.query(END_ACCOUNT_SESSIONS_SQL, [w.updated_at, w.court_code, w.account]);
      return version;
    });
  }

  async setFailures(court: string, account: string, failures: number, lockedUntil: string | null): Promise<void> {
    await this.pool.query(FAILURES_SQL, [failures, lockedUntil, court, account]);
  }

  async createSession(s: Omit<SessionRow, 'ended_at'>): Promise<void> {
    await this.pool.query(CREATE_SESSION_SQL, [s.token_hash, s.court_code, s.account, s.issued_at, s.expires_at]);
  }

  async session(tokenHash: string): Promise<SessionRow | undefined> {
    return (await this.pool.query<SessionRow>(SESSION_SQL, [tokenHash])).rows[0];
  }

  async endSession(tokenHash: string, at: string): Promise<void> {
    await this.pool.query(END_SESSION_SQL, [at, tokenHash]);
  }
}
