/**
 * A court's stage flow as a graph (seed 004): each stage is a team, each exit names the event
 * that moves a case on, where to, and any approval the move needs. Returns are exits that point
 * back (a failed auction goes back to the clue group); `closed` ends the case from that stage
 * (执行完毕 / 终结); a stage marked `end` is where the remaining cases finish (终本结案为终点).
 * Supervising groups watch every stage and are never stages themselves.
 */
import type { Condition } from './routing-types.js';

/** Who signs an approval; the counter maps these to signed-in roles (leader, admin). */
export const APPROVER_ROLES = ['group-leader', 'team-leader', 'bureau-chief', 'monitoring-group', 'president'] as const;
export type ApproverRole = (typeof APPROVER_ROLES)[number];

export const APPROVER_LABEL: Record<ApproverRole, { zh: string; en: string }> = {
  'group-leader': { zh: '组长', en: 'group leader' },
  'team-leader': { zh: '团队负责人', en: 'team leader' },
  'bureau-chief': { zh: '执行局长', en: 'enforcement bureau chief' },
  'monitoring-group': { zh: '指挥监控组', en: 'command and monitoring group' },
  president: { zh: '院长', en: 'court president' },
};

/** Steps in order, e.g. the group leader's first check, then the bureau chief's approval. */
export interface ApprovalGate {
  steps: ReadonlyArray<{ role: ApproverRole; label_zh: string; label_en: string }>;
  source: string;
}

export interface StageExit {
  /** The event, unique within the stage, e.g. `property-to-auction`. */
  id: string;
  /** A team id of the flow, or `closed` (the case is closed from this stage). */
  to: string;
  label_zh: string;
  label_en: string;
  source: string;
  approval?: ApprovalGate;
  /** The way every case goes that neither closes nor takes a branch (其余案件移送…). */
  otherwise?: boolean;
}

export interface StageNode {
  team: string;
  /** The last stage: cases that reach it close here (seed 004: 终本结案为终点). */
  end?: boolean;
  exits: readonly StageExit[];
}

export interface StageSupervisor {
  team: string;
  label_zh: string;
  label_en: string;
  source: string;
}

export interface StageFlow {
  /** Where a case enters the flow unless a routing rule starts it elsewhere. */
  start: string;
  stages: readonly StageNode[];
  supervisors: readonly StageSupervisor[];
  /** An approval every move between stages needs (seed 004 group 7 §1: 流转审批). */
  everyMove?: ApprovalGate;
}

/** A gate before a filing may be made at all (seed 004 group 1 §1: resuming a 终本 case). */
export interface EntryGate {
  id: string;
  when: Condition;
  label_zh: string;
  label_en: string;
  approval: ApprovalGate;
}
