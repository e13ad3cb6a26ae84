/** Clerk accounts on the SQLite central: each method one synchronous transaction. */
import type { Statement } from 'better-sqlite3';
import { statementCache } from '../sqlite-statements.js';
import type { Db } from '../../db/open.js';
import {
  ACCOUNT_SQL, ACCOUNT_VERSION_SQL, ACCOUNTS_SINCE_SQL, COUNT_ACCOUNTS_SQL, CREATE_SESSION_SQL, END_ACCOUNT_SESSIONS_SQL, END_SESSION_SQL, EVENT_SQL, FAILURES_SQL, NEXT_VERSION_SQL, PUT_ACCOUNT_SQL, SESSION_SQL,
  eventParams, putParams, toAccountRow, type AccountEvent, type AccountRow, type AccountWrite, type ClerkAccountStore, type SessionRow,
} from './account-sql.js';

export class SqliteClerkAccounts implements ClerkAccountStore {
  private readonly st: (sql: string) => Statement;

  constructor(private readonly db: Db) {
    this.st = statementCache(this.db);
  }

  account(court: string, account: string): Promise<AccountRow | undefined> {
    const r = this.st(ACCOUNT_SQL).get(court, account) as AccountRow | undefined;
    return Promise.resolve(r && toAccountRow(r));
  }

  accountsSince(court: string, version: number, limit: number): Promise<AccountRow[]> {
    return Promise.resolve((this.st(ACCOUNTS_SINCE_SQL).all(court, version, limit) as AccountRow[]).map(toAccountRow));
  }

  countAccounts(court: string): Promise<number> {
    return Promise.resolve(Number((this.st(COUNT_ACCOUNTS_SQL).get(court) as { n: number }).n));
  }

  writeAccount(w: AccountWrite, expectVersion: number | null, event: AccountEvent, endSessions: boolean): Promise<number | null> {
    return Promise.resolve(
      this.db.transaction((): number | null => {
        const held = this.st(ACCOUNT_VERSION_SQL).get(w.court_code, w.account) as { version: number } | undefined;
        if ((held?.version ?? null) !== expectVersion) return null;
        const version = (this.st(NEXT_VERSION_SQL).get(w.court_code) as { v: number }).v;
        this.st(PUT_ACCOUNT_SQL).run(...putParams(w, version));
        this.st(EVENT_SQL).run(...eventParams(event));
        if (endSessions) this.st(END_ACCOUNT_SESSIONS_SQL).run(w.updated_at, w.court_code, w.account);
        return version;
      }).immediate(),
    );
  }

  setFailures(court: string, account: string, failures: number, lockedUntil: string | null): Promise<void> {
    this.st(FAILURES_SQL).run(failures, lockedUntil, court, account);
    return Promise.resolve();
  }

  createSession(s: Omit<SessionRow, 'ended_at'>): Promise<void> {
    this.st(CREATE_SESSION_SQL).run(s.token_hash, s.court_code, s.account, s.issued_at, s.expires_at);
    return Promise.resolve();
  }

  session(tokenHash: string): Promise<SessionRow | undefined> {
    return Promise.resolve(this.st(SESSION_SQL).get(tokenHash) as SessionRow | undefined);
  }

  endSession(tokenHash: string, at: string): Promise<void> {
    this.st(END_SESSION_SQL).run(at, tokenHash);
    return Promise.resolve();
  }
}
