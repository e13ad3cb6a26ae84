/**
 * A court profile is resolved once per profile object and shared (the central re-checks
 * thousands of filings against a handful of courts). Sharing must never hand one court's
 * tables to another, nor keep a resolution its profile no longer says.
 */
import { describe, expect, it } from 'vitest';
import { findCourt, resolveCourt, type CourtProfile } from '../../../src-shared/courts/court-profile.js';
import { checkFiling } from '../../../src-shared/rules/check-filing.js';
import { baseFiling, NOW } from './fixtures.js';

const wuzhi = () => findCourt('wuzhi')!;
const shanyang = () => findCourt('jiaozuo-shanyang')!;
const bigClaim = () => ({ ...baseFiling(), claim: { kind: 'money' as const, amountFen: 5_000_000 } });

describe('resolved court profiles, shared', () => {
  it('gives one frozen resolution per profile, each with its own court’s tables', () => {
    const a = resolveCourt(wuzhi());
    const b = resolveCourt(shanyang());
    expect(resolveCourt(wuzhi())).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect([a.code, b.code]).toEqual(['豫0823', '豫0811']);
    expect(a.thresholds).toEqual({ ordinary: 3_000_000, large: 100_000_000 });
    expect(a.teams.map((t) => t.id)).toContain('fast');
    expect(b.teams).not.toBe(a.teams);
  });

  it('routes filings of two courts in one run each by its own court, in any order', () => {
    const alone = (c: CourtProfile) => checkFiling(bigClaim(), structuredClone(c), { now: NOW }).route;
    const expected = [alone(wuzhi()), alone(shanyang())];
    expect(expected[0]?.team).toBe('ordinary');
    expect(expected[1]?.team).not.toBe('ordinary');
    const interleaved = [wuzhi(), shanyang(), wuzhi(), shanyang(), shanyang(), wuzhi()].map((c) => checkFiling(bigClaim(), c, { now: NOW }).route);
    expect(interleaved).toEqual([expected[0], expected[1], expected[0], expected[1], expected[1], expected[0]]);
  });

  it('sees a field reassigned on the same profile object', () => {
    const p = structuredClone(wuzhi());
    expect(checkFiling(bigClaim(), p, { now: NOW }).route?.team).toBe('ordinary');
    p.thresholds = { ordinary: 9_000_000, large: 100_000_000 };
    expect(resolveCourt(p).thresholds.ordinary).toBe(9_000_000);
    expect(checkFiling(bigClaim(), p, { now: NOW }).route?.team).not.toBe('ordinary');
    delete p.thresholds;
    expect(resolveCourt(p).thresholds).toEqual({});
  });

  it('fills national defaults for a profile that leaves its tables out', () => {
    const bare: CourtProfile = { id: 'bare', code: '豫0899', name: '测试法院', level: 'basic', codeConfirmed: false };
    const r = resolveCourt(bare);
    expect(r.teams.map((t) => t.id)).toEqual(['enforcement']);
    expect(r.routing.fallback.team).toBe('enforcement');
    expect(r.applicationPeriodYears).toBe(2);
    expect(resolveCourt({ ...bare, teams: [{ id: 'own', name_zh: '本院', name_en: 'own' }] }).routing.fallback.team).toBe('own');
    expect(resolveCourt(bare)).toBe(r);
  });
});
