/**
 * The SMS outbox on the SQLite central. `enqueue` runs inside the caller's transaction (the
 * case change that causes the message), so both commit or neither; the other methods are
 * their own synchronous transactions.
 */
import type { Statement } from 'better-sqlite3';
import { statementCache } from '../sqlite-statements.js';
import type { Db } from '../../db/open.js';
import type { CaseStatus } from '../../../src-shared/sync/protocol.js';
import type { SmsTemplate } from '../../../src-shared/sms/sms-events.js';
import type { DueSms, SmsOutboxStore } from './outbox-types.js';
import {
  CASE_FOR_SMS_SQL, CASE_OF_NUMBER_SQL, CLAIM_SQL, DUE_IDS_SQL, ENQUEUE_SQL, HISTORY_SQL, MARK_FAILED_SQL, MARK_SENT_SQL, PUT_TEMPLATE_SQL, SILENT_CASES_SQL, TEMPLATES_SQL, TEMPLATE_SQL,
  cutoff, mergeTemplates, templateParams, toDue, toHistory, toSilent, type ClaimRow, type HistoryRow, type SilentRow, type TemplateRow,
} from './outbox-sql.js';
import { planSms, smsEventsOf } from './plan-sms.js';
import { chinaDate } from '../../../src-shared/time/china-time.js';

export class SqliteSmsOutbox implements SmsOutboxStore {
  private readonly st: (sql: string) => Statement;

  constructor(private readonly db: Db) {
    this.st = statementCache(this.db);
  }

  /** Call inside the transaction of the case change; `version` is the change's case version. */
  enqueue(filingId: string, status: CaseStatus, reasons: readonly string[], team: string | null, version: number, at: string): void {
    const events = smsEventsOf(status);
    if (events.length === 0) return;
    const c = this.st(CASE_FOR_SMS_SQL).get(filingId) as { court_code: string; official_no: string; record_json: string } | undefined;
    if (!c) return;
    for (const event of events) {
      const template = mergeTemplates(this.st(TEMPLATE_SQL).all(c.court_code, event) as TemplateRow[]).find((t) => t.event === event)!;
      const m = planSms({ event, today: chinaDate(new Date(at)), courtCode: c.court_code, officialNo: c.official_no, recordJson: c.record_json, reasons, team, template });
      if (m) this.st(ENQUEUE_SQL).run(filingId, c.court_code, event, `${event}:${version}`, m.phone, m.text, at, at);
    }
  }

  templates(courtCode: string): Promise<SmsTemplate[]> {
    return Promise.resolve(mergeTemplates(this.st(TEMPLATES_SQL).all(courtCode) as TemplateRow[]));
  }

  putTemplate(courtCode: string, t: SmsTemplate, by: string, now: Date): Promise<void> {
    this.st(PUT_TEMPLATE_SQL).run(...templateParams(courtCode, t, by, now));
    return Promise.resolve();
  }

  claimDue(now: Date, leaseMs: number, limit: number): Promise<DueSms[]> {
    const at = now.toISOString();
    const lease = new Date(now.getTime() + leaseMs).toISOString();
    return Promise.resolve(
      this.db.transaction(() => {
        const ids = (this.st(DUE_IDS_SQL).all(at, limit) as { id: number }[]).map((r) => r.id);
        return ids.map((id) => this.st(CLAIM_SQL).get(lease, id, at) as ClaimRow | undefined).filter((r): r is ClaimRow => r !== undefined).map(toDue);
      }).immediate(),
    );
  }

  markSent(id: number, msgIds: string[], now: Date): Promise<void> {
    this.st(MARK_SENT_SQL).run(JSON.stringify(msgIds), now.toISOString(), id);
    return Promise.resolve();
  }

  markFailed(id: number, error: string, retryAt: Date | null, now: Date): Promise<void> {
    this.st(MARK_FAILED_SQL).run(retryAt ? 'queued' : 'failed', error.slice(0, 300), (retryAt ?? now).toISOString(), id);
    return Promise.resolve();
  }

  history(number: string, courtCode?: string) {
    const c = this.st(CASE_OF_NUMBER_SQL).get(number, number, number) as { filing_id: string; court_code: string } | undefined;
    if (!c || (courtCode !== undefined && c.court_code !== courtCode)) return Promise.resolve(null);
    return Promise.resolve((this.st(HISTORY_SQL).all(c.filing_id) as HistoryRow[]).map(toHistory));
  }

  silentCases(courtCode: string, days: number, now: Date) {
    return Promise.resolve(toSilent(this.st(SILENT_CASES_SQL).all(courtCode, courtCode, cutoff(now, days)) as SilentRow[]));
  }
}
