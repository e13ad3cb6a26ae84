/**
 * The kiosk's filings and their outbox. Every write that changes a filing's state commits in
 * one synchronous transaction with the outbox row that carries it to the central.
 */
import type { Db } from '../db/open.js';
import type { FilingRecord, FilingStatus, FilingView } from '../../src-shared/domain/filing.js';
import { maskPersonName } from '../../src-shared/domain/masking.js';
import { nextProvisionalNumber } from './provisional-number.js';
import type { MutationResult } from '../../src-shared/sync/protocol.js';

interface FilingRow {
  id: string;
  provisional_no: string;
  official_no: string | null;
  status: FilingStatus;
  status_reason_zh: string | null;
  submitted_at: string;
  accepted_at: string | null;
  record_json: string;
}

export interface OutboxRow {
  mutation_id: number;
  filing_id: string;
  kind: 'filing.create';
  body_json: string;
  created_at: string;
  attempts: number;
}



export function toView(row: FilingRow): FilingView {
  const record = JSON.parse(row.record_json) as FilingRecord;
  return {
    id: row.id,
    provisionalNo: row.provisional_no,
    officialNo: row.official_no,
    status: row.status,
    statusReason_zh: row.status_reason_zh,
    submittedAt: row.submitted_at,
    acceptedAt: row.accepted_at,
    applicantNameMasked: maskPersonName(record.applicant.name),
    respondentNames: record.respondents.map((r) => (r.kind === 'person' ? maskPersonName(r.name) : r.name)),
    basisNumber: record.basisNumber,
    amountFen: record.amountFen,
  };
}

const SELECT_VIEW = 'SELECT id, provisional_no, official_no, status, status_reason_zh, submitted_at, accepted_at, record_json FROM filings';

/** Stores a new filing and its outbox row atomically; the provisional number is drawn inside. */
export function insertFiling(
  db: Db,
  record: Omit<FilingRecord, 'provisionalNo'>,
  opts: { deviceId: string; applicantKey: string; now: Date },
): FilingView {
  return db.transaction(() => {
    const provisionalNo = nextProvisionalNumber(db, opts.deviceId, opts.now);
    const full: FilingRecord = { ...record, provisionalNo };
    const json = JSON.stringify(full);
    const at = opts.now.toISOString();
    db.prepare(
      `INSERT INTO filings (id, provisional_no, court_id, court_code, type_code, status, applicant_key, submitted_at, record_json, updated_at)
       VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)`,
    ).run(full.id, provisionalNo, full.courtId, full.courtCode, full.typeCode, opts.applicantKey, full.submittedAt, json, at);
    db.prepare(`INSERT INTO outbox (filing_id, kind, body_json, created_at) VALUES (?, 'filing.create', ?, ?)`).run(full.id, json, at);
    return getFilingView(db, full.id)!;
  }).immediate();
}

export function getFilingView(db: Db, id: string): FilingView | undefined {
  const row = db.prepare(`${SELECT_VIEW} WHERE id = ?`).get(id) as FilingRow | undefined;
  return row && toView(row);
}

/** Finds a filing by its official number or by its provisional alias. */
export function findFilingByNumber(db: Db, number: string): FilingView | undefined {
  const row = db.prepare(`${SELECT_VIEW} WHERE official_no = ? OR provisional_no = ?`).get(number, number) as FilingRow | undefined;
  return row && toView(row);
}

export function listFilingsByApplicant(db: Db, applicantKey: string): FilingView[] {
  return (db.prepare(`${SELECT_VIEW} WHERE applicant_key = ? ORDER BY submitted_at DESC`).all(applicantKey) as FilingRow[]).map(toView);
}

/** Oldest pending mutations first, bounded by count and by total body size. */
export function pendingMutations(db: Db, maxCount: number, maxBytes: number): OutboxRow[] {
  const rows = db
    .prepare('SELECT mutation_id, filing_id, kind, body_json, created_at, attempts FROM outbox WHERE done_at IS NULL ORDER BY mutation_id LIMIT ?')
    .all(maxCount) as OutboxRow[];
  const batch: OutboxRow[] = [];
  let bytes = 0;
  for (const r of rows) {
    bytes += Buffer.byteLength(r.body_json);
    if (batch.length > 0 && bytes > maxBytes) break;
    batch.push(r);
  }
  return batch;
}

export function outboxStats(db: Db): { depth: number; oldest: string | null } {
  const r = db.prepare('SELECT count(*) AS depth, min(created_at) AS oldest FROM outbox WHERE done_at IS NULL').get() as { depth: number; oldest: string | null };
  return r;
}

/** Applies the central's answers in one transaction; returns the filings that changed. */
export function applyMutationResults(db: Db, results: MutationResult[], now: Date): FilingView[] {
  return db.transaction(() => {
    const changed: FilingView[] = [];
    const at = now.toISOString();
    for (const r of results) {
      const ob = db.prepare('SELECT filing_id FROM outbox WHERE mutation_id = ? AND done_at IS NULL').get(r.mutationId) as { filing_id: string } | undefined;
      if (!ob) continue; // already applied (a replayed answer)
      if (r.status === 'accepted') {
        db.prepare(`UPDATE filings SET official_no = ?, status = 'accepted', accepted_at = ?, status_reason_zh = NULL, updated_at = ? WHERE id = ?`).run(
          r.officialNo,
          r.acceptedAt,
          at,
          ob.filing_id,
        );
      } else {
        db.prepare(`UPDATE filings SET status = 'rejected', status_reason_zh = ?, updated_at = ? WHERE id = ?`).run(r.reason_zh, at, ob.filing_id);
      }
      db.prepare('UPDATE outbox SET done_at = ?, last_error = NULL WHERE mutation_id = ?').run(at, r.mutationId);
      const v = getFilingView(db, ob.filing_id);
      if (v) changed.push(v);
    }
    return changed;
  }).immediate();
}

export function recordAttemptFailure(db: Db, mutationIds: number[], error: string): void {
  const stmt = db.prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE mutation_id = ?');
  db.transaction(() => mutationIds.forEach((id) => stmt.run(error, id)))();
}
