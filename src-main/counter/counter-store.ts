/**
 * The counter's rows beside each filing: its stage and decisions, the verification trail, the
 * reception record, and the queue of clerk actions for the central. Personal data stays in
 * these tables (as in `filings`); the audit log gets ids and codes only.
 */
import type { Db } from '../db/open.js';
import type { CounterStage, ReceptionView, VerificationRow, VerifyField } from '../../src-shared/counter/contract.js';
import type { CaseAction } from '../../src-shared/sync/protocol.js';
import type { CaseCorrectionInput } from '../../src-shared/sync/case-correction.js';

export interface CounterCaseRow {
  filing_id: string;
  stage: CounterStage;
  no_reception_reason: string | null;
  triage_team: string | null;
  triage_decision: 'accept' | 'override' | null;
  triage_suggested_team: string | null;
  triage_rule: string | null;
  triage_reason: string | null;
  triage_by: string | null;
  triage_at: string | null;
  conversion_json: string | null;
  return_reasons_json: string | null;
  pre_json: string | null;
  done_by: string | null;
  done_at: string | null;
}

export type CounterCasePatch = Partial<Omit<CounterCaseRow, 'filing_id'>>;

export function getCounterCase(db: Db, filingId: string): CounterCaseRow | undefined {
  return db.prepare('SELECT * FROM counter_cases WHERE filing_id = ?').get(filingId) as CounterCaseRow | undefined;
}

const PATCHABLE = new Set([
  'stage', 'no_reception_reason', 'triage_team', 'triage_decision', 'triage_suggested_team', 'triage_rule', 'triage_reason', 'triage_by', 'triage_at',
  'conversion_json', 'return_reasons_json', 'pre_json', 'done_by', 'done_at',
]);

export function patchCounterCase(db: Db, filingId: string, patch: CounterCasePatch, at: string): void {
  const keys = Object.keys(patch).filter((k) => PATCHABLE.has(k));
  db.prepare("INSERT INTO counter_cases (filing_id, stage, updated_at) VALUES (?, 'new', ?) ON CONFLICT (filing_id) DO NOTHING").run(filingId, at);
  if (keys.length === 0) return;
  const sets = [...keys.map((k) => `${k} = @${k}`), 'updated_at = @updated_at'].join(', ');
  db.prepare(`UPDATE counter_cases SET ${sets} WHERE filing_id = @filing_id`).run({ ...patch, updated_at: at, filing_id: filingId });
}

export function addVerification(db: Db, filingId: string, v: Omit<VerificationRow, 'at' | 'clerk'>, clerk: string, at: string, recordId: string | null = null): void {
  db.prepare('INSERT INTO counter_verifications (filing_id, field, verdict, original_value, corrected_value, reason, clerk, at, record_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    filingId, v.field, v.verdict, v.originalValue, v.correctedValue, v.reason, clerk, at, recordId,
  );
}

export function listVerifications(db: Db, filingId: string): VerificationRow[] {
  // The central's order (its acceptance time), then this terminal's own not yet back from it,
  // which the central will take after all of those (see clerk-records.ts).
  const rows = db.prepare(
    `SELECT v.field, v.verdict, v.original_value, v.corrected_value, v.reason, v.clerk, v.at FROM counter_verifications v LEFT JOIN clerk_records r ON r.id = v.record_id
     WHERE v.filing_id = ? ORDER BY coalesce(r.origin = 'local', 0), v.at, v.id`,
  ).all(filingId) as Array<{
    field: VerifyField; verdict: 'verified' | 'corrected'; original_value: string; corrected_value: string | null; reason: string | null; clerk: string; at: string;
  }>;
  return rows.map((r) => ({ field: r.field, verdict: r.verdict, originalValue: r.original_value, correctedValue: r.corrected_value, reason: r.reason, clerk: r.clerk, at: r.at }));
}

interface ReceptionRow {
  at: string; interviewer: string; recorder: string; interviewee: string; place: string; service_address: string; contact: string; filing_data: string;
  respondent_property: string; termination_view: string; notes: string; printed_at: string | null; scan_at: string | null; scan_sha256: string | null; scan_id: string | null; version: number;
}

export function getReception(db: Db, filingId: string): ReceptionView | null {
  const r = db.prepare('SELECT at, interviewer, recorder, interviewee, place, service_address, contact, filing_data, respondent_property, termination_view, notes, printed_at, scan_at, scan_sha256, scan_id, version FROM counter_receptions WHERE filing_id = ?').get(filingId) as ReceptionRow | undefined;
  if (!r) return null;
  return {
    at: r.at, interviewer: r.interviewer, recorder: r.recorder, interviewee: r.interviewee, place: r.place, serviceAddress: r.service_address, contact: r.contact,
    filingDataVerified: r.filing_data, respondentProperty: r.respondent_property, terminationView: r.termination_view, notes: r.notes,
    printedAt: r.printed_at, scanAttachedAt: r.scan_at, scanSha256: r.scan_sha256, scanId: r.scan_id, version: r.version,
  };
}

export function saveReception(db: Db, filingId: string, r: Omit<ReceptionView, 'printedAt' | 'scanAttachedAt' | 'scanSha256' | 'scanId' | 'version' | 'earlier'>, clerk: string, at: string, version = 1): void {
  // Only an unprinted version is saved over; a printed one is archived first (reception-versions.ts),
  // so the marks cleared here never belonged to the text written.
  db.prepare(
    `INSERT INTO counter_receptions (filing_id, at, interviewer, recorder, interviewee, place, service_address, contact, filing_data, respondent_property, termination_view, notes, clerk, saved_at, version)
     VALUES (@filingId, @at, @interviewer, @recorder, @interviewee, @place, @serviceAddress, @contact, @filingDataVerified, @respondentProperty, @terminationView, @notes, @clerk, @savedAt, @version)
     ON CONFLICT (filing_id) DO UPDATE SET at = excluded.at, interviewer = excluded.interviewer, recorder = excluded.recorder, interviewee = excluded.interviewee,
       place = excluded.place, service_address = excluded.service_address, contact = excluded.contact, filing_data = excluded.filing_data,
       respondent_property = excluded.respondent_property, termination_view = excluded.termination_view, notes = excluded.notes, clerk = excluded.clerk,
       saved_at = excluded.saved_at, version = excluded.version, printed_at = NULL, scan_mime = NULL, scan_bytes = NULL, scan_sha256 = NULL, scan_at = NULL, scan_id = NULL, scan_uploaded_at = NULL`,
  ).run({ ...r, filingId, clerk, savedAt: at, version });
}

export function markReceptionPrinted(db: Db, filingId: string, at: string): void {
  db.prepare('UPDATE counter_receptions SET printed_at = ? WHERE filing_id = ?').run(at, filingId);
}

/** `id`: the reception.scan record's id, the scan's id at the central (uploaded by the court sync). */
export function attachReceptionScan(db: Db, filingId: string, scan: { id: string; mime: string; bytes: Buffer; sha256: string }, at: string): void {
  db.prepare('UPDATE counter_receptions SET scan_id = ?, scan_mime = ?, scan_bytes = ?, scan_sha256 = ?, scan_at = ?, scan_uploaded_at = NULL WHERE filing_id = ?').run(
    scan.id, scan.mime, scan.bytes, scan.sha256, at, filingId,
  );
}

/** A scan fetched from the central is kept here, already uploaded (so the purge may free it with the rest). */
export function cacheReceptionScan(db: Db, filingId: string, scanId: string, bytes: Buffer, at: string): void {
  db.prepare('UPDATE counter_receptions SET scan_bytes = ?, scan_uploaded_at = ? WHERE filing_id = ? AND scan_id = ? AND scan_bytes IS NULL').run(bytes, at, filingId, scanId);
}

/** Receptions (and cases received without one) between two China dates, for the register. */
export function registerRows(db: Db, fromIso: string, toIso: string): Array<{ filing_id: string; provisional_no: string; official_no: string | null; basis_number: string; amount_fen: number; at: string | null; interviewer: string | null; interviewee: string | null; no_reception_reason: string | null }> {
  // Basis number and amount from the record as held now: corrected values included.
  return db
    .prepare(
      `SELECT f.id AS filing_id, f.provisional_no, f.official_no, json_extract(f.record_json, '$.basisNumber') AS basis_number, json_extract(f.record_json, '$.amountFen') AS amount_fen,
         r.at, r.interviewer, r.interviewee, c.no_reception_reason
       FROM filings f LEFT JOIN counter_receptions r ON r.filing_id = f.id LEFT JOIN counter_cases c ON c.filing_id = f.id
       WHERE f.submitted_at >= ? AND f.submitted_at < ? ORDER BY f.submitted_at`,
    )
    .all(fromIso, toIso) as ReturnType<typeof registerRows>;
}

/** A case action before its number is known: the number is read when it is sent. */
export type QueuedCaseAction = (CaseAction extends infer A ? (A extends CaseAction ? Omit<A, 'number'> : never) : never) | QueuedCorrection;
/** A clerk's correction for the central's corrections route (issue 14 item 1). */
export type QueuedCorrection = { action: 'correct' } & Omit<CaseCorrectionInput, 'number'>;

export function enqueueCaseAction(db: Db, filingId: string, action: QueuedCaseAction, at: string): void {
  db.prepare('INSERT INTO counter_outbox (filing_id, action_json, created_at) VALUES (?, ?, ?)').run(filingId, JSON.stringify(action), at);
}

export function pendingCaseActions(db: Db, filingId?: string): number {
  const row = (filingId
    ? db.prepare('SELECT count(*) AS n FROM counter_outbox WHERE done_at IS NULL AND filing_id = ?').get(filingId)
    : db.prepare('SELECT count(*) AS n FROM counter_outbox WHERE done_at IS NULL').get()) as { n: number };
  return row.n;
}
