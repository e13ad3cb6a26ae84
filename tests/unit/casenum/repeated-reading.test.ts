/**
 * Reading numbers one after another, as the central does for every filing of a push: the
 * parser's shared patterns keep no state between readings, and the rules reuse the basis
 * reading of a check only where reading it again would give the same answer.
 */
import { describe, expect, it } from 'vitest';
import { chinaYear, readCaseNumber } from '../../../src-shared/casenum/case-number.js';
import { checkFiling } from '../../../src-shared/rules/check-filing.js';
import { findCourt } from '../../../src-shared/courts/court-profile.js';
import { baseFiling } from '../rules/fixtures.js';

describe('case numbers read in a row', () => {
  it('gives each reading its own canonical form and warnings, whatever was read before', () => {
    const inputs = ['（2024）豫0811民初123号', '(2024)豫0811民初123号', '（2024）豫0811民初123号', '〔２０２４〕豫0811 民初123号', '［2024］豫0811民初123号', '（2024）豫0811民初123号', '（2013）郑民一初字第123号'];
    const first = inputs.map((s) => readCaseNumber(s, { now: new Date('2026-06-10T02:00:00Z') }));
    const again = [...inputs].reverse().map((s) => readCaseNumber(s, { now: new Date('2026-06-10T02:00:00Z') })).reverse();
    expect(again).toEqual(first);
    const codes = first.map((r) => (r.ok ? r.warnings.map((w) => w.code) : r.error));
    expect(codes).toEqual([[], ['non-canonical-bracket'], [], ['non-canonical-bracket'], ['non-canonical-bracket'], [], ['legacy-format']]);
    expect(first.map((r) => r.ok && r.canonical)).toEqual(['（2024）豫0811民初123号', '（2024）豫0811民初123号', '（2024）豫0811民初123号', '（2024）豫0811民初123号', '（2024）豫0811民初123号', '（2024）豫0811民初123号', '（2013）郑民一初字第123号']);
  });
});

describe('the basis reading reused by the separate-documents rule', () => {
  // A filing made on the last day of a year, on a basis of the next one, checked in that next
  // year: at the filing's time the number cannot exist yet, today it reads. The rule compares
  // numbers as read today, so the same document in other brackets is not a second document.
  const year = chinaYear(new Date());
  const lastDayBefore = new Date(`${year - 1}-12-31T12:00:00+08:00`);
  const facts = (main: string, other: string) => {
    const f = baseFiling();
    return { ...f, basis: { ...f.basis!, number: main, effectiveDate: undefined, performanceDue: undefined }, additionalBasisNumbers: [other] };
  };
  const separate = (main: string, other: string) =>
    checkFiling(facts(main, other), findCourt('jiaozuo-shanyang')!, { now: lastDayBefore }).findings.filter((x) => x.rule === 'separate-bases').map((x) => x.severity);

  it('reads a number of a year after the filing with today’s clock, as the rule always has', () => {
    expect(separate(`(${year})豫0811民初5号`, `（${year}）豫0811民初5号`)).toEqual([]);
    expect(separate(`（${year}）豫0811民初5号`, `(${year})豫0811民初5号`)).toEqual([]);
    expect(separate(`（${year}）豫0811民初5号`, `（${year}）豫0811民初6号`)).toEqual(['block']);
  });

  it('treats the same document in other brackets as one within the filing’s year too', () => {
    const now = new Date(`${year}-06-10T10:00:00+08:00`);
    const r = checkFiling(facts(`(${year - 1})豫0811民初5号`, `（${year - 1}）豫0811民初5号`), findCourt('jiaozuo-shanyang')!, { now });
    expect(r.findings.filter((x) => x.rule === 'separate-bases')).toEqual([]);
  });
});
