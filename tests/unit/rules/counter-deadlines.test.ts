import { describe, expect, it } from 'vitest';
import { findCourt, resolveCourt } from '../../../src-shared/courts/court-profile.js';
import { calendarFor } from '../../../src-shared/rules/context.js';
import { counterDeadlines, queueNode } from '../../../src-shared/counter/counter-deadlines.js';
import { parseCourtProfile } from '../../../src-shared/courts/profile-schema.js';

function nodes(courtId: string, filedAt: string) {
  const court = findCourt(courtId)!;
  const all = counterDeadlines(court, new Date(filedAt), calendarFor(resolveCourt(court)));
  return { all, by: Object.fromEntries(all.map((d) => [d.task, d])) };
}

// Monday 2026-11-23, 10:00 China time; Saturday 2026-11-28; Wednesday 2026-09-30 before the National Day week.
const MONDAY = '2026-11-23T10:00:00+08:00';
const SATURDAY = '2026-11-28T10:00:00+08:00';
const BEFORE_HOLIDAY = '2026-09-30T10:00:00+08:00';

describe("the counter's own periods come from the court profile (issue 14 item 4)", () => {
  it('商丘: verification, notices, query and triage within 5 working days (seed 002 art. 7)', () => {
    const { by } = nodes('shangqiu-zy', MONDAY);
    expect(Object.keys(by).sort()).toEqual(['notices', 'query', 'reception', 'triage']);
    for (const d of Object.values(by)) expect(d).toMatchObject({ dueDate: '2026-11-30', period_zh: '5个工作日内' });
    expect(by.reception!.source).toBe('seed 002 art. 7(一)');
    // Working days from the court calendar: the National Day holiday is skipped.
    expect(nodes('shangqiu-zy', BEFORE_HOLIDAY).by.triage!.dueDate).toBe('2026-10-13');
  });

  it('武陟: reception at once, notices within 2 days, the online query within 24 hours; no triage period (seed 003 ch.3 一)', () => {
    const { by } = nodes('wuzhi', MONDAY);
    expect(Object.keys(by).sort()).toEqual(['notices', 'query', 'reception']);
    expect(by.reception).toMatchObject({ dueDate: '2026-11-23', period_zh: '立即', source: 'seed 003 ch.3 §1(一)1' });
    expect(by.notices).toMatchObject({ dueDate: '2026-11-25', period_zh: '2日内', source: 'seed 003 ch.3 §1(三)2' });
    expect(by.query).toMatchObject({ dueDate: '2026-11-24', dueAt: '2026-11-24T02:00:00.000Z', period_zh: '24小时内' });
    // Filed at the kiosk on a Saturday: received at once means the next working day.
    expect(nodes('wuzhi', SATURDAY).by.reception!.dueDate).toBe('2026-11-30');
    // A 2-day period ending in the holiday runs to the next working day.
    expect(nodes('wuzhi', BEFORE_HOLIDAY).by.notices!.dueDate).toBe('2026-10-08');
  });

  it('山阳: only the related-case search at filing (seed 001 art. 9); nothing invented for the rest', () => {
    const { all } = nodes('jiaozuo-shanyang', MONDAY);
    expect(all).toEqual([expect.objectContaining({ task: 'query', dueDate: '2026-11-23', source: 'seed 001 art. 9' })]);
  });

  it('the queue shows the node the case waits on at its stage', () => {
    const wz = nodes('wuzhi', MONDAY).all;
    expect(queueNode(wz, 'new')?.task).toBe('reception');
    expect(queueNode(wz, 'received')?.task).toBe('notices');
    expect(queueNode(nodes('shangqiu-zy', MONDAY).all, 'received')?.task).toBe('triage');
    expect(queueNode([], 'new')).toBeNull();
    expect(queueNode(wz, 'triaged')?.task).toBe('notices');
    expect(queueNode(wz, 'done')).toBeNull();
    expect(queueNode(wz, 'returned')).toBeNull();
  });

  it('a profile names only nodes it has, and the periods import with their source', () => {
    const wz = findCourt('wuzhi')!;
    expect(parseCourtProfile(JSON.parse(JSON.stringify(wz))).ok).toBe(true);
    const bad = parseCourtProfile({ ...JSON.parse(JSON.stringify(wz)), counterNodes: { triage: { node: 'no-such-node' } } });
    expect(bad.ok).toBe(false);
  });
});
