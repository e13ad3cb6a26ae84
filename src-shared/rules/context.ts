/** What every check and condition reads: the validated facts, the court, and the clock. */
import { readCaseNumber, type ReadResult } from '../casenum/case-number.js';
import { trialBranch, type TrialBranch } from '../casenum/type-codes.js';
import { buildCalendar, chinaDate, type IsoDate, type WorkCalendar } from '../calendar/work-calendar.js';
import { calendarGeneration } from '../calendar/calendar-data.js';
import type { ResolvedCourt } from '../courts/court-profile.js';
import type { FilingFacts } from './filing-facts.js';

export interface RuleContext {
  facts: FilingFacts;
  court: ResolvedCourt;
  now: Date;
  /** China local date of `now`. */
  today: IsoDate;
  calendar: WorkCalendar;
  /** The basis number read as a court case number, parsed once for every rule that asks. */
  basisParse?: ReadResult;
  branch?: TrialBranch;
  /** The type code decided for the filing, once known. */
  typeCode?: string;
}

/** Building a calendar expands every holiday range; profiles are long-lived, so build once each. */
const calendars = new WeakMap<object, { cal: WorkCalendar; generation: number }>();

export function calendarFor(court: ResolvedCourt): WorkCalendar {
  const hit = calendars.get(court.calendar);
  // A holiday year loaded since (yzt calendar import, admin mode) rebuilds it.
  if (hit && hit.generation === calendarGeneration()) return hit.cal;
  const cal = buildCalendar(court.calendar);
  calendars.set(court.calendar, { cal, generation: calendarGeneration() });
  return cal;
}

export function makeContext(facts: FilingFacts, court: ResolvedCourt, now: Date): RuleContext {
  const ctx: RuleContext = { facts, court, now, today: chinaDate(now), calendar: calendarFor(court) };
  if (!facts.basis) return ctx;
  const parsed = readCaseNumber(facts.basis.number, { now });
  ctx.basisParse = parsed;
  if (parsed.ok && parsed.format === 'current') {
    const branch = trialBranch(parsed.value.typeCode);
    if (branch) ctx.branch = branch;
  }
  return ctx;
}
