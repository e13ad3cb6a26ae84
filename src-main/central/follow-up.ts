/**
 * Follow-up filings the court creates (issue 13): the type comes from the origin case and the
 * event, by the court's own rule, never from a code anyone sends. A failed 执前督 becomes a
 * first enforcement 执 (seed 001 art. 25); a closed 执 or 执恢 case resumed (终本 then 恢复执行)
 * becomes 执恢. Anything else is refused with a reason the counter shows. The new case is
 * numbered in the same sequence as kiosk filings (`BUMP_SEQUENCE_SQL`), linked to its origin
 * (`cases.follows`, `follow_event`: one follow-up per origin and event), and filed for the
 * court's terminals like any other.
 */
import type { FilingRecord } from '../../src-shared/domain/filing.js';
import type { FollowUpEvent, FollowUpRequest } from '../../src-shared/sync/follow-up.js';
import { findCourtByCode } from '../../src-shared/courts/court-profile.js';

export interface OriginRow {
  filing_id: string;
  court_code: string;
  type_code: string;
  status: string;
  official_no: string;
  record_json: string;
}

export interface FollowUpRow {
  filing_id: string;
  official_no: string;
  type_code: string;
  accepted_at: string;
  follows: string | null;
  follow_event: string | null;
}

export type FollowUpOutcome =
  | { ok: true; created: boolean; courtCode: string; filingId: string; officialNo: string; typeCode: string; acceptedAt: string; follows: string; event: FollowUpEvent }
  | { ok: false; status: number; code: string; message_zh: string; message_en: string };

export const FOLLOW_UP_ORIGIN_SQL = 'SELECT filing_id, court_code, type_code, status, official_no, record_json FROM cases WHERE official_no = $1 OR filing_id = $2';
/** The follow-up already made for this origin and event, or a case under the requested id. */
export const EXISTING_FOLLOW_UP_SQL = `SELECT filing_id, official_no, type_code, accepted_at, follows, follow_event FROM cases
  WHERE (follows = $1 AND follow_event = $2) OR filing_id = $3`;
export const INSERT_FOLLOW_UP_SQL = `INSERT INTO cases (filing_id, device_id, mutation_id, provisional_no, court_code, type_code, year, seq, official_no, status, submitted_at, accepted_at, record_json, updated_at, follows, follow_event, basis_number)
  VALUES ($1, $2, 0, $3, $4, $5, $6, $7, $8, 'filed', $9, $10, $11, $12, $13, $14, $15)`;

const refuse = (status: number, code: string, zh: string, en: string): FollowUpOutcome => ({ ok: false, status, code, message_zh: zh, message_en: en });

export const ORIGIN_NOT_FOUND = refuse(404, 'case-not-found', '法院系统中没有本院的这个原案件', 'No such case of this court at the central');

/** The 执前督 records the central holds for the origin (the counter's hand-over, outcome). */
export const PRE_RECORDS_SQL = "SELECT record_json FROM clerk_records WHERE filing_id = $1 AND kind = 'pre-enforcement' ORDER BY seq";

/**
 * Did a clerk record the 执前督 as failed (未履行) or refused (拒绝履行, art. 25 ¶3), and not
 * later as performed? The central's own records say, in its order, not the request.
 */
export function preEnforcementFailed(rows: readonly { record_json: string }[]): boolean {
  const outcomes = rows.map((r) => (JSON.parse(r.record_json) as { payload?: { outcome?: unknown } }).payload?.outcome).filter((o) => o === 'failed' || o === 'refused' || o === 'performed');
  const last = outcomes.at(-1);
  return last === 'failed' || last === 'refused';
}

/** The type the court's rule gives this follow-up, or why there is none; `failed`: `preEnforcementFailed` for the origin. */
export function decideFollowUp(origin: OriginRow, event: FollowUpEvent, failed: boolean): { ok: true; typeCode: string } | Extract<FollowUpOutcome, { ok: false }> {
  let typeCode: string;
  if (event === 'pre-enforcement-failed') {
    if (origin.type_code !== '执前督') return refuse(409, 'not-pre-enforcement', '只有执前督案件督促不成的，才转为首次执行立案', 'Only a pre-enforcement supervision (执前督) case becomes a first enforcement (执)');
    if (!failed) return refuse(409, 'pre-not-failed', '法院系统中还没有这件执前督案件“未履行完毕”的记录，请先在窗口登记结果并同步', 'The central holds no record that this pre-enforcement supervision failed; record the outcome at the counter and sync first');
    typeCode = '执';
  } else {
    if (origin.type_code !== '执' && origin.type_code !== '执恢') return refuse(409, 'not-enforcement', '恢复执行的原案应为执行实施案件（“执”或“执恢”字号）', 'Resumed enforcement needs a prior 执 or 执恢 case');
    if (origin.status !== 'closed') return refuse(409, 'origin-open', '原案件尚未结案（终结本次执行），不能恢复执行', 'The origin case is not closed; it cannot be resumed');
    typeCode = '执恢';
  }
  const court = findCourtByCode(origin.court_code);
  if (!(court?.types ?? []).some((t) => t.code === typeCode)) return refuse(409, 'type-not-in-table', `本院案件类型代字表中没有“${typeCode}”`, `This court's type table has no ${typeCode}`);
  return { ok: true, typeCode };
}

/** What an earlier follow-up answers: the same case for the same origin and event; a reused id otherwise refused. */
export function earlierFollowUp(row: FollowUpRow | undefined, origin: OriginRow, req: FollowUpRequest): FollowUpOutcome | null {
  if (!row) return null;
  if (row.follows !== origin.filing_id || row.follow_event !== req.event) return refuse(409, 'id-reused', '该编号已用于其他案件', 'The id names another case');
  return { ok: true, created: false, courtCode: origin.court_code, filingId: row.filing_id, officialNo: row.official_no, typeCode: row.type_code, acceptedAt: row.accepted_at, follows: origin.official_no, event: req.event };
}

/**
 * The follow-up's record: the origin's parties, basis and amount, filed now by the court, its
 * facts naming the origin as the prior case (the rule that decided its type).
 */
export function followUpRecord(origin: OriginRow, req: FollowUpRequest, typeCode: string, at: string): FilingRecord {
  const o = JSON.parse(origin.record_json) as FilingRecord;
  const { duplicate: _d, duplicateOf: _o, deadlines: _l, preEnforcement: _p, ...kept } = o;
  void _d, void _o, void _l, void _p;
  const facts = o.facts ? { ...o.facts, application: { kind: req.event === 'resumed' ? 'resumed' : 'first', grounds: [], priorCaseNumber: origin.official_no } } : undefined;
  return { ...kept, id: req.id, provisionalNo: `续${origin.official_no}`.slice(0, 40), typeCode, submittedAt: at, ...(facts ? { facts } : {}) };
}

/** Who made it, in the device column every case has: the court token's name. */
export const followUpMaker = (name: string) => `court:${name}`.slice(0, 64);
