/** SQL of the SMS outbox, shared by both stores ($n placeholders, each once and in order). */
import { DEFAULT_SMS_ENABLED, DEFAULT_SMS_TEMPLATES, SMS_EVENTS, type SmsEvent, type SmsTemplate } from '../../../src-shared/sms/sms-events.js';
import { maskPhone } from '../../../src-shared/sms/sms-content.js';
import type { SilentCase, SmsHistoryEntry } from '../../../src-shared/sync/sms.js';

export const TEMPLATES_SQL = 'SELECT event, enabled, template FROM sms_templates WHERE court_code = $1';
export const TEMPLATE_SQL = 'SELECT event, enabled, template FROM sms_templates WHERE court_code = $1 AND event = $2';
export const PUT_TEMPLATE_SQL = `INSERT INTO sms_templates (court_code, event, enabled, template, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
  ON CONFLICT (court_code, event) DO UPDATE SET enabled = excluded.enabled, template = excluded.template, updated_by = excluded.updated_by, updated_at = excluded.updated_at`;

export const CASE_FOR_SMS_SQL = 'SELECT filing_id, court_code, official_no, record_json FROM cases WHERE filing_id = $1';
/** A change is told once: a replay of the same change (same version) inserts nothing. */
export const ENQUEUE_SQL = `INSERT INTO sms_outbox (filing_id, court_code, event, event_key, phone, text, state, attempts, next_attempt_at, created_at)
  VALUES ($1, $2, $3, $4, $5, $6, 'queued', 0, $7, $8) ON CONFLICT (filing_id, event_key) DO NOTHING`;

export const DUE_IDS_SQL = "SELECT id FROM sms_outbox WHERE state = 'queued' AND next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT $2";
export const CLAIM_SQL = `UPDATE sms_outbox SET next_attempt_at = $1, attempts = attempts + 1 WHERE id = $2 AND state = 'queued' AND next_attempt_at <= $3
  RETURNING id, filing_id, court_code, event, phone, text, attempts`;
export const MARK_SENT_SQL = "UPDATE sms_outbox SET state = 'sent', msg_ids = $1, sent_at = $2, last_error = NULL WHERE id = $3";
export const MARK_FAILED_SQL = 'UPDATE sms_outbox SET state = $1, last_error = $2, next_attempt_at = $3 WHERE id = $4';

export const CASE_OF_NUMBER_SQL = 'SELECT filing_id, court_code FROM cases WHERE official_no = $1 OR provisional_no = $2 OR filing_id = $3';
export const HISTORY_SQL = 'SELECT id, event, phone, text, state, attempts, last_error, created_at, sent_at FROM sms_outbox WHERE filing_id = $1 ORDER BY id';

/**
 * Per case of the court: its last change, and the last message sent about it. Listed when the
 * change is older than the cut-off and no message was sent since (or ever).
 */
export const SILENT_CASES_SQL = `SELECT c.official_no, c.status, c.record_json, e.changed_at,
    (SELECT MAX(o.sent_at) FROM sms_outbox o WHERE o.filing_id = c.filing_id AND o.state = 'sent') AS told_at,
    (SELECT COUNT(*) FROM sms_outbox o WHERE o.filing_id = c.filing_id AND o.state <> 'sent') AS unsent
  FROM cases c JOIN (SELECT filing_id, MAX(at) AS changed_at FROM case_events WHERE court_code = $1 GROUP BY filing_id) e ON e.filing_id = c.filing_id
  WHERE c.court_code = $2 AND e.changed_at <= $3
  ORDER BY e.changed_at, c.official_no`;

export interface TemplateRow {
  event: string;
  enabled: number | boolean;
  template: string;
}

export interface ClaimRow {
  id: number | string;
  filing_id: string;
  court_code: string;
  event: string;
  phone: string;
  text: string;
  attempts: number | string;
}

export interface HistoryRow {
  id: number | string;
  event: string;
  phone: string;
  text: string;
  state: string;
  attempts: number | string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface SilentRow {
  official_no: string;
  status: string;
  record_json: string;
  changed_at: string;
  told_at: string | null;
  unsent: number | string;
}

/** The court's templates with the defaults for events it never edited. */
export function mergeTemplates(rows: TemplateRow[]): SmsTemplate[] {
  return SMS_EVENTS.map((event) => {
    const r = rows.find((x) => x.event === event);
    return r ? { event, enabled: Boolean(Number(r.enabled)), template: r.template } : { event, enabled: DEFAULT_SMS_ENABLED[event], template: DEFAULT_SMS_TEMPLATES[event] };
  });
}

export function templateParams(courtCode: string, t: SmsTemplate, by: string, now: Date): unknown[] {
  return [courtCode, t.event, t.enabled ? 1 : 0, t.template, by, now.toISOString()];
}

export function toDue(r: ClaimRow) {
  return { id: Number(r.id), filingId: r.filing_id, courtCode: r.court_code, event: r.event as SmsEvent, phone: r.phone, text: r.text, attempts: Number(r.attempts) };
}

export function toHistory(r: HistoryRow): SmsHistoryEntry {
  return {
    id: Number(r.id),
    event: r.event as SmsEvent,
    phoneMasked: maskPhone(r.phone),
    text: r.text,
    state: r.state as SmsHistoryEntry['state'],
    attempts: Number(r.attempts),
    lastError: r.last_error,
    queuedAt: r.created_at,
    sentAt: r.sent_at,
  };
}

/** Closed cases have nothing left to tell unless their closing itself was not told. */
export function toSilent(rows: SilentRow[]): SilentCase[] {
  return rows
    .filter((r) => r.told_at === null || r.told_at < r.changed_at)
    .map((r) => {
      const record = JSON.parse(r.record_json) as { smsConsentAt?: string; applicant?: { phone?: string } };
      return { officialNo: r.official_no, status: r.status, changedAt: r.changed_at, lastToldAt: r.told_at, consent: typeof record.smsConsentAt === 'string', unsent: Number(r.unsent) };
    });
}

export function cutoff(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString();
}
