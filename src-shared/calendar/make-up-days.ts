/**
 * The holiday law's own rule for a year whose State Council notice is not out yet
 * (《全国年节及纪念日放假办法》, 2024 revision, art. 6): "全体公民放假的假日，如果适逢星期六、
 * 星期日，应当在工作日补假". Each statutory rest day that falls on a weekend gives one make-up day,
 * the first weekday after its holiday that is not already a rest day. The notice usually adds
 * bridge days and adjusted working days too; those cannot be derived, so such a year stays
 * unconfirmed until the notice is imported (calendar-data.ts).
 */
import type { HolidayYear } from './holidays-cn.js';

const DAY_MS = 86_400_000;

function utc(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function isWeekend(ms: number): boolean {
  const dow = new Date(ms).getUTCDay();
  return dow === 0 || dow === 6;
}

/** One holiday's statutory days, in order (元旦: one day; 春节: 除夕 to 初三; 国庆: three days). */
export interface StatutoryHoliday {
  name_zh: string;
  days: readonly string[];
}

/** The statutory days plus the make-up days art. 6 requires, as plain dates. */
export function restDaysWithMakeUp(holidays: readonly StatutoryHoliday[]): string[] {
  const rest = new Set(holidays.flatMap((h) => h.days));
  for (const h of holidays) {
    const owed = h.days.filter((d) => isWeekend(utc(d))).length;
    const last = h.days.reduce((a, b) => (a > b ? a : b), h.days[0] ?? '');
    if (!last) continue;
    let t = utc(last);
    for (let left = owed; left > 0; ) {
      t += DAY_MS;
      if (!isWeekend(t) && !rest.has(iso(t))) {
        rest.add(iso(t));
        left--;
      }
    }
  }
  return [...rest].sort();
}

/** A year derived from the law alone: marked `estimated` (unconfirmed) for every deadline it touches. */
export function yearFromLaw(year: number, holidays: readonly StatutoryHoliday[]): HolidayYear {
  return {
    year,
    source: `全国年节及纪念日放假办法（2024年修订）第二条、第六条推算（${year}年国务院办公厅通知未收录，以法院通知为准）; derived from the holiday law art. 2 and 6, no State Council notice yet`,
    estimated: true,
    holidays: restDaysWithMakeUp(holidays),
    workdays: [],
  };
}
