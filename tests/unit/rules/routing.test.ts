import { describe, expect, it } from 'vitest';
import { baseFiling, check, NOW, type Mutate } from './fixtures.js';
import { checkFiling } from '../../../src-shared/rules/check-filing.js';
import { findCourt } from '../../../src-shared/courts/court-profile.js';
import { conversionFor, nextStage } from '../../../src-shared/rules/routing.js';
import { filingFactsSchema } from '../../../src-shared/rules/filing-facts.js';
import type { RoutingTag } from '../../../src-shared/courts/routing-types.js';

const yuan = (y: number) => y * 100;
const amount = (y: number): Mutate => (f) => void (f.claim = { kind: 'money', amountFen: yuan(y) });
const tags = (...t: RoutingTag[]): Mutate => (f) => void (f.routingTags = t);
const both = (...m: Mutate[]): Mutate => (f) => m.forEach((x) => x(f));
const arbitration: Mutate = (f) => void Object.assign(f.basis!, { kind: 'arbitration-award', number: '商仲裁字〔2025〕第8号' });

type Row = [name: string, mutate: Mutate, team: string, rule: string];

const SHANGQIU: Row[] = [
  ['civil judgment is ordinary (002 art. 11(二)2)', amount(10_000), 'ordinary', 'sq-ord-2'],
  ['civil judgment with funds covering it is simple (002 art. 11(一)5)', both(amount(10_000), tags('funds-cover')), 'simple', 'sq-simple-5'],
  ['arbitration below 300,000 yuan is simple (002 art. 11(一)1)', both(arbitration, amount(299_999)), 'simple', 'sq-simple-1'],
  ['commercial arbitration at 300,000 yuan is ordinary (002 art. 11(二)3)', both(arbitration, amount(300_000)), 'ordinary', 'sq-ord-3'],
  ['labour arbitration at 500,000 yuan stays simple (002 art. 11(一)1)', both((f) => void Object.assign(f.basis!, { kind: 'labour-arbitration-award', number: '劳人仲案字〔2025〕1号' }), amount(500_000)), 'simple', 'sq-simple-1'],
  ['party organ is ordinary even in arbitration (002 art. 11(二)1)', both(arbitration, amount(1000), tags('party-organ')), 'ordinary', 'sq-ord-1'],
  ['fee recovery is simple (002 art. 11(一)2)', tags('fee-recovery'), 'simple', 'sq-simple-2'],
  ['entrusted case is simple (002 art. 11(一)3)', tags('entrusted'), 'simple', 'sq-simple-3'],
  ['preservation is simple (002 art. 11(一)4)', (f) => void (f.application = { kind: 'preservation' }), 'simple', 'sq-simple-4'],
  ['complex case is ordinary (002 art. 11(二)4)', both(tags('complex', 'funds-cover')), 'ordinary', 'sq-ord-4'],
  ['criminal property part is ordinary (002 art. 11(二)2)', (f) => void (f.basis!.number = '（2025）豫14刑初5号'), 'ordinary', 'sq-ord-2'],
  ['notarised debt with nothing else is ordinary by default (002 art. 11(二)5)', (f) => void Object.assign(f.basis!, { kind: 'notarised-debt', number: '（2025）豫商证经字第1号' }), 'ordinary', 'fallback'],
];

const WUZHI: Row[] = [
  ['29,999 yuan goes to the emergency team (003 ch.3 §5)', amount(29_999), 'emergency', 'wz-emergency'],
  ['30,000 yuan goes to the ordinary team (003 ch.3 §3)', amount(30_000), 'ordinary', 'wz-ordinary'],
  ['999,999 yuan is ordinary (003 ch.3 §3)', amount(999_999), 'ordinary', 'wz-ordinary'],
  ['1,000,000 yuan goes to the large-case team (003 ch.3 §4)', amount(1_000_000), 'large', 'wz-large'],
  ['funds covering a large claim make it fast (003 ch.3 §2)', both(amount(2_000_000), tags('funds-cover')), 'fast', 'wz-fast'],
  ['a small repeat after 终本 is fast, not emergency (003 ch.3 §2, §5)', both(amount(5000), tags('repeat-after-termination')), 'fast', 'wz-fast'],
  ['finance cases go to the finance team first (003 ch.3 §6)', both(amount(5_000_000), tags('finance', 'funds-cover')), 'finance', 'wz-finance'],
  ['small real-estate disposal is ordinary (003 ch.3 §3)', both(amount(1000), tags('asset-disposal')), 'ordinary', 'wz-ordinary'],
  ['historical issues are large (003 ch.3 §4)', both(amount(1000), tags('historical-issues')), 'large', 'wz-large'],
  ['non-money enforcement without tags falls back to ordinary', (f) => void Object.assign(f, { claim: { kind: 'non-money' }, payeeAccount: undefined }), 'ordinary', 'fallback'],
];

const JIANLI: Row[] = [
  ['every case starts online (004 group 1 §3)', amount(100), 'online-query', 'fallback'],
  ['preservation goes offline (004 group 2 §6)', (f) => void (f.application = { kind: 'preservation' }), 'offline-query', 'jl-preservation'],
  ['objections go to monitoring (004 group 7 §7)', (f) => void (f.application = { kind: 'objection', grounds: ['act-unlawful'] }), 'monitoring', 'jl-objection'],
];

describe.each([
  ['shangqiu-zy', SHANGQIU],
  ['wuzhi', WUZHI],
  ['jianli', JIANLI],
] as const)('routing at %s', (court, rows) => {
  it.each(rows)('%s', (_name, mutate, team, rule) => {
    const r = check(mutate, court);
    expect(r.route).toMatchObject({ team, rule });
    expect(r.route?.source).toMatch(/^seed 00[234]|court profile/);
  });
});

describe('case limits and stages', () => {
  it('Shangqiu simple cases close in 30 days, ordinary in 6 months (002 art. 16)', () => {
    expect(check(tags('fee-recovery'), 'shangqiu-zy').route?.caseLimit).toMatchObject({ amount: 30, unit: 'days' });
    expect(check(() => {}, 'shangqiu-zy').route?.caseLimit).toMatchObject({ amount: 6, unit: 'months' });
  });
  it('Wuzhi ordinary cases close in 3 months (003 ch.3 §7.12), and the limit is a deadline node', () => {
    const r = check(amount(50_000), 'wuzhi');
    expect(r.route?.caseLimit).toMatchObject({ amount: 3, unit: 'months' });
    // Filed 2026-06-10; 3 months is 2026-09-10, a Thursday.
    expect(r.deadlines?.find((d) => d.rule === 'case-limit')).toMatchObject({ dueDate: '2026-09-10', source: 'seed 003 ch.3 §7.12' });
    // Simple cases: 30 days from 2026-06-10 is 2026-07-10, a Friday.
    expect(check(both(amount(50_000), tags('funds-cover')), 'wuzhi').deadlines?.find((d) => d.rule === 'case-limit')?.dueDate).toBe('2026-07-10');
  });

  it('a court may enable 执他 in its table for other matters (seed 000 art. 11: only listed codes)', () => {
    const court = structuredClone(findCourt('wuzhi')!);
    (court as unknown as { types: unknown[] }).types = [...(court.types ?? []), { code: '执他', applications: ['other'], source: 'court table' }];
    const facts = baseFiling() as Parameters<Mutate>[0];
    facts.application = { kind: 'other' };
    expect(checkFiling(facts, court, { now: NOW }).typeCode).toBe('执他');
    expect(check((f) => void (f.application = { kind: 'other' }), 'wuzhi').typeCode).toBeNull();
  });
  it('Jianli cases flow through the groups; the monitoring group is not one of the stages (004 §一, group 7)', () => {
    const r = check(() => {}, 'jianli');
    expect(r.route?.stages).toEqual(['online-query', 'offline-query', 'clue-query', 'disposal', 'crackdown', 'termination']);
    // 其余案件移送拒执打击组 (group 3 §12); disposal only for property to auction (group 3 §4).
    expect(nextStage(findCourt('jianli')!, 'clue-query')?.name_zh).toBe('拒执打击组');
    expect(nextStage(findCourt('jianli')!, 'clue-query', 'property-to-auction')?.name_zh).toBe('财产处置组');
    expect(nextStage(findCourt('wuzhi')!, 'fast')).toBeUndefined();
  });
  it('a threshold edited in the profile moves the line, with no code change', () => {
    const court = structuredClone(findCourt('wuzhi')!);
    (court as { thresholds: Record<string, number> }).thresholds = { ordinary: yuan(50_000), large: yuan(1_000_000) };
    const facts = baseFiling() as Parameters<Mutate>[0];
    amount(40_000)(facts);
    expect(check(amount(40_000), 'wuzhi').route?.team).toBe('ordinary');
    expect(checkFiling(facts, court, { now: NOW }).route).toMatchObject({ team: 'emergency', rule: 'wz-emergency' });
  });
});

describe('conversion simple -> ordinary (seed 002 art. 17)', () => {
  const court = findCourt('shangqiu-zy')!;
  const facts = (...t: RoutingTag[]) => filingFactsSchema.parse({ ...baseFiling(), routingTags: t });
  it.each([
    ['objection-raised', 'sq-conv-1', 'seed 002 art. 17(一)'],
    ['auction-needed', 'sq-conv-2', 'seed 002 art. 17(二)'],
    ['reversal-after-supervision', 'sq-conv-3', 'seed 002 art. 17(三)'],
    ['higher-oversight', 'sq-conv-4', 'seed 002 art. 17(四)'],
  ] as const)('%s converts a simple case, handed over within 3 days', (tag, id, source) => {
    expect(conversionFor(facts(tag), court, 'simple', { now: NOW })).toMatchObject({ id, to: 'ordinary', handoverDays: 3, source });
  });
  it('nothing converts without an event, nor an ordinary case, nor at a court without conversions', () => {
    expect(conversionFor(facts(), court, 'simple', { now: NOW })).toBeUndefined();
    expect(conversionFor(facts('auction-needed'), court, 'ordinary', { now: NOW })).toBeUndefined();
    expect(conversionFor(facts('auction-needed'), findCourt('wuzhi')!, 'fast', { now: NOW })).toBeUndefined();
  });
});
