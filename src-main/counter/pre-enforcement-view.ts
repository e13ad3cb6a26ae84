/**
 * A 执前督 case as the counter holds it (counter_cases.pre_json) and shows it: the hand-over
 * and its outcome, and the 执 case a failure leads to. That case is numbered by the central
 * (follow-up-sync.ts): numbered once the central answered with its number or the court's
 * filings feed brought it here; rejected with the central's reason; pending until then.
 */
import type { Db } from '../db/open.js';
import type { FilingRecord } from '../../src-shared/domain/filing.js';
import type { FollowUpView, OriginView, PreEnforcementView } from '../../src-shared/counter/contract.js';

/** What the central answered for the follow-up (local to this terminal; kept when another terminal's record replaces the state). */
export interface FollowUpAnswer {
  officialNo?: string;
  acceptedAt?: string;
  error?: { code: string; message_zh: string; message_en: string };
}

export interface StoredPre {
  handoverDue: string;
  handedOverAt: string | null;
  limitDue: string | null;
  outcome: 'performed' | 'failed' | 'refused' | null;
  convertedFilingId: string | null;
  filingDue: string | null;
  paidFen: number | null;
  followUp?: FollowUpAnswer | null;
}

export function readPre(json: string | null | undefined, handoverDue: string): StoredPre {
  const s = json ? (JSON.parse(json) as Partial<StoredPre>) : {};
  return {
    handoverDue,
    handedOverAt: s.handedOverAt ?? null,
    limitDue: s.limitDue ?? null,
    outcome: s.outcome ?? null,
    convertedFilingId: s.convertedFilingId ?? null,
    filingDue: s.filingDue ?? null,
    paidFen: s.paidFen ?? null,
    followUp: s.followUp ?? null,
  };
}

export function followUpView(db: Db, pre: StoredPre): FollowUpView | null {
  const filingId = pre.convertedFilingId;
  if (!filingId || (pre.outcome !== 'failed' && pre.outcome !== 'refused')) return null;
  const held = db.prepare('SELECT official_no, accepted_at FROM filings WHERE id = ?').get(filingId) as { official_no: string | null; accepted_at: string | null } | undefined;
  const officialNo = held?.official_no ?? pre.followUp?.officialNo;
  if (officialNo) return { status: 'numbered', filingId, officialNo, acceptedAt: held?.accepted_at ?? pre.followUp?.acceptedAt ?? null };
  const e = pre.followUp?.error;
  return e ? { status: 'rejected', filingId, ...e } : { status: 'pending', filingId };
}

export function preView(db: Db, pre: StoredPre): PreEnforcementView {
  const { convertedFilingId: _c, followUp: _f, ...shown } = pre;
  void _c, void _f;
  return { ...shown, followUp: followUpView(db, pre) };
}

/** The 执前督 a 执 case follows (its facts name the prior case): held here by number, or its id from the 执前督's state. */
export function originOf(db: Db, record: FilingRecord): OriginView | null {
  const prior = (record.facts as { application?: { priorCaseNumber?: unknown } } | undefined)?.application?.priorCaseNumber;
  if (record.typeCode === '执前督' || typeof prior !== 'string') return null;
  const o = db.prepare("SELECT id, official_no FROM filings WHERE type_code = '执前督' AND (official_no = ? OR id = (SELECT filing_id FROM counter_cases WHERE json_extract(pre_json, '$.convertedFilingId') = ?))").get(prior, record.id) as
    | { id: string; official_no: string | null }
    | undefined;
  return o ? { filingId: o.id, officialNo: o.official_no } : null;
}

/** The follow-up state to keep when a pulled record replaces pre_json. */
export function keptFollowUp(json: string | null | undefined): { followUp?: FollowUpAnswer } {
  const f = json ? (JSON.parse(json) as { followUp?: FollowUpAnswer | null }).followUp : null;
  return f ? { followUp: f } : {};
}

/** Stores what the central answered for the follow-up, beside the state. */
export function saveFollowUpAnswer(db: Db, originId: string, answer: FollowUpAnswer, at: string): void {
  const row = db.prepare('SELECT pre_json FROM counter_cases WHERE filing_id = ?').get(originId) as { pre_json: string | null } | undefined;
  if (!row?.pre_json) return;
  db.prepare('UPDATE counter_cases SET pre_json = ?, updated_at = ? WHERE filing_id = ?').run(JSON.stringify({ ...(JSON.parse(row.pre_json) as object), followUp: answer }), at, originId);
}
