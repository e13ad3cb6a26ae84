/**
 * Issue 15 point 3, from the seed text: every node a filing or counter event starts, with its
 * anchor, its type class and how it counts. Dates are checked on the shipped 2026 calendar
 * (国庆 2026-10-01..07, 清明 2026-04-04..06).
 */
import { describe, expect, it } from 'vitest';
import { baseFiling, check, NOW } from './fixtures.js';
import { checkFiling } from '../../../src-shared/rules/check-filing.js';
import { computeDeadlines, type DeadlineAnchor } from '../../../src-shared/calendar/deadlines.js';
import { DEFAULT_CALENDAR } from '../../../src-shared/calendar/work-calendar.js';
import { findCourt, resolveCourt } from '../../../src-shared/courts/court-profile.js';
import { parseCourtProfile } from '../../../src-shared/courts/profile-schema.js';

const cal = DEFAULT_CALENDAR;
const china = (local: string) => new Date(`${local}+08:00`);
const nodes = (courtId: string, typeCode: string, events: Partial<Record<DeadlineAnchor, Date>>) =>
  computeDeadlines(resolveCourt(findCourt(courtId)!).deadlines, events, cal, { typeCode });
const objection = { application: { kind: 'objection', grounds: ['act-unlawful'] } };

describe('seed 003 ch.3 七: the case-handling nodes of Wuzhi', () => {
  // [rule, anchor, event (China time), due date or instant, article]
  const rows: Array<[string, DeadlineAnchor, string, string, string]> = [
    // 七2: a clue is checked within 5 days; Friday 2026-09-18 + 5 = Wednesday 09-23.
    ['clue-check', 'clue-received', '2026-09-18T16:00:00', '2026-09-23', '§7.2'],
    // 七2: urgent within 48 hours, by the hour, over a weekend: Friday 16:00 -> Sunday 16:00.
    ['clue-check-urgent', 'clue-received', '2026-09-18T16:00:00', '2026-09-20T08:00:00.000Z', '§7.2'],
    // 七5: compelled appearance within 15 days of the summons period's end: 09-16 + 15 = 10-01, 国庆 -> 10-08.
    ['compelled-appearance', 'summons-expired', '2026-09-16T10:00:00', '2026-10-08', '§7.5'],
    // 七7: decide on a reward within 10 days of the written application: 09-24 + 10 = 10-04 -> 10-08.
    ['reward-decision', 'reward-application-received', '2026-09-24T10:00:00', '2026-10-08', '§7.7'],
    // 七7: start the reward notice within 5 days of the decision: Monday 10-12 + 5 = Saturday 10-17 -> Monday 10-19.
    ['reward-start', 'reward-decided', '2026-10-12T10:00:00', '2026-10-19', '§7.7'],
    // 七8: lift within 3 days: Thursday 04-02 + 3 = Sunday 04-05 (清明) -> Tuesday 04-07.
    ['lifting', 'lifting-required', '2026-04-02T10:00:00', '2026-04-07', '§7.8'],
    // 七9: deduct within 10 days: 06-10 + 10 = Saturday 06-20 (端午) -> Monday 06-22.
    ['deduction', 'deduction-possible', '2026-06-10T10:00:00', '2026-06-22', '§7.9'],
    // 七11: close within 1 day: Friday 06-12 + 1 = Saturday -> Monday 06-15.
    ['closing', 'closing-conditions-met', '2026-06-12T10:00:00', '2026-06-15', '§7.11'],
    // 一(七)2: paper to the file centre within 2 working days of returning: Friday -> Tuesday.
    ['paper-to-file-centre', 'returned-to-office', '2026-06-12T17:00:00', '2026-06-16', '§1(七)2'],
  ];
  it.each(rows)('%s counts from %s', (rule, anchor, at, due, article) => {
    const d = nodes('wuzhi', '执', { [anchor]: china(at) }).find((x) => x.rule === rule);
    expect(d?.source).toBe(`seed 003 ch.3 ${article}`);
    expect(d?.dueAt ?? d?.dueDate).toBe(due);
  });

  it('七13: the report one month before six months does not slide later past a rest day', () => {
    // Filed Thursday 2026-01-15: five months on is Monday 06-15; filed Friday 01-16: Tuesday 06-16.
    expect(nodes('wuzhi', '执', { filed: china('2026-01-15T10:00:00') }).find((x) => x.rule === 'six-month-report')?.dueDate).toBe('2026-06-15');
    // Filed 2026-01-20 -> 06-20, the 端午 Saturday: stays on 06-20 (rollover: false), not 06-22.
    expect(nodes('wuzhi', '执', { filed: china('2026-01-20T10:00:00') }).find((x) => x.rule === 'six-month-report')?.dueDate).toBe('2026-06-20');
  });

  it('the filing lists the nodes a later event starts, with the anchor and the counting', () => {
    const r = check(() => {}, 'wuzhi');
    const pending = Object.fromEntries((r.pendingNodes ?? []).map((n) => [n.rule, n]));
    expect(pending['clue-check']).toMatchObject({ from: 'clue-received', from_zh: '收到申请人提供的财产线索', counting_zh: '5日（末日为休息日的顺延至工作日）' });
    expect(pending['clue-check-urgent']).toMatchObject({ unit: 'hours', counting_zh: '48小时（按时计算）' });
    expect(pending['reward-decision']).toMatchObject({ from: 'reward-application-received', amount: 10 });
    expect(pending['paper-to-file-centre']).toMatchObject({ counting_zh: '2个工作日' });
    expect(pending['repeat-fast-window']).toMatchObject({ from: 'case-closed', counting_zh: '6个月（不顺延）' });
  });
});

describe('type class (seed 000 art. 8): enforcement nodes never attach to review filings', () => {
  it('an objection at Wuzhi gets no online query, notices, clue checks or case limit', () => {
    const r = check((f) => Object.assign(f, objection), 'wuzhi');
    expect(r.typeCode).toBe('执异');
    expect(r.deadlines).toEqual([]);
    expect(r.pendingNodes).toEqual([]);
    expect(r.route?.caseLimit).toBeUndefined();
  });
  it('a first enforcement at Wuzhi does get them', () => {
    const rules = check(() => {}, 'wuzhi').deadlines?.map((d) => d.rule);
    expect(rules).toEqual(expect.arrayContaining(['online-query', 'notices', 'related-cases', 'case-limit']));
  });
  it('an objection at Shanyang gets its own node, the 15-day pre-objection mediation (seed 001 art. 30)', () => {
    const r = check((f) => Object.assign(f, objection), 'jiaozuo-shanyang');
    expect(r.pendingNodes?.map((n) => [n.rule, n.from, n.source])).toEqual([['pre-objection-mediation', 'objection-received', 'seed 001 art. 30']]);
  });
  it('a 执复 at Shangqiu gets none of the art. 7 five-working-day nodes', () => {
    const r = check((f) => Object.assign(f, { application: { kind: 'reconsideration', grounds: [] } }), 'shangqiu-zy');
    expect(r.typeCode).toBe('执复');
    expect(r.deadlines ?? []).toEqual([]);
  });
});

describe('执前督 (seed 001 art. 25)', () => {
  const pre = (f: Record<string, unknown>) => void (f.preEnforcement = { servedByPublicNotice: false, urgent: false, applicantRefuses: false });
  it('has its own 30 days from the materials, not the six-month enforcement limit', () => {
    const r = check(pre, 'jiaozuo-shanyang');
    expect(r.typeCode).toBe('执前督');
    expect(r.deadlines?.map((d) => d.rule)).toEqual(['pre-enforcement-handover']);
    expect(r.route?.caseLimit).toBeUndefined();
    expect(r.pendingNodes?.find((n) => n.rule === 'pre-enforcement-limit')).toMatchObject({ from: 'handover-received', amount: 30, unit: 'days' });
    // Materials received Monday 2026-11-23: 30 days is Wednesday 12-23.
    expect(nodes('jiaozuo-shanyang', '执前督', { 'handover-received': china('2026-11-23T10:00:00') }).map((d) => [d.rule, d.dueDate])).toEqual([['pre-enforcement-limit', '2026-12-23']]);
  });
  it('hands back to the filing department within 3 working days of the supervision ending', () => {
    const r = check(pre, 'jiaozuo-shanyang');
    expect(r.pendingNodes?.find((n) => n.rule === 'pre-enforcement-hand-back')).toMatchObject({ from: 'supervision-ended', from_zh: expect.stringContaining('执前督促履行结束'), unit: 'working-days', amount: 3 });
    // Ended Thursday 2026-04-02, before 清明 (04-04..06): Friday 04-03, Tuesday 04-07, Wednesday 04-08.
    expect(nodes('jiaozuo-shanyang', '执前督', { 'supervision-ended': china('2026-04-02T10:00:00') }).map((d) => [d.rule, d.dueDate])).toEqual([['pre-enforcement-hand-back', '2026-04-08']]);
  });
});

describe('case limits (seed 002 art. 16)', () => {
  it('a court whose teams carry no limit falls back to the statutory six months', () => {
    const r = check(() => {}, 'jianli');
    expect(r.route).toMatchObject({ caseLimit: { amount: 6, unit: 'months', source: 'seed 002 art. 16 (法定6个月期限)' }, caseLimitFallback: true });
    // Filed Wednesday 2026-06-10: six months is Thursday 12-10.
    expect(r.deadlines?.find((d) => d.rule === 'case-limit')).toMatchObject({ dueDate: '2026-12-10', calendarConfirmed: true });
  });
  it('a court may set its own fallback in the profile', () => {
    const court = { ...findCourt('jianli')!, caseLimitFallback: { amount: 3, unit: 'months' as const, source: 'court rule' } };
    expect(parseCourtProfile(court).ok).toBe(true);
    const r = checkFiling(baseFiling(), court, { now: NOW });
    expect(r.route?.caseLimit).toMatchObject({ amount: 3, source: 'court rule' });
  });
});

describe('the profile says how each node counts', () => {
  const base = () => structuredClone(findCourt('wuzhi')!) as unknown as { deadlines: Array<Record<string, unknown>> };
  it('accepts a class and a rollover setting, and refuses an anchor it does not know', () => {
    const p = base();
    p.deadlines.push({ id: 'x', label_zh: '某节点', label_en: 'a node', from: 'supervision-ended', amount: 3, unit: 'days', rollover: false, classes: ['review'], source: 'court rule' });
    expect(parseCourtProfile(p).ok).toBe(true);
    p.deadlines.push({ id: 'y', label_zh: '某节点', label_en: 'a node', from: 'moon-rise', amount: 3, unit: 'days', source: 'court rule' });
    expect(parseCourtProfile(p).ok).toBe(false);
  });
});
