/**
 * A deadline's due day is kept per calendar, first day and period (the central dates a day's
 * filings with the same few periods). Kept answers must never cross calendars, periods or the
 * rollover rule, and must stay right after the store is cleared.
 */
import { describe, expect, it } from 'vitest';
import { computeDeadline, type DeadlineRule } from '../../../src-shared/calendar/deadlines.js';
import { addDays, addMonths, addWorkingDays, buildCalendar, rollToWorkingDay } from '../../../src-shared/calendar/work-calendar.js';

const rule = (over: Partial<DeadlineRule> = {}): DeadlineRule => ({ id: 'r', label_zh: '节点', label_en: 'node', from: 'filed', amount: 6, unit: 'months', source: 'test', ...over });
// 2026-06-10 10:00 in China; six months on is Thursday 2026-12-10.
const filed = new Date('2026-06-10T02:00:00Z');

describe('due days kept per calendar', () => {
  it('gives each calendar its own due day for the same day and period, in any order', () => {
    const national = buildCalendar();
    const closed = buildCalendar({ holidays: ['2026-12-10..2026-12-11'] });
    expect(computeDeadline(rule(), filed, national).dueDate).toBe('2026-12-10');
    expect(computeDeadline(rule(), filed, closed).dueDate).toBe('2026-12-14');
    expect(computeDeadline(rule(), filed, national).dueDate).toBe('2026-12-10');
    expect(computeDeadline(rule({ rollover: false }), filed, closed).dueDate).toBe('2026-12-10');
    expect(computeDeadline(rule(), filed, closed).dueDate).toBe('2026-12-14');
  });

  it('keeps periods of the same length in different units apart', () => {
    const cal = buildCalendar();
    const due = (unit: DeadlineRule['unit']) => computeDeadline(rule({ unit, amount: 6 }), filed, cal).dueDate;
    expect([due('months'), due('days'), due('working-days')]).toEqual(['2026-12-10', '2026-06-16', '2026-06-18']);
  });

  it('answers as the calendar does for many first days, past the store’s bound and back', () => {
    const cal = buildCalendar({ holidays: ['2027-03-01'] });
    const rules = [rule(), rule({ unit: 'days', amount: 30 }), rule({ unit: 'working-days', amount: 3 }), rule({ unit: 'days', amount: 30, rollover: false })];
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 400; i++) {
        const at = new Date(filed.getTime() + i * 86_400_000);
        const start = addDays('2026-06-10', i);
        const got = rules.map((r) => computeDeadline(r, at, cal).dueDate);
        expect(got).toEqual([rollToWorkingDay(addMonths(start, 6), cal), rollToWorkingDay(addDays(start, 30), cal), addWorkingDays(start, 3, cal), addDays(start, 30)]);
      }
    }
  });
});
