/**
 * A working-day calendar over plain dates (`YYYY-MM-DD`, China local date). Weekends are
 * rest days unless a notice makes them adjusted working days; listed holidays are rest days.
 * Years without data fall back to weekends only, and `covers` lets callers say so.
 */
import { CN_HOLIDAYS, type HolidayYear } from './holidays-cn.js';
import { calendarYears } from './calendar-data.js';
import { dayOfPacked, daysInMonth, isoOfDay, isoOfInstant, isoOfParts, packedIsoDate } from '../time/civil-days.js';

export type IsoDate = string;

export interface WorkCalendar {
  readonly holidays: ReadonlySet<IsoDate>;
  readonly workdays: ReadonlySet<IsoDate>;
  /** Years with holiday data; `estimated` years are listed in `estimatedYears` too. */
  readonly years: ReadonlySet<number>;
  readonly estimatedYears: ReadonlySet<number>;
}

export interface CalendarOverride {
  /** Extra rest days (ranges allowed), e.g. a local closure. */
  holidays?: readonly string[];
  /** Extra working days; also removes the day from the holidays. */
  workdays?: readonly string[];
  /** Full years supplied by the court, replacing the shipped data for those years. */
  years?: readonly HolidayYear[];
}

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` naming a real day. Checked by arithmetic: it runs for every date of every filing the central re-checks. */
export function isIsoDate(s: unknown): s is IsoDate {
  return typeof s === 'string' && packedIsoDate(s) >= 0;
}

function packed(date: IsoDate): number {
  const p = typeof date === 'string' ? packedIsoDate(date) : -1;
  if (p < 0) throw new RangeError(`not a date: ${String(date).slice(0, 20)}`);
  return p;
}

/** Whole days since 1970-01-01 of a date. */
function dayOf(date: IsoDate): number {
  return dayOfPacked(packed(date));
}

function toUtc(date: IsoDate): number {
  return dayOf(date) * DAY_MS;
}

function fromUtc(ms: number): IsoDate {
  return isoOfInstant(ms) ?? new Date(ms).toISOString().slice(0, 10);
}

function fromDay(day: number): IsoDate {
  return isoOfDay(day) ?? fromUtc(day * DAY_MS);
}

/** Expands `a..b` ranges; malformed entries are skipped (profiles are validated before use). */
export function expandDates(entries: readonly string[]): IsoDate[] {
  const out: IsoDate[] = [];
  for (const e of entries) {
    const [a, b = a] = e.split('..');
    if (!isIsoDate(a) || !isIsoDate(b)) continue;
    for (let t = toUtc(a), end = toUtc(b); t <= end && out.length < 10_000; t += DAY_MS) out.push(fromUtc(t));
  }
  return out;
}

/** `base` defaults to the years in force: shipped notices and the ones the court loaded since. */
export function buildCalendar(override: CalendarOverride = {}, base: readonly HolidayYear[] = calendarYears()): WorkCalendar {
  const replaced = new Set((override.years ?? []).map((y) => y.year));
  const data = [...base.filter((y) => !replaced.has(y.year)), ...(override.years ?? [])];
  const holidays = new Set<IsoDate>();
  const workdays = new Set<IsoDate>();
  for (const y of data) {
    for (const d of expandDates(y.holidays)) holidays.add(d);
    for (const d of expandDates(y.workdays)) workdays.add(d);
  }
  for (const d of expandDates(override.holidays ?? [])) {
    holidays.add(d);
    workdays.delete(d);
  }
  for (const d of expandDates(override.workdays ?? [])) {
    workdays.add(d);
    holidays.delete(d);
  }
  return {
    holidays,
    workdays,
    years: new Set(data.map((y) => y.year)),
    estimatedYears: new Set(data.filter((y) => y.estimated).map((y) => y.year)),
  };
}

/** The shipped notices only; product code builds from `buildCalendar()`, which adds loaded years. */
export const DEFAULT_CALENDAR: WorkCalendar = buildCalendar({}, CN_HOLIDAYS);

export function covers(cal: WorkCalendar, date: IsoDate): boolean {
  return cal.years.has(Number(date.slice(0, 4))) && !cal.estimatedYears.has(Number(date.slice(0, 4)));
}

export function isWorkingDay(date: IsoDate, cal: WorkCalendar = DEFAULT_CALENDAR): boolean {
  if (cal.workdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  // 1970-01-01 was a Thursday (4).
  const dow = (((dayOf(date) + 4) % 7) + 7) % 7;
  return dow !== 0 && dow !== 6;
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromUtc(toUtc(date) + n * DAY_MS);
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

/**
 * The n-th working day after `date` (the start day itself is not counted, as the court rules
 * count "within n working days of filing"). n = 0 gives `date` rolled to a working day.
 */
export function addWorkingDays(date: IsoDate, n: number, cal: WorkCalendar = DEFAULT_CALENDAR): IsoDate {
  if (!Number.isInteger(n) || n < 0 || n > 3660) throw new RangeError('working days must be a whole number 0..3660');
  if (n === 0) return rollToWorkingDay(date, cal);
  let t = dayOf(date);
  for (let left = n; left > 0; ) {
    t += 1;
    if (isWorkingDay(fromDay(t), cal)) left--;
  }
  return fromDay(t);
}

/** Working days strictly after a and up to and including b; negative when b is before a. */
export function workingDaysBetween(a: IsoDate, b: IsoDate, cal: WorkCalendar = DEFAULT_CALENDAR): number {
  const [from, to, sign] = dayOf(a) <= dayOf(b) ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let t = dayOf(from) + 1, end = dayOf(to); t <= end; t += 1) if (isWorkingDay(fromDay(t), cal)) count++;
  return sign * count;
}

/** A period whose last day is a rest day ends on the next working day (CPL art. 85). */
export function rollToWorkingDay(date: IsoDate, cal: WorkCalendar = DEFAULT_CALENDAR): IsoDate {
  let t = dayOf(date);
  for (let i = 0; i < 60 && !isWorkingDay(fromDay(t), cal); i++) t += 1;
  return fromDay(t);
}

/** Same day n months later; a missing day (31 Jan + 1 month) is the month's last day. */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const p = packed(date);
  const y0 = Math.floor(p / 10_000);
  // Date.UTC reads a year below 100 as 19xx, and takes fractional months: those keep the Date path below.
  if (y0 >= 100 && Number.isInteger(n)) {
    const months = y0 * 12 + (Math.floor(p / 100) % 100) - 1 + n;
    const y = Math.floor(months / 12);
    const m = months - y * 12 + 1;
    if (y >= 0 && y <= 9999) return isoOfParts(y, m, Math.min(p % 100, daysInMonth(y, m)));
  }
  const d = new Date(toUtc(date));
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + n;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(y, m, Math.min(d.getUTCDate(), last)));
}

/** The China local date of an instant; kept here for the calendar's callers. */
export { chinaDate } from '../time/china-time.js';
