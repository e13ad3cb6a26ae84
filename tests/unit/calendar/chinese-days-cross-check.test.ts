/**
 * The shipped notices checked, day by day, against the `chinese-days` package, which tracks the
 * State Council's holiday notices. A dev dependency: the product never loads it. When the
 * package gains a year that we still ship as an estimate, this fails: ship that notice.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CN_HOLIDAYS } from '../../../src-shared/calendar/holidays-cn.js';
import { addDays, buildCalendar, isWorkingDay } from '../../../src-shared/calendar/work-calendar.js';

// The package's own data, not its functions: those read a date string as UTC midnight and then
// take the machine's local day, so west of Greenwich they answer for the day before.
const pkgDir = dirname(createRequire(import.meta.url).resolve('chinese-days/package.json'));
const data = JSON.parse(readFileSync(join(pkgDir, 'dist', 'chinese-days.json'), 'utf8')) as { holidays: Record<string, string>; workdays: Record<string, string> };
const isWorkday = (d: string): boolean => {
  if (d in data.workdays) return true;
  if (d in data.holidays) return false;
  const day = new Date(`${d}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
};
const shipped = buildCalendar({}, CN_HOLIDAYS);

/** A year the package holds a notice for. */
function packageHasYear(year: number): boolean {
  return Object.keys(data.holidays).some((d) => d.startsWith(`${year}-`));
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
