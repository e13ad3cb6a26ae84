/**
 * Which clerk action may move a case from which status. Shared by both stores so a case
 * moves the same way on SQLite and on PostgreSQL.
 */
import type { CaseAction, CaseStatus } from '../../src-shared/sync/protocol.js';


const FROM: Record<CaseAction['action'], readonly CaseStatus[]> = {
  accept: ['filed', 'returned'],
  return: ['filed', 'accepted', 'triaged'],
  triage: ['accepted'],
  assign: ['accepted', 'triaged'],
  close: ['filed', 'accepted', 'returned', 'triaged', 'assigned'],
};

const TO: Record<CaseAction['action'], CaseStatus> = { accept: 'accepted', return: 'returned', triage: 'triaged', assign: 'assigned', close: 'closed' };

export function nextStatus(current: CaseStatus, action: CaseAction): { ok: true; status: CaseStatus } | { ok: false; code: string; message_zh: string; message_en: string } {
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
