/**
 * Deadlines (time nodes) on the working-day calendar. Which nodes a court keeps, and how long
 * each is, is court configuration (`CourtProfile.deadlines`); this file only computes.
 * Calendar-day periods follow the procedural rule that the start day is not counted and a
 * period ending on a rest day ends on the next working day (CPL art. 85).
 */
import { addDays, addMonths, addWorkingDays, chinaDate, covers, rollToWorkingDay, type IsoDate, type WorkCalendar } from './work-calendar.js';

export const DEADLINE_ANCHORS = ['filed', 'query-result', 'funds-received', 'payout-approved', 'clue-received', 'handover-received', 'objection-received', 'conversion-approved'] as const;
export type DeadlineAnchor = (typeof DEADLINE_ANCHORS)[number];

export type DeadlineUnit = 'hours' | 'days' | 'working-days' | 'months';

export interface DeadlineRule {
  id: string;
  label_zh: string;
  label_en: string;
  from: DeadlineAnchor;
  amount: number;
  unit: DeadlineUnit;
  source: string;
  /** Only for these teams / type codes; absent = every case. */
  teams?: readonly string[];
  typeCodes?: readonly string[];
}

export interface Deadline {
  rule: string;
  label_zh: string;
  label_en: string;
  source: string;
  /** Last day (China date) on which the node is on time. */
  dueDate: IsoDate;
  /** For hour-based nodes, the exact instant (ISO-8601 UTC). */
  dueAt?: string;
  /** False when the calendar has no confirmed holiday data for a year the period crosses. */
  calendarConfirmed: boolean;
}

export function computeDeadline(rule: DeadlineRule, anchor: Date, cal: WorkCalendar): Deadline {
  const start = chinaDate(anchor);
  let dueDate: IsoDate;
  let dueAt: string | undefined;
  switch (rule.unit) {
    case 'hours': {
      const at = new Date(anchor.getTime() + rule.amount * 3_600_000);
      dueAt = at.toISOString();
      dueDate = chinaDate(at);
      break;
    }
    case 'working-days':
      dueDate = addWorkingDays(start, rule.amount, cal);
      break;
    case 'days':
      dueDate = rollToWorkingDay(addDays(start, rule.amount), cal);
      break;
    case 'months':
      dueDate = rollToWorkingDay(addMonths(start, rule.amount), cal);
      break;
  }
  const d: Deadline = {
    rule: rule.id,
    label_zh: rule.label_zh,
    label_en: rule.label_en,
    source: rule.source,
    dueDate,
    calendarConfirmed: covers(cal, start) && covers(cal, dueDate),
  };
  if (dueAt) d.dueAt = dueAt;
  return d;
}

export interface DeadlineContext {
  team?: string;
  typeCode?: string;
}

/** Every node of `rules` whose anchor event is known and that applies to this case. */
export function computeDeadlines(
  rules: readonly DeadlineRule[],
  events: Partial<Record<DeadlineAnchor, Date>>,
  cal: WorkCalendar,
  ctx: DeadlineContext = {},
): Deadline[] {
  const out: Deadline[] = [];
  for (const rule of rules) {
    const at = events[rule.from];
    if (!at || Number.isNaN(at.getTime())) continue;
    if (rule.teams && (!ctx.team || !rule.teams.includes(ctx.team))) continue;
    if (rule.typeCodes && (!ctx.typeCode || !rule.typeCodes.includes(ctx.typeCode))) continue;
    out.push(computeDeadline(rule, at, cal));
  }
  return out;
}

/** Whether a node done at `doneAt` (or still open at `now`) is late. */
export function isOverdue(d: Deadline, at: Date): boolean {
  if (d.dueAt) return at.getTime() > Date.parse(d.dueAt);
  return chinaDate(at) > d.dueDate;
}
