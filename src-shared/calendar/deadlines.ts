/**
 * Deadlines (time nodes) on the working-day calendar. Which nodes a court keeps, and how long
 * each is, is court configuration (`CourtProfile.deadlines`); this file only computes.
 * Calendar-day periods follow the procedural rule that the start day is not counted and a
 * period ending on a rest day ends on the next working day (CPL art. 85).
 */
import { enforcementTypeInfo, type TypeClass } from '../casenum/type-codes.js';
import { DEADLINE_ANCHORS, type DeadlineAnchor } from './deadline-anchors.js';
import { addDays, addMonths, addWorkingDays, chinaDate, covers, rollToWorkingDay, type IsoDate, type WorkCalendar } from './work-calendar.js';

export { DEADLINE_ANCHORS, type DeadlineAnchor };

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
  /**
   * Type classes the node belongs to (seed 000 art. 8). Absent, and no `typeCodes`: the node
   * is an enforcement (实施) node, so it never attaches to a review-class filing (执异, 执复…).
   */
  classes?: readonly TypeClass[];
  /**
   * For `days` and `months`: whether a period ending on a rest day runs to the next working
   * day (CPL art. 85). Default true; a court that counts a node in bare calendar days says false.
   */
  rollover?: boolean;
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

function roll(date: IsoDate, rule: DeadlineRule, cal: WorkCalendar): IsoDate {
  return rule.rollover === false ? date : rollToWorkingDay(date, cal);
}

/**
 * Due days by calendar, first day and period. The central dates every filing of a day with the
 * same few periods, and a calendar is never changed once built (a new holiday year builds a new
 * one), so a day's answer is kept. Bounded: a calendar keeps at most 512 answers.
 */
const dueDays = new WeakMap<WorkCalendar, Map<string, IsoDate>>();

function dueDayOf(rule: DeadlineRule, start: IsoDate, cal: WorkCalendar): IsoDate {
  const key = `${start}|${rule.unit}|${rule.amount}|${rule.rollover === false ? 'bare' : 'roll'}`;
  let known = dueDays.get(cal);
  if (!known) dueDays.set(cal, (known = new Map()));
  const hit = known.get(key);
  if (hit !== undefined) return hit;
  const due = rule.unit === 'working-days' ? addWorkingDays(start, rule.amount, cal) : roll(rule.unit === 'days' ? addDays(start, rule.amount) : addMonths(start, rule.amount), rule, cal);
  if (known.size >= 512) known.clear();
  known.set(key, due);
  return due;
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
    case 'days':
    case 'months':
      dueDate = dueDayOf(rule, start, cal);
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

/**
 * Whether a node applies to a case of this team and type. Without a type code the caller
 * lists the court's nodes in general, so only `typeCodes` (which names codes) excludes.
 */
export function nodeApplies(rule: DeadlineRule, ctx: DeadlineContext = {}): boolean {
  if (rule.teams && (!ctx.team || !rule.teams.includes(ctx.team))) return false;
  if (rule.typeCodes) return !!ctx.typeCode && rule.typeCodes.includes(ctx.typeCode);
  if (!ctx.typeCode) return true;
  const cls = enforcementTypeInfo(ctx.typeCode)?.class;
  return !!cls && (rule.classes ?? ['implementation']).includes(cls);
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
    if (!nodeApplies(rule, ctx)) continue;
    out.push(computeDeadline(rule, at, cal));
  }
  return out;
}

/** Whether a node done at `doneAt` (or still open at `now`) is late. */
export function isOverdue(d: Deadline, at: Date): boolean {
  if (d.dueAt) return at.getTime() > Date.parse(d.dueAt);
  return chinaDate(at) > d.dueDate;
}
