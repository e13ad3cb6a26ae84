/**
 * SQL and the decision for a clerk's correction of a case at the central (issue 14 item 1), the
 * same on SQLite and PostgreSQL: each store reads the case and any earlier answer to the same
 * correction id in its transaction, asks `decideCorrection`, and writes what it says.
 */
import { filingRecordSchema } from '../../src-shared/domain/filing.js';
import { applyCorrected, correctedValuesSchema, correctionText, currentValueText, mergeCorrection, type CorrectedValues, type FieldCorrection } from '../../src-shared/domain/field-correction.js';
import type { CaseCorrectionEntry, CaseCorrectionInput } from '../../src-shared/sync/case-correction.js';
import type { CaseChange, CaseStatus } from '../../src-shared/sync/protocol.js';
import { changeOf } from './case-sql.js';

export interface CorrectionCaseRow {
  filing_id: string;
  court_code: string;
  status: CaseStatus;
  official_no: string;
  provisional_no: string;
  team: string | null;
  reasons_json: string;
  record_json: string;
  corrected_json: string | null;
}

export interface CorrectionRow {
  id: string;
  filing_id: string;
  field: string;
  old_value: string;
  new_value: string;
  correction_json: string;
  reason: string;
  clerk: string;
  terminal: string;
  at: string;
}

export const CORRECTION_CASE_SQL =
  'SELECT filing_id, court_code, status, official_no, provisional_no, team, reasons_json, record_json, corrected_json FROM cases WHERE official_no = $1 OR provisional_no = $2 OR filing_id = $3';
export const CORRECTION_BY_ID_SQL = 'SELECT id, filing_id, field, old_value, new_value, correction_json, reason, clerk, terminal, at FROM case_corrections WHERE id = $1';
export const CORRECTIONS_OF_CASE_SQL = 'SELECT id, filing_id, field, old_value, new_value, correction_json, reason, clerk, terminal, at FROM case_corrections WHERE filing_id = $1 ORDER BY at, id';
export const INSERT_CORRECTION_SQL =
  'INSERT INTO case_corrections (id, filing_id, court_code, field, old_value, new_value, correction_json, reason, clerk, terminal, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)';
export const SAVE_CORRECTED_SQL = 'UPDATE cases SET record_json = $1, corrected_json = $2, updated_at = $3 WHERE filing_id = $4';

export type CorrectionOutcome =
  | { ok: true; status: 'applied' | 'unchanged'; courtCode: string; officialNo: string; entry: CaseCorrectionEntry; corrected: CorrectedValues; change: CaseChange | null }
  | { ok: false; code: string; message_zh: string; message_en: string };

export type CorrectionDecision =
  | { kind: 'answer'; outcome: CorrectionOutcome }
  | { kind: 'apply'; recordJson: string; correctedJson: string; row: CorrectionRow; event: { court: string; status: CaseStatus; reasons: string[]; team: string | null }; answer: (version: number) => CorrectionOutcome };

const NOT_FOUND: CorrectionOutcome = { ok: false, code: 'case-not-found', message_zh: '法院系统中没有本院的这件案件', message_en: 'No such case of this court' };

export const toEntry = (r: CorrectionRow): CaseCorrectionEntry => ({
  id: r.id,
  filingId: r.filing_id,
  field: r.field as FieldCorrection['field'],
  oldValue: r.old_value,
  newValue: r.new_value,
  correction: JSON.parse(r.correction_json) as FieldCorrection,
  reason: r.reason,
  clerk: r.clerk,
  terminal: r.terminal,
  at: r.at,
});

export function correctedOf(json: string | null): CorrectedValues {
  const parsed = correctedValuesSchema.safeParse(json ? JSON.parse(json) : {});
  return parsed.success ? parsed.data : {};
}

/** `court`: the court token's court (another court's case is not found); undefined for the admin token. */
export function decideCorrection(c: CorrectionCaseRow | undefined, prior: CorrectionRow | undefined, input: CaseCorrectionInput, court: string | undefined, at: string): CorrectionDecision {
  if (!c || (court !== undefined && c.court_code !== court)) return { kind: 'answer', outcome: NOT_FOUND };
  const corrected = correctedOf(c.corrected_json);
  if (prior) {
    if (prior.filing_id !== c.filing_id) return { kind: 'answer', outcome: { ok: false, code: 'correction-id-reused', message_zh: '更正记录编号重复', message_en: 'This correction id was used for another case' } };
    return { kind: 'answer', outcome: { ok: true, status: 'unchanged', courtCode: c.court_code, officialNo: c.official_no, entry: toEntry(prior), corrected, change: null } };
  }
  if (c.status === 'closed') return { kind: 'answer', outcome: { ok: false, code: 'case-closed', message_zh: '案件已结案，不能更正立案信息', message_en: 'The case is closed; its filing data cannot be corrected' } };
  const record = filingRecordSchema.parse(JSON.parse(c.record_json));
  const next = mergeCorrection(corrected, input.correction);
  const row: CorrectionRow = {
    id: input.id,
    filing_id: c.filing_id,
    field: input.correction.field,
    old_value: currentValueText(record, corrected, input.correction.field),
    new_value: correctionText(input.correction),
    correction_json: JSON.stringify(input.correction),
    reason: input.reason,
    clerk: input.clerk,
    terminal: input.terminal,
    at,
  };
  const reasons = JSON.parse(c.reasons_json) as string[];
  return {
    kind: 'apply',
    recordJson: JSON.stringify(applyCorrected(record, next)),
    correctedJson: JSON.stringify(next),
    row,
    event: { court: c.court_code, status: c.status, reasons, team: c.team },
    answer: (version) => ({
      ok: true, status: 'applied', courtCode: c.court_code, officialNo: c.official_no, entry: toEntry(row), corrected: next,
      change: { ...changeOf(c, version, c.status, reasons, c.team, at), corrected: next },
    }),
  };
}

export const correctionParams = (r: CorrectionRow, court: string) => [r.id, r.filing_id, court, r.field, r.old_value, r.new_value, r.correction_json, r.reason, r.clerk, r.terminal, r.at];
