/**
 * Calls for staff on the PostgreSQL central: each change in one transaction with the call's
 * row locked (FOR UPDATE), so two clerks acknowledging at once bump the court's version once.
 */
import type pg from 'pg';
import type { HelpCallView } from '../../src-shared/api/help.js';
import {
  ACK_HELP_CALL_SQL, BUMP_HELP_VERSION_SQL, CANCEL_HELP_CALL_SQL, HELP_CALL_FOR_UPDATE_SQL, HELP_CALL_SQL, HELP_VERSION_SQL, OPEN_HELP_CALLS_SQL, PRUNE_HELP_CALLS_SQL, PUT_HELP_CALL_SQL,
  decideAck, decideRaise, isLive, openParams, pruneParams, toHelpCallView, type AckOutcome, type HelpCallRow, type HelpCallStore, type RaiseInput,
} from './help-call-sql.js';

/** The store's transaction runner (retries serialization failures and unique-key races). */
export type PgTx = <T>(fn: (c: pg.PoolClient) => Promise<T>) => Promise<T>;

export class PgHelpCalls implements HelpCallStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly tx: PgTx,
  ) {}

  private static async locked(c: pg.PoolClient, id: string): Promise<HelpCallRow | undefined> {
    return (await c.query<HelpCallRow>(HELP_CALL_FOR_UPDATE_SQL, [id])).rows[0];
  }

  raiseHelpCall(input: RaiseInput): Promise<{ call: HelpCallView; changed: boolean } | null> {
    return this.tx(async (c) => {
      const d = decideRaise(await PgHelpCalls.locked(c, input.call.id), input);
      if ('refuse' in d) return null;
      if ('answer' in d) return { call: toHelpCallView(d.answer), changed: false };
      await c.query(PRUNE_HELP_CALLS_SQL, pruneParams(input.now));
      await c.query(PUT_HELP_CALL_SQL, d.put);
      await c.query(BUMP_HELP_VERSION_SQL, [input.device.courtCode]);
      return { call: toHelpCallView((await PgHelpCalls.locked(c, input.call.id))!), changed: true };
    });
  }

  async helpCall(deviceId: string, id: string, now: Date): Promise<HelpCallView | null> {
    const r = (await this.pool.query<HelpCallRow>(HELP_CALL_SQL, [id])).rows[0];
    return r && r.device_id === deviceId && isLive(r, now) ? toHelpCallView(r) : null;
  }

  cancelHelpCall(deviceId: string, id: string, now: Date): Promise<string | null> {
    return this.tx(async (c) => {
      const r = await PgHelpCalls.locked(c, id);
      if (!r || r.device_id !== deviceId || !isLive(r, now)) return null;
      await c.query(CANCEL_HELP_CALL_SQL, [id]);
      await c.query(BUMP_HELP_VERSION_SQL, [r.court_code]);
      return r.court_code;
    });
  }

  async openHelpCalls(courtCode: string, now: Date): Promise<HelpCallView[]> {
    return (await this.pool.query<HelpCallRow>(OPEN_HELP_CALLS_SQL, openParams(courtCode, now))).rows.map(toHelpCallView);
  }

  acknowledgeHelpCall(courtCode: string | null, id: string, by: string, now: Date): Promise<AckOutcome> {
    return this.tx(async (c): Promise<AckOutcome> => {
      const r = await PgHelpCalls.locked(c, id);
      const d = decideAck(r, courtCode, now);
      if (d === 'not-found' || d === 'wrong-court') return d;
      if (d === 'ack') {
        await c.query(ACK_HELP_CALL_SQL, [now.toISOString(), by, id]);
        await c.query(BUMP_HELP_VERSION_SQL, [r!.court_code]);
      }
      return { call: toHelpCallView((await PgHelpCalls.locked(c, id))!), courtCode: r!.court_code, changed: d === 'ack' };
    });
  }

  async helpVersion(courtCode: string): Promise<number> {
    const r = (await this.pool.query<{ version: string }>(HELP_VERSION_SQL, [courtCode])).rows[0];
    return r ? Number(r.version) : 0;
  }
}
