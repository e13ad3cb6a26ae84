/**
 * The shipped notices checked, day by day, against the `chinese-days` package, which tracks the
 * State Council's holiday notices. A dev dependency: the product never loads it. When the
 * package gains a year that we still ship as an estimate, this fails: ship that notice.
 */
import { describe, expect, it } from 'vitest';
import chineseDays from 'chinese-days';
import { CN_HOLIDAYS } from '../../../src-shared/calendar/holidays-cn.js';
import { addDays, buildCalendar, isWorkingDay } from '../../../src-shared/calendar/work-calendar.js';

const { isWorkday, getHolidaysInRange } = chineseDays;
const shipped = buildCalendar({}, CN_HOLIDAYS);

/** A year the package holds a notice for: some weekday in it is a holiday there. */
function packageHasYear(year: number): boolean {
  return getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
}

describe('shipped holiday notices agree with chinese-days', () => {
  for (const y of CN_HOLIDAYS.filter((h) => !h.estimated)) {
    it(`${y.year}: every day's working/rest status is the same`, () => {
      expect(packageHasYear(y.year)).toBe(true);
      const differ: string[] = [];
      for (let d = `${y.year}-01-01`; d <= `${y.year}-12-31`; d = addDays(d, 1)) {
        if (isWorkingDay(d, shipped) !== isWorkday(d)) differ.push(d);
      }
      expect(differ).toEqual([]);
    });
  }

  it('every year we ship as an estimate has no notice in the package yet', () => {
    const stale = CN_HOLIDAYS.filter((y) => y.estimated && packageHasYear(y.year)).map((y) => y.year);
    expect(stale).toEqual([]);
  });
});
