/**
 * The counter's dates from the rules engine: a node of the court profile counted from the
 * event the clerk just recorded (执前督 handed over, supervision ended, conversion approved).
 * Where a profile lacks the node, the seed's own figure stands in, named by `fallback`.
 */
import { computeDeadline, nodeApplies, type DeadlineAnchor, type DeadlineRule } from '../../src-shared/calendar/deadlines.js';
import type { WorkCalendar } from '../../src-shared/calendar/work-calendar.js';
import { resolveCourt, type CourtProfile } from '../../src-shared/courts/court-profile.js';

/** The due date (China date) of the court's first node for `typeCode` that counts from `anchor`. */
export function nodeDue(court: CourtProfile, typeCode: string, anchor: DeadlineAnchor, at: Date, cal: WorkCalendar, fallback: Omit<DeadlineRule, 'from'>): string {
  const rule = resolveCourt(court).deadlines.find((r) => r.from === anchor && nodeApplies(r, { typeCode })) ?? { ...fallback, from: anchor };
  return computeDeadline(rule, at, cal).dueDate;
}

export const PRE_HANDOVER = { id: 'pre-enforcement-handover', label_zh: '执前督案件转交执行部门', label_en: 'hand over', amount: 3, unit: 'working-days', source: 'seed 001 art. 25' } as const;
export const PRE_LIMIT = { id: 'pre-enforcement-limit', label_zh: '执前督促履行期限', label_en: 'supervised performance period', amount: 30, unit: 'days', source: 'seed 001 art. 25' } as const;
export const PRE_HAND_BACK = { id: 'pre-enforcement-hand-back', label_zh: '通知立案部门办理首次执行立案', label_en: 'hand back for first filing', amount: 3, unit: 'working-days', source: 'seed 001 art. 25' } as const;
