/**
 * The SMS outbox on the PostgreSQL central. `enqueue` takes the transaction client of the case
 * change that causes the message; claims lock the row (FOR UPDATE SKIP LOCKED) so two gateways
 * sharing the database never send one message twice.
 */
import type pg from 'pg';
import type { CaseStatus } from '../../../src-shared/sync/protocol.js';
import type { SmsTemplate } from '../../../src-shared/sms/sms-events.js';
import type { PgTx } from '../help-calls-pg.js';
import type { DueSms, SmsOutboxStore } from './outbox-types.js';
import {
  CASE_FOR_SMS_SQL, CASE_OF_NUMBER_SQL, CLAIM_SQL, DUE_IDS_SQL, ENQUEUE_SQL, HISTORY_SQL, MARK_FAILED_SQL, MARK_SENT_SQL, PUT_TEMPLATE_SQL, SILENT_CASES_SQL, TEMPLATES_SQL, TEMPLATE_SQL,
  cutoff, mergeTemplates, templateParams, toDue, toHistory, toSilent, type ClaimRow, type HistoryRow, type SilentRow, type TemplateRow,
} from './outbox-sql.js';
import { planSms, smsEventsOf } from './plan-sms.js';
import { chinaDate } from '../../../src-shared/time/china-time.js';

export class PgSmsOutbox implements SmsOutboxStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly tx: PgTx,
  ) {}

  async enqueue(c: pg.PoolClient, filingId: string, status: CaseStatus, reasons: readonly string[], team: string | null, version: number, at: string): Promise<void> {
    const events = smsEventsOf(status);
    if (events.length === 0) return;
    const cs = (await c.query<{ court_code: string; official_no: string; record_json: string }>(CASE_FOR_SMS_SQL, [filingId])).rows[0];
    if (!cs) return;
    for (const event of events) {
      const template = mergeTemplates((await c.query<TemplateRow>(TEMPLATE_SQL, [cs.court_code, event])).rows).find((t) => t.event === event)!;
      const m = planSms({ event, today: chinaDate(new Date(at)), courtCode: cs.court_code, officialNo: cs.official_no, recordJson: cs.record_json, reasons, team, template });
      if (m) await c.query(ENQUEUE_SQL, [filingId, cs.court_code, event, `${event}:${version}`, m.phone, m.text, at, at]);
    }
  }

  async templates(courtCode: string): Promise<SmsTemplate[]> {
    return mergeTemplates((await this.pool.query<TemplateRow>(TEMPLATES_SQL, [courtCode])).rows);
  }

  async putTemplate(courtCode: string, t: SmsTemplate, by: string, now: Date): Promise<void> {
    await this.pool.query(PUT_TEMPLATE_SQL, templateParams(courtCode, t, by, now));
  }

  claimDue(now: Date, leaseMs: number, limit: number): Promise<DueSms[]> {
    const at = now.toISOString();
    const lease = new Date(now.getTime() + leaseMs).toISOString();
    return this.tx(async (c) => {
      const ids = (await c.query<{ id: string }>(`${DUE_IDS_SQL} FOR UPDATE SKIP LOCKED`, [at, limit])).rows.map((r) => r.id);
      const out: DueSms[] = [];
      for (const id of ids) {
        const r = (await c.query<ClaimRow>(CLAIM_SQL, [lease, id, at])).rows[0];
        if (r) out.push(toDue(r));
      }
      return out;
    });
  }

  async markSent(id: number, msgIds: string[], now: Date): Promise<void> {
    await this.pool.query(MARK_SENT_SQL, [JSON.stringify(msgIds), now.toISOString(), id]);
  }

  async markFailed(id: number, error: string, retryAt: Date | null, now: Date): Promise<void> {
    await this.pool.query(MARK_FAILED_SQL, [retryAt ? 'queued' : 'failed', error.slice(0, 300), (retryAt ?? now).toISOString(), id]);
  }

  async history(number: string, courtCode?: string) {
    const c = (await this.pool.query<{ filing_id: string; court_code: string }>(CASE_OF_NUMBER_SQL, [number, number, number])).rows[0];
    if (!c || (courtCode !== undefined && c.court_code !== courtCode)) return null;
    return (await this.pool.query<HistoryRow>(HISTORY_SQL, [c.filing_id])).rows.map(toHistory);
  }

  async silentCases(courtCode: string, days: number, now: Date) {
    return toSilent((await this.pool.query<SilentRow>(SILENT_CASES_SQL, [courtCode, courtCode, cutoff(now, days)])).rows);
  }
}
