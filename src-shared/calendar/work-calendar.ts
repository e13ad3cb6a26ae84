/**
 * A working-day calendar over plain dates (`YYYY-MM-DD`, China local date). Weekends are
 * rest days unless a notice makes them adjusted working days; listed holidays are rest days.
 * Years without data fall back to weekends only, and `covers` lets callers say so.
 */
import { CN_HOLIDAYS, type HolidayYear } from './holidays-cn.js';
import { calendarYears } from './calendar-data.js';

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
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function toUtc(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`not a date: ${String(date).slice(0, 20)}`);
  return Date.parse(`${date}T00:00:00Z`);
}

function fromUtc(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
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
  const dow = new Date(toUtc(date)).getUTCDay();
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
  let t = toUtc(date);
  for (let left = n; left > 0; ) {
    t += DAY_MS;
    if (isWorkingDay(fromUtc(t), cal)) left--;
  }
  return fromUtc(t);
}

/** Working days strictly after a and up to and including b; negative when b is before a. */
export function workingDaysBetween(a: IsoDate, b: IsoDate, cal: WorkCalendar = DEFAULT_CALENDAR): number {
  const [from, to, sign] = toUtc(a) <= toUtc(b) ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let t = toUtc(from) + DAY_MS, end = toUtc(to); t <= end; t += DAY_MS) if (isWorkingDay(fromUtc(t), cal)) count++;
  return sign * count;
}

/** A period whose last day is a rest day ends on the next working day (CPL art. 85). */
export function rollToWorkingDay(date: IsoDate, cal: WorkCalendar = DEFAULT_CALENDAR): IsoDate {
  let t = toUtc(date);
  for (let i = 0; i < 60 && !isWorkingDay(fromUtc(t), cal); i++) t += DAY_MS;
  return fromUtc(t);
}

/** Same day n months later; a missing day (31 Jan + 1 month) is the month's last day. */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const d = new Date(toUtc(date));
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + n;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(y, m, Math.min(d.getUTCDate(), last)));
}

/** The China local date of an instant; kept here for the calendar's callers. */
export { chinaDate } from '../time/china-time.js';
