/**
 * Which clerk action may move a case from which status. Shared by both stores so a case
 * moves the same way on SQLite and on PostgreSQL.
 */
import type { CaseAction, CaseStatus } from '../../src-shared/sync/protocol.js';
import { checkCentralStageMove } from './stage-transition.js';


const FROM: Record<CaseAction['action'], readonly CaseStatus[]> = {
  accept: ['filed', 'returned'],
  return: ['filed', 'accepted', 'triaged'],
  triage: ['accepted'],
  assign: ['accepted', 'triaged'],
  close: ['filed', 'accepted', 'returned', 'triaged', 'assigned'],
};

const TO: Record<CaseAction['action'], CaseStatus> = { accept: 'accepted', return: 'returned', triage: 'triaged', assign: 'assigned', close: 'closed' };

/** Where the case is: its court and team, for moves along a stage flow. */
export interface CaseAt {
  courtCode: string;
  team: string | null;
}

export function nextStatus(current: CaseStatus, action: CaseAction, at?: CaseAt): { ok: true; status: CaseStatus } | { ok: false; code: string; message_zh: string; message_en: string } {
  // An assigned case moves on only by an exit of its court's stage flow (seed 004).
  if (action.action === 'assign' && current === 'assigned' && at) {
    const move = checkCentralStageMove(at.courtCode, at.team, action.team);
    return move.ok ? { ok: true, status: 'assigned' } : move;
  }
  if (!FROM[action.action].includes(current)) {
    return { ok: false, code: 'bad-transition', message_zh: `案件当前状态为“${current}”，不能执行“${action.action}”`, message_en: `A case in status ${current} cannot be given "${action.action}"` };
  }
  return { ok: true, status: TO[action.action] };
}

export const CASE_NOT_FOUND = { ok: false as const, code: 'case-not-found', message_zh: '找不到该案号或临时编号对应的案件', message_en: 'No case with that official or provisional number' };

export function reasonsOf(action: CaseAction): string[] {
  return action.action === 'return' ? action.reasons_zh : [];
}

export function teamOf(action: CaseAction): string | null {
  return action.action === 'assign' || action.action === 'triage' ? action.team : null;
}
