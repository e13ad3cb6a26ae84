/**
 * `chinaDate` and `chinaYear` count days by arithmetic instead of formatting a Date (the rules
 * date every filing with them). The Date version they replace is the reference: the same day
 * for every instant, at Beijing midnight, before 1970 and far ahead, and the same refusal of
 * an invalid Date.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chinaDate, chinaYear } from '../../../src-shared/time/china-time.js';

const wall = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString();
const outcome = <T>(f: () => T): T | string => {
  try {
    return f();
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
};

describe('China date by arithmetic', () => {
  it('gives the day and year the Date version gave, for any instant', () => {
    const instants = fc.oneof(
      fc.date({ noInvalidDate: true }),
      fc.integer({ min: -2_000_000, max: 2_000_000 }).map((h) => new Date(Date.UTC(2026, 0, 1) + h * 1_800_000 - 1)),
      fc.constantFrom(new Date('2026-12-31T15:59:59.999Z'), new Date('2026-12-31T16:00:00Z'), new Date(-1), new Date(0), new Date(-62_167_248_000_001), new Date(253_402_271_999_999), new Date(253_402_272_000_000)),
    );
    fc.assert(
      fc.property(instants, (t) => {
        expect(outcome(() => chinaDate(t))).toBe(outcome(() => wall(t).slice(0, 10)));
        expect(outcome(() => chinaYear(t))).toBe(outcome(() => Number(wall(t).slice(0, 4))));
      }),
      { numRuns: 20_000 },
    );
  });

  it('refuses an invalid Date as before', () => {
    expect(outcome(() => chinaDate(new Date(Number.NaN)))).toBe('RangeError: Invalid time value');
    expect(outcome(() => chinaYear(new Date(Number.NaN)))).toBe('RangeError: Invalid time value');
  });
});
