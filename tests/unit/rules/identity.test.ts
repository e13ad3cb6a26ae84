import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { idCheckChar, validateIdNumber } from '../../../src-shared/identity/id-number.js';
import { USCC_CHARSET, usccCheckChar, validateUscc } from '../../../src-shared/identity/uscc.js';

const NOW = new Date('2026-06-01T00:00:00Z');

const idArb = fc
  .record({
    region: fc.constantFrom('110105', '410811', '410823', '230602', '421023'),
    birth: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2026-05-01T00:00:00Z'), noInvalidDate: true }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ region, birth, seq }) => {
    const first17 = region + birth.toISOString().slice(0, 10).replace(/-/g, '') + String(seq).padStart(3, '0');
    return first17 + idCheckChar(first17);
  });

const usccArb = fc
  .tuple(fc.constantFrom('91', '92', '11', '51', '52', 'Y1'), fc.stringMatching(/^\d{6}$/), fc.string({ unit: fc.constantFrom(...USCC_CHARSET), minLength: 9, maxLength: 9 }))
  .map(([head, region, org]) => head + region + org)
  .map((first17) => first17 + usccCheckChar(first17));

describe('ID numbers (GB 11643-1999)', () => {
  it('accepts every number with a correct check character', () => {
    fc.assert(fc.property(idArb, (id) => { expect(validateIdNumber(id, { now: NOW }).ok).toBe(true); }), { numRuns: 500 });
  });
  it('detects every single-character substitution', () => {
    fc.assert(
      fc.property(idArb, fc.nat({ max: 17 }), fc.constantFrom(...'0123456789X'), (id, i, c) => {
        fc.pre(id[i] !== c && (i === 17 || c !== 'X'));
        const bad = id.slice(0, i) + c + id.slice(i + 1);
        expect(validateIdNumber(bad, { now: NOW }).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
  it.each([
    ['11010519491231002X', 'ok'],
    ['１１０１０５１９４９１２３１００２ｘ', 'ok'],
    ['', 'empty'],
    ['1101051949123100', 'length'],
    ['11010519491231002A', 'characters'],
    ['99010519491231002X', 'region'],
    ['110105194913310020', 'birth-date'],
    ['110105203001010011', 'birth-date'],
    ['110105194912310021', 'check-digit'],
  ])('%s -> %s', (input, expected) => {
    const r = validateIdNumber(input, { now: NOW });
    expect(r.ok ? 'ok' : r.error).toBe(expected);
  });
  it('never throws on arbitrary values', () => {
    fc.assert(fc.property(fc.anything(), (x) => void validateIdNumber(x, { now: NOW })), { numRuns: 500 });
  });
});

describe('unified social credit codes (GB 32100-2015)', () => {
  it('accepts the standard example and generated codes', () => {
    expect(validateUscc('91350100M000100Y43').ok).toBe(true);
    fc.assert(fc.property(usccArb, (c) => { expect(validateUscc(c).ok).toBe(true); }), { numRuns: 500 });
  });
  it('detects every single-character substitution (31 is prime)', () => {
    fc.assert(
      fc.property(usccArb, fc.nat({ max: 17 }), fc.constantFrom(...USCC_CHARSET), (code, i, c) => {
        fc.pre(code[i] !== c);
        expect(validateUscc(code.slice(0, i) + c + code.slice(i + 1)).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
  it.each([
    ['91350100M000100Y43', 'ok'],
    [' 91350100m000100y43 ', 'ok'],
    ['', 'empty'],
    ['91350100M000100Y4', 'length'],
    ['91350100M000100I43', 'characters'],
    ['9135A100M000100Y43', 'region'],
    ['91350100M000100Y44', 'check-digit'],
  ])('%s -> %s', (input, expected) => {
    const r = validateUscc(input);
    expect(r.ok ? 'ok' : r.error).toBe(expected);
  });
});
