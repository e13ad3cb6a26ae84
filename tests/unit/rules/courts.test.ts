import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { COURT_PRESETS, findCourt, findCourtByCode, resolveCourt } from '../../../src-shared/courts/court-profile.js';
import { parseCourtProfile } from '../../../src-shared/courts/profile-schema.js';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('court presets (seeds 000-004)', () => {
  it.each([
    ['daqing-zy', '黑06', 'intermediate', true],
    ['jiaozuo-shanyang', '豫0811', 'basic', true],
    ['shangqiu-zy', '豫14', 'intermediate', true],
    ['wuzhi', '豫0823', 'basic', true],
    ['jianli', '鄂1023', 'basic', false],
  ] as const)('%s has code %s, level %s, confirmed %s, and survives a JSON round trip through the schema', (id, code, level, confirmed) => {
    const p = findCourt(id);
    expect(p).toMatchObject({ code, level, codeConfirmed: confirmed });
    const r = parseCourtProfile(clone(p));
    expect(r.ok ? r.profile : r.issues).toEqual(clone(p));
  });

  it('only seed 001 may create 执前督 (seed 001 art. 25); basic courts have no 执复 (seed 000 art. 17)', () => {
    const withPre = COURT_PRESETS.filter((p) => resolveCourt(p).types.some((t) => t.code === '执前督')).map((p) => p.id);
    expect(withPre).toEqual(['jiaozuo-shanyang']);
    for (const p of COURT_PRESETS) expect(resolveCourt(p).types.some((t) => t.code === '执复')).toBe(p.level !== 'basic');
  });

  it('finds a court by its alias code', () => {
    expect(findCourtByCode('鄂1088')?.id).toBe('jianli');
  });
});

describe('profile import (parseCourtProfile)', () => {
  const base = () => clone(findCourt('wuzhi')!) as unknown as Record<string, unknown>;
  it.each<[string, (p: Record<string, unknown>) => void, string]>([
    ['invented type code (seed 000 art. 11)', (p) => ((p.types as Array<Record<string, unknown>>)[0]!.code = '执速'), 'types.0.code'],
    ['bad court code', (p) => (p.code = '河南0823'), 'code'],
    ['unknown team in a rule', (p) => ((p.routing as { rules: Array<{ team: string }> }).rules[0]!.team = 'nobody'), 'routing.rules.0.team'],
    ['unknown threshold', (p) => ((p.thresholds as Record<string, number>) = { other: 1 }), 'routing.rules.2.when.any.0'],
    ['bad calendar date', (p) => (p.calendar = { holidays: ['2026-02-30'] }), 'calendar.holidays.0'],
    ['control character', (p) => (p.name = '武陟\u0007'), 'name'],
    ['unknown key', (p) => (p.extra = 1), '(根)'],
    ['float money', (p) => (p.thresholds = { ordinary: 3000000.5, large: 1 }), 'thresholds.ordinary'],
  ])('rejects %s', (_label, mutate, path) => {
    const p = base();
    mutate(p);
    const r = parseCourtProfile(p);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => i.path)).toContain(path);
      expect(r.message_zh).toMatch(/未导入/);
    }
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => { expect(parseCourtProfile(v).ok).toBe(false); }), { numRuns: 300 });
  });
});
