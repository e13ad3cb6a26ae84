/**
 * What the central makes of a 执前督 case's clerk records (seed 001 art. 25), the same on
 * SQLite and PostgreSQL. The central derives every date itself, from the court's profile and
 * calendar and its own acceptance time of the record; the counter's dates are its claims. A
 * hand-over starts the supervision period; 履行完毕 closes the case (through `nextStatus`, the
 * court-side transitions) with the amount paid in its history; 未履行 or 拒绝履行 opens the 3
 * working days for the 执 filing, which `POST /v1/court/follow-up` then numbers, closing the
 * 执前督 case as transferred. Each step is a case event, so kiosks pull it as a change.
 */
import type { CaseStatus, ClerkRecord } from '../../src-shared/sync/protocol.js';
import { preEnforcementStateSchema, type PreEnforcementState, type PublishedDeadline } from '../../src-shared/sync/pre-enforcement.js';
import { computeDeadline, computeDeadlines, nodeApplies, type DeadlineAnchor, type DeadlineRule } from '../../src-shared/calendar/deadlines.js';
import { findCourtByCode, resolveCourt } from '../../src-shared/courts/court-profile.js';
import { calendarFor, makeContext } from '../../src-shared/rules/context.js';
import { routeWith } from '../../src-shared/rules/routing.js';
import { filingFactsSchema } from '../../src-shared/rules/filing-facts.js';
import { formatYuan } from '../../src-shared/domain/money.js';
import { nextStatus } from './case-transitions.js';
import { PRE_HAND_BACK, PRE_LIMIT } from '../counter/case-nodes.js';

export interface PreCaseRow {
  filing_id: string;
  court_code: string;
  type_code: string;
  status: CaseStatus;
  official_no: string;
  team: string | null;
  pre_json: string | null;
}

export const PRE_CASE_SQL = 'SELECT filing_id, court_code, type_code, status, official_no, team, pre_json FROM cases WHERE filing_id = $1';
export const SAVE_PRE_SQL = 'UPDATE cases SET pre_json = $1, status = $2, updated_at = $3 WHERE filing_id = $4';

/** The case's new state, status and the reasons its event carries. */
export interface PreEffect {
  state: PreEnforcementState;
  status: CaseStatus;
  reasons: string[];
}

export function storedPreState(json: string | null | undefined): PreEnforcementState | null {
  if (!json) return null;
  const p = preEnforcementStateSchema.safeParse(JSON.parse(json));
  return p.success ? p.data : null;
}

const published = (d: { rule: string; label_zh: string; label_en: string; dueDate: string; calendarConfirmed: boolean }): PublishedDeadline => ({
  rule: d.rule, label_zh: d.label_zh, label_en: d.label_en, dueDate: d.dueDate, calendarConfirmed: d.calendarConfirmed,
});

/** The court's node for `typeCode` counted from `anchor`, or the seed's figure where the profile has none. */
function node(courtCode: string, typeCode: string, anchor: DeadlineAnchor, at: Date, fallback: Omit<DeadlineRule, 'from'>): PublishedDeadline {
  const court = resolveCourt(findCourtByCode(courtCode)!);
  const rule = court.deadlines.find((r) => r.from === anchor && nodeApplies(r, { typeCode })) ?? { ...fallback, from: anchor };
  return published(computeDeadline(rule, at, calendarFor(court)));
}

/**
 * The effect of a stored (attested) pre-enforcement record on its case; null when it has none: not a
 * 执前督 case, an unknown court, or a case already performed or transferred (a late record from
 * another counter PC changes nothing).
 */
export function preRecordEffect(c: PreCaseRow | undefined, r: ClerkRecord): PreEffect | null {
  if (!c || r.kind !== 'pre-enforcement' || c.type_code !== '执前督' || !findCourtByCode(c.court_code)) return null;
  const held = storedPreState(c.pre_json);
  if (held?.state === 'performed' || held?.state === 'transferred') return null;
  const at = new Date(r.createdAt);
  const p = r.payload;
  if (p.event === 'handed-over') {
    return { state: { state: 'supervising', handedOverAt: r.createdAt, deadlines: [node(c.court_code, '执前督', 'handover-received', at, PRE_LIMIT)] }, status: c.status, reasons: [] };
  }
  if (p.event === 'performed') {
    const closed = nextStatus(c.status, { action: 'close', number: c.official_no });
    if (!closed.ok) return null;
    const paidFen = p.paidFen ?? 0;
    return { state: { state: 'performed', paidFen, at: r.createdAt, deadlines: [] }, status: closed.status, reasons: [`执前督促履行完毕，到位金额 ${formatYuan(paidFen)} 元，不再立首次执行案件`] };
  }
  const outcome = p.event === 'refused' ? 'refused' : 'failed';
  return { state: { state: 'failed', outcome, at: r.createdAt, deadlines: [node(c.court_code, '执前督', 'supervision-ended', at, PRE_HAND_BACK)] }, status: c.status, reasons: [] };
}

/**
 * The 执 case's own deadlines from its numbering: the court's nodes for its type and team (the
 * team the court's routing gives its facts), and the team's case limit (or the court's fallback)
 * as a filing's check would give them.
 */
export function followUpDeadlines(courtCode: string, typeCode: string, acceptedAt: Date, facts: unknown): PublishedDeadline[] {
  const court = resolveCourt(findCourtByCode(courtCode)!);
  const cal = calendarFor(court);
  const parsed = filingFactsSchema.safeParse(facts ?? {});
  const route = parsed.success ? routeWith({ ...makeContext(parsed.data, court, acceptedAt), typeCode }) : null;
  const out = computeDeadlines(court.deadlines, { filed: acceptedAt }, cal, { typeCode, ...(route ? { team: route.team } : {}) });
  const limit = route?.caseLimit ?? court.caseLimitFallback;
  const team = route ? { zh: `（${route.team_zh}）`, en: ` (${route.team_en})` } : { zh: '', en: '' };
  out.push(computeDeadline({ id: 'case-limit', label_zh: `结案期限${team.zh}`, label_en: `case limit${team.en}`, from: 'filed', ...limit }, acceptedAt, cal));
  return out.slice(0, 20).map(published);
}

/** The origin once its 执 case is numbered: closed as transferred, the filing's due date kept beside the date it was numbered. */
export function transferEffect(c: PreCaseRow, followUp: { filingId: string; officialNo: string; typeCode: string; acceptedAt: string }, deadlines: PublishedDeadline[]): PreEffect | null {
  const held = storedPreState(c.pre_json);
  const closed = nextStatus(c.status, { action: 'close', number: c.official_no });
  if (!closed.ok) return null;
  const outcome = held?.state === 'failed' ? held.outcome : 'failed';
  const filingDue = held?.state === 'failed' ? held.deadlines[0]?.dueDate : undefined;
  return {
    state: { state: 'transferred', outcome, followUp, filingDue: filingDue ?? node(c.court_code, '执前督', 'supervision-ended', new Date(followUp.acceptedAt), PRE_HAND_BACK).dueDate, deadlines },
    status: closed.status,
    reasons: [`执前督促未果，已转首次执行立案，案号 ${followUp.officialNo}`],
  };
}
