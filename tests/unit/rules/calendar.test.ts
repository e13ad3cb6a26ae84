import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMonths, addWorkingDays, buildCalendar, DEFAULT_CALENDAR, isWorkingDay, workingDaysBetween, chinaDate } from '../../../src-shared/calendar/work-calendar.js';
import { computeDeadlines, isOverdue } from '../../../src-shared/calendar/deadlines.js';
import { findCourt, resolveCourt } from '../../../src-shared/courts/court-profile.js';
import { CN_HOLIDAYS } from '../../../src-shared/calendar/holidays-cn.js';

describe('working-day calendar (State Council holiday notices)', () => {
  it.each([
    ['2024-02-04', true, 'Sunday made a working day before 春节 2024'],
    ['2024-02-12', false, '春节 2024'],
    ['2025-10-08', false, '国庆中秋 2025, eighth day'],
    ['2025-09-28', true, 'Sunday working day 2025'],
    ['2026-02-14', true, 'Saturday working day before 春节 2026'],
    ['2026-11-21', false, 'ordinary Saturday'],
    ['2026-11-23', true, 'ordinary Monday'],
  ])('%s working=%s (%s)', (date, working) => {
    expect(isWorkingDay(date)).toBe(working);
  });

  it.each([
    ['2025-09-26', 5, '2025-10-10', 'across 国庆中秋 2025 (09-28 Sunday is a working day)'],
    ['2025-09-30', 1, '2025-10-09', 'next working day after the holiday'],
    ['2024-02-08', 3, '2024-02-19', 'across 春节 2024 with the 02-18 Sunday working day'],
    ['2026-11-20', 0, '2026-11-20', 'zero days on a working day'],
    ['2026-11-21', 0, '2026-11-23', 'zero days on a Saturday rolls forward'],
  ])('addWorkingDays(%s, %i) = %s (%s)', (from, n, due) => {
    expect(addWorkingDays(from, n)).toBe(due);
  });

  it('addWorkingDays and workingDaysBetween agree', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2027-06-01T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: 1, max: 60 }), (d, n) => {
        const start = d.toISOString().slice(0, 10);
        const due = addWorkingDays(start, n);
        expect(isWorkingDay(due)).toBe(true);
        expect(workingDaysBetween(start, due)).toBe(n);
      }),
      { numRuns: 300 },
    );
  });

  it('months keep the day or clamp to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(addMonths('2026-03-15', 3)).toBe('2026-06-15');
  });

  it('a court override adds a closure and a working day', () => {
    const cal = buildCalendar({ holidays: ['2026-11-23'], workdays: ['2026-11-21'] });
    expect(isWorkingDay('2026-11-23', cal)).toBe(false);
    expect(isWorkingDay('2026-11-21', cal)).toBe(true);
    expect(isWorkingDay('2026-11-23', DEFAULT_CALENDAR)).toBe(true);
  });

  it('every shipped year names its source', () => {
    expect(CN_HOLIDAYS.map((y) => y.year)).toEqual([2024, 2025, 2026, 2027]);
    for (const y of CN_HOLIDAYS) expect(y.source.length).toBeGreaterThan(10);
  });

  it('uses China local dates', () => {
    expect(chinaDate(new Date('2026-11-22T17:00:00Z'))).toBe('2026-11-23');
  });
});

describe('deadlines of the seed courts', () => {
  const cal = DEFAULT_CALENDAR;
  it('Shangqiu: verification and triage within 5 working days, seizure within 10 (seed 002 art. 7)', () => {
    const court = resolveCourt(findCourt('shangqiu-zy')!);
    // Filed Friday 26 Sep 2025, before the eight-day 国庆中秋 holiday.
    const d = computeDeadlines(court.deadlines, { filed: new Date('2025-09-26T02:00:00Z') }, cal);
    expect(d.find((x) => x.rule === 'triage')).toMatchObject({ dueDate: '2025-10-10', source: 'seed 002 art. 7(五)' });
    expect(d.find((x) => x.rule === 'coordinated-seizure')?.dueDate).toBe('2025-10-16');
  });
  it('Wuzhi: online query within 24 hours, notices within 2 days (seed 003 ch.3 §1)', () => {
    const court = resolveCourt(findCourt('wuzhi')!);
    const filed = new Date('2026-11-20T08:00:00Z'); // Friday 16:00 in China
    const d = computeDeadlines(court.deadlines, { filed }, cal);
    const q = d.find((x) => x.rule === 'online-query')!;
    expect(q.dueAt).toBe('2026-11-21T08:00:00.000Z');
    expect(isOverdue(q, new Date('2026-11-21T09:00:00Z'))).toBe(true);
    // Two days from Friday end on Sunday, a rest day: the period runs to Monday (CPL art. 85).
    expect(d.find((x) => x.rule === 'notices')?.dueDate).toBe('2026-11-23');
  });
  it('Shanyang: 执前督 handed over within 3 working days, only for 执前督 (seed 001 art. 25)', () => {
    const court = resolveCourt(findCourt('jiaozuo-shanyang')!);
    const filed = new Date('2026-04-02T02:00:00Z'); // Thursday before 清明
    expect(computeDeadlines(court.deadlines, { filed }, cal, { typeCode: '执前督' }).map((x) => [x.rule, x.dueDate])).toEqual([['pre-enforcement-handover', '2026-04-08']]);
    expect(computeDeadlines(court.deadlines, { filed }, cal, { typeCode: '执' })).toEqual([]);
  });
  it('flags periods that reach a year without confirmed holiday data', () => {
    const court = resolveCourt(findCourt('shangqiu-zy')!);
    const d = computeDeadlines(court.deadlines, { filed: new Date('2026-12-28T02:00:00Z') }, cal);
    expect(d.find((x) => x.rule === 'triage')?.calendarConfirmed).toBe(false);
  });
});
