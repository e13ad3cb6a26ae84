/**
 * The engine side of a court's stage flow (courts/stage-flow.ts): where a case may go from its
 * stage, what approvals a move needs, and which entry gates a filing must pass. The counter
 * asks before it moves a case; the central asks again before it accepts the move.
 */
import { resolveCourt, type CourtProfile, type ResolvedCourt } from '../courts/court-profile.js';
import { APPROVER_LABEL, type ApprovalGate, type ApproverRole, type StageExit, type StageFlow, type StageNode } from '../courts/stage-flow.js';

/** The court's flow; a stage-mode profile without one flows through its teams in order. */
export function flowOf(court: ResolvedCourt): StageFlow | undefined {
  if (court.routing.mode !== 'stages') return undefined;
  if (court.routing.flow) return court.routing.flow;
  const ids = court.teams.map((t) => t.id);
  return {
    start: ids[0] ?? '',
    stages: ids.map((team, i) => ({
      team,
      end: i === ids.length - 1,
      exits: i < ids.length - 1 ? [{ id: 'handed-on', to: ids[i + 1]!, label_zh: '移送下一阶段', label_en: 'to the next stage', source: 'court profile', otherwise: true }] : [],
    })),
    supervisors: [],
  };
}

export function stageOf(flow: StageFlow, team: string): StageNode | undefined {
  return flow.stages.find((s) => s.team === team);
}

/** The approval a move by `exit` needs: its own steps, then the flow's approval of every move. */
export function approvalFor(flow: StageFlow, exit: StageExit): ApprovalGate | undefined {
  const steps = [...(exit.approval?.steps ?? []), ...(exit.to !== 'closed' ? (flow.everyMove?.steps ?? []) : [])];
  if (steps.length === 0) return undefined;
  const source = [exit.approval?.source, exit.to !== 'closed' ? flow.everyMove?.source : undefined].filter(Boolean).join('; ');
  return { steps, source };
}

/** Stages a case starting at `team` can reach, in the order it first meets them (returns included once). */
export function reachableStages(flow: StageFlow, team: string): string[] {
  if (!stageOf(flow, team)) return [];
  const seen = [team];
  for (let i = 0; i < seen.length; i++) {
    for (const e of stageOf(flow, seen[i]!)?.exits ?? []) if (e.to !== 'closed' && !seen.includes(e.to)) seen.push(e.to);
  }
  return seen;
}

export type StageMove =
  | { ok: true; exit: StageExit; to: string; approval?: ApprovalGate }
  | { ok: false; code: 'no-flow' | 'not-a-stage' | 'no-such-exit' | 'approval-missing'; message_zh: string; message_en: string; missing?: ApproverRole[] };

/**
 * Whether a case at stage `from` may leave by `exitId`, given the approvals already given.
 * Approval roles are matched as a set: the counter records who approved, not in which order.
 */
export function checkStageMove(profile: CourtProfile, from: string, exitId: string, approvals: readonly ApproverRole[] = []): StageMove {
  const flow = flowOf(resolveCourt(profile));
  if (!flow) return { ok: false, code: 'no-flow', message_zh: '本院不按阶段流转案件', message_en: 'This court does not move cases through stages' };
  const stage = stageOf(flow, from);
  if (!stage) {
    const sup = flow.supervisors.some((s) => s.team === from);
    return {
      ok: false,
      code: 'not-a-stage',
      message_zh: sup ? '监控组负责全程监督，不是案件流转阶段' : `“${from}”不是本院的流转阶段`,
      message_en: sup ? 'The monitoring group supervises; it is not a stage' : `${from} is not a stage of this court`,
    };
  }
  const exit = stage.exits.find((e) => e.id === exitId);
  if (!exit) return { ok: false, code: 'no-such-exit', message_zh: '本阶段不能这样流转', message_en: `No exit ${exitId} from ${from}` };
  const approval = approvalFor(flow, exit);
  const missing = (approval?.steps ?? []).map((s) => s.role).filter((r) => !approvals.includes(r));
  if (missing.length > 0) {
    return {
      ok: false,
      code: 'approval-missing',
      missing,
      message_zh: `须经${missing.map((r) => APPROVER_LABEL[r].zh).join('、')}审批后方能流转`,
      message_en: `Needs approval by ${missing.map((r) => APPROVER_LABEL[r].en).join(', ')}`,
    };
  }
  return approval ? { ok: true, exit, to: exit.to, approval } : { ok: true, exit, to: exit.to };
}

/** Whether any exit of the flow moves a case from team `from` to team `to` (the central's re-check). */
export function stageMoveExists(profile: CourtProfile, from: string, to: string): StageExit | undefined {
  const flow = flowOf(resolveCourt(profile));
  return flow && stageOf(flow, from)?.exits.find((e) => e.to === to);
}
