/**
 * Clerk records and court tokens at the central: SQL and row mapping shared by the SQLite and
 * PostgreSQL stores. A record is stored once per id (a terminal's resend gets the stored seq);
 * a record naming a case of another court is refused, so a court token cannot write into
 * another court's cases.
 */
import type { CourtTokenHolder } from './store.js';
import type { ClerkRecord, ClerkRecordResult, CourtFiling, StoredClerkRecord } from '../../src-shared/sync/protocol.js';
import type { FilingRecord } from '../../src-shared/domain/filing.js';

export const BUMP_RECORD_SEQ_SQL = `INSERT INTO clerk_record_seqs (court_code, last_seq) VALUES ($1, 1)
  ON CONFLICT (court_code) DO UPDATE SET last_seq = clerk_record_seqs.last_seq + 1 RETURNING last_seq`;

export const INSERT_RECORD_SQL = `INSERT INTO clerk_records (court_code, seq, id, filing_id, kind, created_at, received_at, record_json) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`;

export const PRIOR_RECORD_SQL = 'SELECT court_code, seq FROM clerk_records WHERE id = $1';

/** The court's record before the one being stored (its row is committed: the seq row lock is held). */
export const PREVIOUS_RECEIVED_SQL = 'SELECT received_at FROM clerk_records WHERE court_code = $1 AND seq = $2';

export const CASE_COURT_SQL = 'SELECT court_code FROM cases WHERE filing_id = $1';

export const RECORDS_SINCE_SQL = `SELECT seq, received_at, record_json FROM clerk_records WHERE court_code = $1 AND seq > $2 ORDER BY seq LIMIT $3`;

/** The court's filings in the order they were numbered (the `filed` event's version). */
export const FILINGS_SINCE_SQL = `SELECT e.version, c.official_no, c.accepted_at, c.record_json FROM case_events e JOIN cases c ON c.filing_id = e.filing_id
  WHERE e.court_code = $1 AND e.version > $2 AND e.status = 'filed' ORDER BY e.version LIMIT $3`;

export const INSERT_TOKEN_SQL = 'INSERT INTO court_tokens (token_hash, court_id, court_code, created_at, name) VALUES ($1, $2, $3, $4, $5)';
export const TOKEN_COURT_SQL = 'SELECT court_id, court_code, name FROM court_tokens WHERE token_hash = $1 AND revoked_at IS NULL';
// Placeholders in order of appearance: the SQLite store turns $n into positional ?.
export const REVOKE_TOKEN_SQL = 'UPDATE court_tokens SET revoked_at = $1 WHERE token_hash = $2 AND revoked_at IS NULL';

export interface PriorRow {
  court_code: string;
  seq: number | string;
}

/** What to answer before storing: the stored seq for a resend, a refusal, or null to store. */
export function precheck(r: ClerkRecord, prior: PriorRow | undefined, caseCourt: string | undefined): ClerkRecordResult | null {
  if (prior) {
    return prior.court_code === r.court ? { id: r.id, status: 'stored', seq: Number(prior.seq) } : wrongCourt(r.id);
  }
  if (caseCourt !== undefined && caseCourt !== r.court) return wrongCourt(r.id);
  return null;
}

export function wrongCourt(id: string | null): ClerkRecordResult {
  return { id, status: 'rejected', code: 'wrong-court', reason_zh: '该记录不属于本院案件', reason_en: 'The record names another court' };
}

/** `r` as attested (`attestRecord`): its createdAt is the central's acceptance time. */
export function recordParams(r: ClerkRecord, seq: number): unknown[] {
  return [r.court, seq, r.id, r.filingId, r.kind, r.createdAt, r.createdAt, JSON.stringify(r)];
}

export function toStoredRecord(row: { seq: number | string; received_at: string; record_json: string }): StoredClerkRecord {
  return { seq: Number(row.seq), receivedAt: row.received_at, record: JSON.parse(row.record_json) as ClerkRecord };
}

export function toCourtFiling(row: { version: number | string; official_no: string; accepted_at: string; record_json: string }): CourtFiling {
  return { version: Number(row.version), officialNo: row.official_no, acceptedAt: row.accepted_at, filing: JSON.parse(row.record_json) as FilingRecord };
}

export interface TokenRow {
  court_id: string;
  court_code: string;
  name: string | null;
}

/** A token issued before tokens had names is known by the start of its hash. */
export function tokenHolder(r: TokenRow, tokenHash: string): CourtTokenHolder {
  return { courtId: r.court_id, courtCode: r.court_code, name: r.name ?? `窗口终端-${tokenHash.slice(0, 6)}` };
}
