/**
 * The calendar's dates are read and counted by arithmetic instead of through `Date` objects (the
 * central re-checks every pushed filing, and each check dates it several times). The Date-based
 * functions they replace are kept below as the reference: every answer, and every refusal,
 * must be the same, across leap years, years below 100, month ends and malformed input.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, addMonths, addWorkingDays, buildCalendar, daysBetween, DEFAULT_CALENDAR, isIsoDate, isWorkingDay, rollToWorkingDay, workingDaysBetween, type WorkCalendar } from '../../../src-shared/calendar/work-calendar.js';

const DAY_MS = 86_400_000;
const ref = {
  isIsoDate(s: unknown): boolean {
    if (typeof s !== 'string') return false;
    if (!/^(\d{4})-(\d{2})-(\d{2})$/.exec(s)) return false;
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  },
  toUtc(date: string): number {
    if (!ref.isIsoDate(date)) throw new RangeError(`not a date: ${String(date).slice(0, 20)}`);
    return Date.parse(`${date}T00:00:00Z`);
  },
  fromUtc: (ms: number): string => new Date(ms).toISOString().slice(0, 10),
  isWorkingDay(date: string, cal: WorkCalendar): boolean {
    if (cal.workdays.has(date)) return true;
    if (cal.holidays.has(date)) return false;
    const dow = new Date(ref.toUtc(date)).getUTCDay();
    return dow !== 0 && dow !== 6;
  },
  addMonths(date: string, n: number): string {
    const d = new Date(ref.toUtc(date));
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth() + n;
    const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    return ref.fromUtc(Date.UTC(y, m, Math.min(d.getUTCDate(), last)));
  },
  addWorkingDays(date: string, n: number, cal: WorkCalendar): string {
    let t = ref.toUtc(date);
    if (n === 0) {
      for (let i = 0; i < 60 && !ref.isWorkingDay(ref.fromUtc(t), cal); i++) t += DAY_MS;
      return ref.fromUtc(t);
    }
    for (let left = n; left > 0; ) {
      t += DAY_MS;
      if (ref.isWorkingDay(ref.fromUtc(t), cal)) left--;
    }
    return ref.fromUtc(t);
  },
};

/** What `f` answers, or the error it throws, so a refusal compares like an answer. */
function outcome<T>(f: () => T): T | string {
  try {
    return f();
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
/** Date-shaped strings that are often not dates: month 00–13, day 00–32, years 0000–9999. */
const dateShaped = fc
  .tuple(fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(0, 99, 100, 1900, 2000, 2024, 2100, 9999)), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
const realDate = fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('isIsoDate without Date objects', () => {
  it('answers as the Date round trip did for date-shaped strings', () => {
    fc.assert(fc.property(dateShaped, (s) => {
      expect(isIsoDate(s)).toBe(ref.isIsoDate(s));
    }), { numRuns: 20_000 });
  });

  it('answers as before for every month and day number of leap and common years', () => {
    const differ: string[] = [];
    for (const y of ['0000', '0004', '1900', '2000', '2023', '2024', '2100', '9999']) {
      for (let m = 0; m <= 99; m++) {
        for (let d = 0; d <= 99; d++) {
          const s = `${y}-${pad(m, 2)}-${pad(d, 2)}`;
          if (isIsoDate(s) !== ref.isIsoDate(s)) differ.push(s);
        }
      }
    }
    expect(differ).toEqual([]);
  });

  it('refuses what is not exactly YYYY-MM-DD', () => {
    const odd = ['', '2024-1-01', '2024-01-1', '2024/01/01', ' 2024-01-01', '2024-01-01 ', '2024-01-01\n', '２０２４-01-01', '+02024-01-01', '2024-01-01T00:00:00Z', '2024-0a-01', '20240101', '2024--01-01', '-024-01-01'];
    for (const s of odd) expect(isIsoDate(s), JSON.stringify(s)).toBe(ref.isIsoDate(s));
    for (const v of [null, undefined, 20240101, new Date('2024-01-01'), ['2024-01-01']]) expect(isIsoDate(v)).toBe(false);
    fc.assert(fc.property(fc.string({ maxLength: 12 }), (s) => {
      expect(isIsoDate(s)).toBe(ref.isIsoDate(s));
    }), { numRuns: 5_000 });
  });

  it('still refuses an impossible day after a real one with the same month', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-04-30')).toBe(true);
    expect(isIsoDate('2026-04-31')).toBe(false);
  });
});

describe('day counting without Date objects', () => {
  it('addMonths gives the same day as the Date version, also below year 100 and at month ends', () => {
    const edges = fc.constantFrom('0000-01-31', '0050-02-29', '0099-12-31', '0100-01-31', '1900-01-31', '2000-02-29', '2024-01-31', '2024-02-29', '2025-08-31', '9999-12-31', '9999-01-31');
    fc.assert(
      fc.property(fc.oneof(realDate, edges), fc.oneof(fc.integer({ min: -1200, max: 1200 }), fc.integer({ min: -200_000, max: 200_000 }), fc.constantFrom(0, 1, 12, 24, 0.5, -0.5, 1.5)), (d, n) => {
        expect(outcome(() => addMonths(d, n))).toBe(outcome(() => ref.addMonths(d, n)));
      }),
      { numRuns: 20_000 },
    );
  });

  it('addDays and daysBetween match the Date version, fractions and far years included', () => {
    fc.assert(
      fc.property(realDate, fc.oneof(fc.integer({ min: -4_000_000, max: 4_000_000 }), fc.double({ min: -1000, max: 1000, noNaN: true })), (d, n) => {
        expect(outcome(() => addDays(d, n))).toBe(outcome(() => ref.fromUtc(ref.toUtc(d) + n * DAY_MS)));
      }),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(realDate, realDate, (a, b) => {
        expect(daysBetween(a, b)).toBe(Math.round((ref.toUtc(b) - ref.toUtc(a)) / DAY_MS));
      }),
      { numRuns: 5_000 },
    );
  });

  it('refuses a malformed date with the same error as before', () => {
    for (const bad of ['2026-02-30', 'x', '', '2026-13-01']) {
      expect(outcome(() => addMonths(bad, 1))).toBe(outcome(() => ref.addMonths(bad, 1)));
      expect(outcome(() => addDays(bad, 1))).toBe('RangeError: not a date: ' + bad);
      expect(outcome(() => isWorkingDay(bad))).toBe('RangeError: not a date: ' + bad);
    }
  });

  it('working days and rest days come out as before, with holiday notices and a court’s own days', () => {
    const court = buildCalendar({ holidays: ['2026-06-01..2026-06-03'], workdays: ['2026-06-06'] });
    for (const cal of [DEFAULT_CALENDAR, court, buildCalendar({}, [])]) {
      fc.assert(
        fc.property(fc.date({ min: new Date('1899-01-01T00:00:00Z'), max: new Date('2101-12-31T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: 0, max: 40 }), (t, n) => {
          const d = t.toISOString().slice(0, 10);
          expect(isWorkingDay(d, cal)).toBe(ref.isWorkingDay(d, cal));
          expect(addWorkingDays(d, n, cal)).toBe(ref.addWorkingDays(d, n, cal));
          expect(rollToWorkingDay(d, cal)).toBe(ref.addWorkingDays(d, 0, cal));
        }),
        { numRuns: 1_500 },
      );
    }
    expect(workingDaysBetween('2026-05-29', '2026-06-08', court)).toBe(4);
    expect(workingDaysBetween('2026-06-08', '2026-05-29', court)).toBe(-4);
  });
});
