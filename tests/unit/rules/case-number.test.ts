import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatCaseNumber, parseCaseNumber, PROVINCE_CHARS, type CaseNumber } from '../../../src-shared/casenum/case-number.js';
import { ENFORCEMENT_TYPE_CODES, SPECIAL_TRIAL_CODES, TRIAL_TYPE_CODES } from '../../../src-shared/casenum/type-codes.js';

const NOW = new Date('2026-06-01T00:00:00Z');

const caseNumberArb: fc.Arbitrary<CaseNumber> = fc
  .record({
    year: fc.integer({ min: 2016, max: 2026 }), // the format began 2016-01-01 (SPC rules)
    courtCode: fc.oneof(
      fc.constant('最高法'),
      fc.tuple(fc.constantFrom(...Array.from(PROVINCE_CHARS)), fc.constantFrom(0, 2, 4), fc.nat({ max: 9999 })).map(
        ([p, n, d]) => p + (n === 0 ? '' : String(d).padStart(4, '0').slice(0, n)),
      ),
    ),
    specialCode: fc.option(fc.constantFrom(...SPECIAL_TRIAL_CODES), { nil: undefined }),
    typeCode: fc.constantFrom<string>(...ENFORCEMENT_TYPE_CODES, ...TRIAL_TYPE_CODES),
    seq: fc.integer({ min: 1, max: 9_999_999 }),
  })
  .map((r) => {
    const n: CaseNumber = { year: r.year, courtCode: r.courtCode, typeCode: r.typeCode, seq: r.seq };
    if (r.specialCode) n.specialCode = r.specialCode;
    return n;
  });

describe('case numbers (seed 000 art. 11-12, 15)', () => {
  it('parse(format(x)) == x for every well-formed number', () => {
    fc.assert(
      fc.property(caseNumberArb, (n) => {
        const r = parseCaseNumber(formatCaseNumber(n), { now: NOW });
        expect(r).toEqual({ ok: true, format: 'current', value: n, canonical: formatCaseNumber(n), warnings: [] });
      }),
      { numRuns: 2000 },
    );
  });

  it('half-width brackets, spaces and full-width digits give the same canonical form', () => {
    fc.assert(
      fc.property(caseNumberArb, fc.constantFrom('()', '[]', '〔〕', '（）'), fc.boolean(), (n, br, wide) => {
        let text = `${br[0]} ${n.year} ${br[1]}${n.courtCode} ${n.specialCode ?? ''}${n.typeCode} ${n.seq} 号 `;
        if (wide) text = text.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
        const r = parseCaseNumber(text, { now: NOW });
        expect(r.ok && r.canonical).toBe(formatCaseNumber(n));
        // Any bracket but （） is read with a warning that shows the canonical form.
        expect(r.ok && r.warnings.map((w) => w.code)).toEqual(br === '（）' ? [] : ['non-canonical-bracket']);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws and always carries both messages on failure', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        const r = parseCaseNumber(x, { now: NOW });
        if (!r.ok) expect(r.message_zh.length * r.message_en.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'（）()2024豫0811执民初号 字第X\u0000') }), (x) => {
        const r = parseCaseNumber(x, { now: NOW });
        if (r.ok) expect(parseCaseNumber(r.canonical, { now: NOW })).toEqual({ ...r, warnings: [] });
      }),
      { numRuns: 2000 },
    );
  });

  const cases: Array<[string, string, string | null]> = [
    ['enforcement', '（2024）黑06执123号', '（2024）黑06执123号'],
    ['half-width', '(2024)豫0811执恢 7 号', '（2024）豫0811执恢7号'],
    ['local 执前督', '（2025）豫0811执前督3号', '（2025）豫0811执前督3号'],
    ['basis judgment', '（2023）豫0811民初1024号', '（2023）豫0811民初1024号'],
    ['appeal', '（2023）豫14民终88号', '（2023）豫14民终88号'],
    ['high court', '（2023）豫执监5号', '（2023）豫执监5号'],
    ['supreme IP', '（2019）最高法知民终1号', '（2019）最高法知民终1号'],
    ['字第 habit dropped', '（2024）豫0823执字第12号', '（2024）豫0823执12号'],
    ['unknown type', '（2024）豫0811执X12号', 'unknown-type-code'],
    ['invented code (000:11)', '（2024）豫0811执速12号', 'unknown-type-code'],
    ['future year', '（2027）豫0811执1号', 'year-out-of-range'],
    ['ancient year', '（1900）豫0811执1号', 'year-out-of-range'],
    ['new format before 2016', '（2015）豫0811执1号', 'before-format'],
    ['two-digit year', '（24）豫0811执1号', 'bad-year'],
    ['no brackets', '2024豫0811执1号', 'bad-year'],
    ['court digits', '（2024）豫081执1号', 'bad-court-code'],
    ['not a province', '（2024）X0811执1号', 'bad-court-code'],
    ['legacy', '（2014）焦山执字第12号', 'legacy-format'],
    ['leading zero', '（2024）豫0811执012号', 'bad-sequence'],
    ['no sequence', '（2024）豫0811执号', 'bad-sequence'],
    ['no 号', '（2024）豫0811执12', 'missing-suffix'],
    ['control char', '（2024）豫0811执\u000712号', 'bad-characters'],
    ['empty', '  ', 'empty'],
    ['too long', '（2024）'.repeat(20), 'too-long'],
  ];
  it.each(cases)('%s: %s', (_label, input, expected) => {
    const r = parseCaseNumber(input, { now: NOW });
    if (expected?.startsWith('（')) expect(r.ok && r.canonical).toBe(expected);
    else expect(!r.ok && r.error).toBe(expected);
  });

  it('restricts type codes to a given table', () => {
    const r = parseCaseNumber('（2024）豫0811执复1号', { now: NOW, typeCodes: ['执', '执恢'] });
    expect(!r.ok && r.error).toBe('type-not-allowed');
  });
});
