/** Calls for staff on the SQLite central: each method one synchronous transaction. */
import type { Statement } from 'better-sqlite3';
import { statementCache } from './sqlite-statements.js';
import type { Db } from '../db/open.js';
import type { HelpCallView } from '../../src-shared/api/help.js';
import {
  ACK_HELP_CALL_SQL, BUMP_HELP_VERSION_SQL, CANCEL_HELP_CALL_SQL, HELP_CALL_SQL, HELP_VERSION_SQL, OPEN_HELP_CALLS_SQL, PRUNE_HELP_CALLS_SQL, PUT_HELP_CALL_SQL,
  decideAck, decideRaise, isLive, openParams, pruneParams, toHelpCallView, type AckOutcome, type HelpCallRow, type HelpCallStore, type RaiseInput,
} from './help-call-sql.js';

export class SqliteHelpCalls implements HelpCallStore {
  private readonly st: (sql: string) => Statement;

  constructor(private readonly db: Db) {
    this.st = statementCache(this.db);
  }

  private row(id: string): HelpCallRow | undefined {
    return this.st(HELP_CALL_SQL).get(id) as HelpCallRow | undefined;
  }

  private bump(courtCode: string): void {
    this.st(BUMP_HELP_VERSION_SQL).get(courtCode);
  }

  raiseHelpCall(input: RaiseInput): Promise<{ call: HelpCallView; changed: boolean } | null> {
    return Promise.resolve(
      this.db.transaction(() => {
        const d = decideRaise(this.row(input.call.id), input);
        if ('refuse' in d) return null;
        if ('answer' in d) return { call: toHelpCallView(d.answer), changed: false };
        this.st(PRUNE_HELP_CALLS_SQL).run(...pruneParams(input.now));
        this.st(PUT_HELP_CALL_SQL).run(...d.put);
        this.bump(input.device.courtCode);
        return { call: toHelpCallView(this.row(input.call.id)!), changed: true };
      }).immediate(),
    );
  }

  helpCall(deviceId: string, id: string, now: Date): Promise<HelpCallView | null> {
    const r = this.row(id);
    return Promise.resolve(r && r.device_id === deviceId && isLive(r, now) ? toHelpCallView(r) : null);
  }

  cancelHelpCall(deviceId: string, id: string, now: Date): Promise<string | null> {
    return Promise.resolve(
      this.db.transaction(() => {
        const r = this.row(id);
        if (!r || r.device_id !== deviceId || !isLive(r, now)) return null;
        this.st(CANCEL_HELP_CALL_SQL).run(id);
        this.bump(r.court_code);
        return r.court_code;
      }).immediate(),
    );
  }

  openHelpCalls(courtCode: string, now: Date): Promise<HelpCallView[]> {
    return Promise.resolve((this.st(OPEN_HELP_CALLS_SQL).all(...openParams(courtCode, now)) as HelpCallRow[]).map(toHelpCallView));
  }

  acknowledgeHelpCall(courtCode: string | null, id: string, by: string, now: Date): Promise<AckOutcome> {
    return Promise.resolve(
      this.db.transaction((): AckOutcome => {
        const r = this.row(id);
        const d = decideAck(r, courtCode, now);
        if (d === 'not-found' || d === 'wrong-court') return d;
        if (d === 'ack') {
          this.st(ACK_HELP_CALL_SQL).run(now.toISOString(), by, id);
          this.bump(r!.court_code);
        }
        return { call: toHelpCallView(this.row(id)!), courtCode: r!.court_code, changed: d === 'ack' };
      }).immediate(),
    );
  }

  helpVersion(courtCode: string): Promise<number> {
    const r = this.st(HELP_VERSION_SQL).get(courtCode) as { version: number } | undefined;
    return Promise.resolve(r?.version ?? 0);
  }
}
