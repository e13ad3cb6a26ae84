/** SQL and row mapping for cases and their status log, the same on SQLite and PostgreSQL. */
import type { CaseChange, CaseStatus } from '../../src-shared/sync/protocol.js';
import type { BasisCase } from './store.js';
import type { PreEnforcementState } from '../../src-shared/sync/pre-enforcement.js';
import type { CorrectedValues } from '../../src-shared/domain/field-correction.js';
import type { FilingRecord } from '../../src-shared/domain/filing.js';

export interface EventRow {
  version: number;
  filing_id: string;
  official_no: string;
  provisional_no: string;
  status: CaseStatus;
  reasons_json: string;
  team: string | null;
  at: string;
  corrected_json?: string | null;
  pre_json?: string | null;
}

export const CHANGES_SQL = `SELECT e.version, e.filing_id, c.official_no, c.provisional_no, e.status, e.reasons_json, e.team, e.at, c.corrected_json, c.pre_json
  FROM case_events e JOIN cases c ON c.filing_id = e.filing_id
  WHERE e.court_code = $1 AND e.version > $2 ORDER BY e.version LIMIT $3`;

export interface CaseRow {
  filing_id: string;
  court_code: string;
  status: CaseStatus;
  official_no: string;
  provisional_no: string;
  team: string | null;
}

export const FIND_CASE_SQL = 'SELECT filing_id, court_code, status, official_no, provisional_no, team FROM cases WHERE official_no = $1 OR provisional_no = $2 OR filing_id = $3';

export const UPDATE_CASE_SQL = 'UPDATE cases SET status = $1, reasons_json = $2, team = $3, updated_at = $4 WHERE filing_id = $5';

export function changeOf(c: CaseRow, version: number, status: CaseStatus, reasons: string[], team: string | null, at: string): CaseChange {
  return { version, filingId: c.filing_id, officialNo: c.official_no, provisionalNo: c.provisional_no, status, reasons_zh: reasons, team, at };
}

export function toChange(r: EventRow): CaseChange {
  return {
    version: Number(r.version),
    filingId: r.filing_id,
    officialNo: r.official_no,
    provisionalNo: r.provisional_no,
    status: r.status,
    reasons_zh: JSON.parse(r.reasons_json) as string[],
    team: r.team,
    at: r.at,
    ...(r.corrected_json ? { corrected: JSON.parse(r.corrected_json) as CorrectedValues } : {}),
    ...(r.pre_json ? { preEnforcement: JSON.parse(r.pre_json) as PreEnforcementState } : {}),
  };
}


/** Rows of (case, one respondent's id number and name) for unclosed cases; the JSON
 * functions differ between the two engines, the rest of the search is shared. */
/** The stored record of one numbered filing, with its court: a related search starts from it. */
export const CASE_RECORD_SQL = 'SELECT court_code, record_json FROM cases WHERE filing_id = $1';

export const RESPONDENTS_SQL = {
  sqlite: `SELECT c.filing_id, c.court_code, c.official_no, c.provisional_no, c.status, json_extract(r.value, '$.idNumber') AS id_number, json_extract(r.value, '$.name') AS name
    FROM cases c, json_each(c.record_json, '$.respondents') r WHERE c.status <> 'closed'`,
  postgres: `SELECT c.filing_id, c.court_code, c.official_no, c.provisional_no, c.status, r.value->>'idNumber' AS id_number, r.value->>'name' AS name
    FROM cases c, jsonb_array_elements((c.record_json::jsonb)->'respondents') r WHERE c.status <> 'closed'`,
};

export interface RespondentRow {
  filing_id: string;
  court_code: string;
  official_no: string;
  provisional_no: string;
  status: string;
  id_number: string | null;
  name: string | null;
}

/** Rows of (case, its applying party's id number and name): the principal or company where an agent or staff filed. */
export const APPLYING_SQL = {
  sqlite: `SELECT filing_id, court_code, official_no, provisional_no, status,
      CASE json_extract(record_json, '$.filer') WHEN 'agent' THEN json_extract(record_json, '$.principal.idNumber') WHEN 'company' THEN json_extract(record_json, '$.company.idNumber') ELSE json_extract(record_json, '$.applicant.idNumber') END AS id_number,
      CASE json_extract(record_json, '$.filer') WHEN 'agent' THEN json_extract(record_json, '$.principal.name') WHEN 'company' THEN json_extract(record_json, '$.company.name') ELSE json_extract(record_json, '$.applicant.name') END AS name
    FROM cases WHERE status <> 'closed'`,
  postgres: `SELECT filing_id, court_code, official_no, provisional_no, status,
      CASE (record_json::jsonb)->>'filer' WHEN 'agent' THEN (record_json::jsonb)->'principal'->>'idNumber' WHEN 'company' THEN (record_json::jsonb)->'company'->>'idNumber' ELSE (record_json::jsonb)->'applicant'->>'idNumber' END AS id_number,
      CASE (record_json::jsonb)->>'filer' WHEN 'agent' THEN (record_json::jsonb)->'principal'->>'name' WHEN 'company' THEN (record_json::jsonb)->'company'->>'name' ELSE (record_json::jsonb)->'applicant'->>'name' END AS name
    FROM cases WHERE status <> 'closed'`,
};

/** The applying party's ID number (as APPLYING_SQL reads it). */
export function applyingPartyId(r: FilingRecord): string | null {
  const party = r.filer === 'agent' ? r.principal : r.filer === 'company' ? r.company : r.applicant;
  return party?.idNumber ?? null;
}

type Related = { number: string; role: 'respondent' | 'applicant' | 'creditor'; status: string; party?: number };

/**
 * Seed 001 art. 9 on the court's unclosed cases: this filing's respondents as obligors
 * (`respondent`) or as applying creditors (`creditor`) elsewhere, and its applying party as a
 * respondent elsewhere (`applicant`). A respondent is matched by ID number, by name only where
 * the filing has no number for it.
 */
export function matchRelated(respondentRows: RespondentRow[], applyingRows: RespondentRow[], q: { respondents: string[]; applicant: string | null; exclude: string | null; courts: readonly string[] }): Related[] {
  const party = new Map<string, number>();
  q.respondents.forEach((k, i) => {
    const key = k.trim();
    if (key && !party.has(key)) party.set(key, i);
  });
  const partyOf = (r: RespondentRow): number | undefined => (r.id_number !== null && party.has(r.id_number) ? party.get(r.id_number) : r.name !== null ? party.get(r.name) : undefined);
  const found = new Map<string, Related>();
  const add = (r: RespondentRow, role: Related['role'], index?: number) => {
    const key = `${r.official_no}|${role}|${index ?? ''}`;
    if (!found.has(key)) found.set(key, { number: r.official_no, role, status: r.status, ...(index !== undefined ? { party: index } : {}) });
  };
  const mine = (r: RespondentRow) => q.courts.includes(r.court_code) && !(q.exclude && [r.filing_id, r.official_no, r.provisional_no].includes(q.exclude));
  for (const r of respondentRows) {
    if (!mine(r)) continue;
    const index = partyOf(r);
    if (index !== undefined) add(r, 'respondent', index);
    else if (q.applicant && r.id_number === q.applicant) add(r, 'applicant');
  }
  for (const r of applyingRows) {
    if (!mine(r)) continue;
    const index = partyOf(r);
    if (index !== undefined) add(r, 'creditor', index);
  }
  return [...found.values()];
}

/**
 * The court's cases on any of the basis numbers (a JSON array on SQLite, an array on
 * PostgreSQL), oldest first: one query per push. The last parameter is the fewest cases a
 * basis number must have to be returned: 1 for all; 2 after a push, whose own cases are among
 * them, so that only numbers with an earlier case come back and a push does not read back
 * the records it has just written.
 */
export const BASIS_CASES_SQL = {
  sqlite: `SELECT basis, filing_id, official_no, submitted_at, record_json FROM (
      SELECT id, basis_number AS basis, filing_id, official_no, submitted_at, record_json, count(*) OVER (PARTITION BY basis_number) AS k FROM cases
      WHERE court_code = ? AND basis_number IN (SELECT value FROM json_each(?))) WHERE k >= ? ORDER BY id`,
  postgres: `SELECT basis, filing_id, official_no, submitted_at, record_json FROM (
      SELECT id, basis_number AS basis, filing_id, official_no, submitted_at, record_json, count(*) OVER (PARTITION BY basis_number) AS k FROM cases
      WHERE court_code = $1 AND basis_number = ANY($2::text[])) x WHERE k >= $3 ORDER BY id`,
};

/** Which cases `casesByBasis` returns: every one, or only those of basis numbers more than one case names. */
export type BasisCasesOf = 'all' | 'shared';
export const fewestCases = (which: BasisCasesOf): number => (which === 'shared' ? 2 : 1);

export interface BasisCaseRow {
  basis: string;
  filing_id: string;
  official_no: string;
  submitted_at: string;
  record_json: string;
}

export const toBasisCase = (r: BasisCaseRow) => ({ filingId: r.filing_id, officialNo: r.official_no, submittedAt: r.submitted_at, record: r.record_json });

/** Rows of BASIS_CASES_SQL by basis number, each list in numbering order; every asked number has a list. */
export function casesByBasisOf(rows: BasisCaseRow[], basisNumbers: readonly string[]): Map<string, BasisCase[]> {
  const out = new Map<string, BasisCase[]>(basisNumbers.map((b) => [b, []]));
  for (const r of rows) out.get(r.basis)?.push(toBasisCase(r));
  return out;
}
