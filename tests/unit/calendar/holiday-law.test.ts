/**
 * The calendar from the holiday law's text (《全国年节及纪念日放假办法》, 2024 revision):
 * art. 2 lists the days every citizen rests (元旦 1 day; 春节 4 days, 农历除夕 to 正月初三; 清明 1;
 * 劳动节 2, 5月1日、2日; 端午 1; 中秋 1; 国庆 3, 10月1日至3日), and art. 6: "全体公民放假的假日，
 * 如果适逢星期六、星期日，应当在工作日补假". A year without a State Council notice is built from
 * these and marked unconfirmed.
 */
import { describe, expect, it } from 'vitest';
import { restDaysWithMakeUp, type StatutoryHoliday } from '../../../src-shared/calendar/make-up-days.js';
import { CN_HOLIDAYS } from '../../../src-shared/calendar/holidays-cn.js';
import { buildCalendar, expandDates, isWorkingDay } from '../../../src-shared/calendar/work-calendar.js';
import { computeDeadline } from '../../../src-shared/calendar/deadlines.js';

describe('art. 6 make-up days', () => {
  it('a holiday on a Saturday and Sunday is made up on the next two weekdays', () => {
    // 2027-05-01 is a Saturday, 05-02 a Sunday.
    expect(restDaysWithMakeUp([{ name_zh: '劳动节', days: ['2027-05-01', '2027-05-02'] }])).toEqual(['2027-05-01', '2027-05-02', '2027-05-03', '2027-05-04']);
  });

  it('a holiday on weekdays gives nothing more', () => {
    expect(restDaysWithMakeUp([{ name_zh: '端午节', days: ['2027-06-09'] }])).toEqual(['2027-06-09']);
  });

  it('a make-up day skips a day that is already a rest day', () => {
    // Sunday 2026-04-05 (清明) is made up on Monday 04-06.
    expect(restDaysWithMakeUp([{ name_zh: '清明节', days: ['2026-04-05'] }])).toEqual(['2026-04-05', '2026-04-06']);
  });

  // The notices since the 2024 revision never rest less than the law requires: the rule's days
  // are all rest days in the 2025 and 2026 notices.
  const LAW: Record<number, StatutoryHoliday[]> = {
    2025: [
      { name_zh: '元旦', days: ['2025-01-01'] },
      { name_zh: '春节', days: ['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'] },
      { name_zh: '清明节', days: ['2025-04-04'] },
      { name_zh: '劳动节', days: ['2025-05-01', '2025-05-02'] },
      { name_zh: '端午节', days: ['2025-05-31'] },
      { name_zh: '中秋节', days: ['2025-10-06'] },
      { name_zh: '国庆节', days: ['2025-10-01', '2025-10-02', '2025-10-03'] },
    ],
    2026: [
      { name_zh: '元旦', days: ['2026-01-01'] },
      { name_zh: '春节', days: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19'] },
      { name_zh: '清明节', days: ['2026-04-05'] },
      { name_zh: '劳动节', days: ['2026-05-01', '2026-05-02'] },
      { name_zh: '端午节', days: ['2026-06-19'] },
      { name_zh: '中秋节', days: ['2026-09-25'] },
      { name_zh: '国庆节', days: ['2026-10-01', '2026-10-02', '2026-10-03'] },
    ],
  };
  it.each([2025, 2026])('%i: every day the law gives is a rest day in the notice', (year) => {
    const notice = CN_HOLIDAYS.find((y) => y.year === year)!;
    const rest = new Set(expandDates(notice.holidays));
    for (const d of restDaysWithMakeUp(LAW[year]!)) expect(rest.has(d), d).toBe(true);
  });
});

describe('2027, a year without a notice', () => {
  const y2027 = CN_HOLIDAYS.find((y) => y.year === 2027)!;

  it('is marked unconfirmed', () => {
    expect(y2027.estimated).toBe(true);
  });

  it('rests on the statutory days and on art. 6’s make-up days', () => {
    const cal = buildCalendar({}, CN_HOLIDAYS);
    // 春节 除夕 02-05 (Fri) to 初三 02-08: Sat 06 and Sun 07 made up on Tue 09 and Wed 10.
    // 劳动节 Sat 05-01, Sun 05-02: Mon 03, Tue 04. 国庆 Fri 10-01 to Sun 10-03: Mon 04, Tue 05.
    for (const d of ['2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-04-05', '2027-05-03', '2027-05-04', '2027-06-09', '2027-09-15', '2027-10-04', '2027-10-05']) {
      expect(isWorkingDay(d, cal), d).toBe(false);
    }
    for (const d of ['2027-02-11', '2027-05-05', '2027-10-06']) expect(isWorkingDay(d, cal), d).toBe(true);
  });

  it('gives deadlines with calendarConfirmed: false', () => {
    const cal = buildCalendar({}, CN_HOLIDAYS);
    const rule = { id: 'x', label_zh: '节点', label_en: 'node', from: 'filed', amount: 10, unit: 'working-days', source: 'test' } as const;
    expect(computeDeadline(rule, new Date('2026-12-28T02:00:00Z'), cal).calendarConfirmed).toBe(false);
    expect(computeDeadline(rule, new Date('2026-06-01T02:00:00Z'), cal).calendarConfirmed).toBe(true);
  });
});
