/**
 * `validateIdNumber` checks a plain number as it is and its birth date by arithmetic (the central
 * runs it for every party of every pushed filing). The version it replaces is the reference:
 * the same answer, and the same reason for a refusal, for plain, spaced, full-width, lower-case,
 * case-changing (ß → SS) and future-dated numbers.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ID_NUMBER_MESSAGES, idCheckChar, validateIdNumber, type IdNumberError, type IdNumberResult } from '../../../src-shared/identity/id-number.js';

const PROVINCES = new Set(['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83']);
function reference(input: unknown, opts: { now?: Date } = {}): IdNumberResult {
  const fail = (error: IdNumberError): IdNumberResult => {
    const [zh, en] = ID_NUMBER_MESSAGES[error];
    return { ok: false, error, message_zh: zh, message_en: en };
  };
  const validDate = (yyyymmdd: string, now: Date): boolean => {
    const y = Number(yyyymmdd.slice(0, 4));
    const m = Number(yyyymmdd.slice(4, 6));
    const d = Number(yyyymmdd.slice(6, 8));
    if (y < 1800 || m < 1 || m > 12 || d < 1) return false;
    const dt = new Date(Date.UTC(y, m - 1, d));
    if (dt.getTime() > now.getTime() + 8 * 3_600_000) return false;
    return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
  };
  if (typeof input !== 'string') return fail('characters');
  const s = input
    .replace(/[\s\u3000]+/gu, '')
    .replace(/[０-９Ｘｘ]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase();
  if (s === '') return fail('empty');
  if (s.length !== 18) return fail('length');
  if (!/^\d{17}[\dX]$/.test(s)) return fail('characters');
  const birthDate = s.slice(6, 14);
  if (!PROVINCES.has(s.slice(0, 2))) return fail('region');
  const now = opts.now && !Number.isNaN(opts.now.getTime()) ? opts.now : new Date();
  if (!validDate(birthDate, now)) return fail('birth-date');
  if (idCheckChar(s.slice(0, 17)) !== s[17]) return fail('check-digit');
  return { ok: true, normalized: s, birthDate, gender: Number(s[16]) % 2 === 1 ? 'male' : 'female' };
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const withCheck = (first17: string) => first17 + idCheckChar(first17);
/** 17 digits: a region (sometimes not a province), a birth date around month ends and today, a sequence. */
const first17 = fc
  .tuple(fc.oneof(fc.constantFrom('410811', '110101', '830000', '990101', '000000'), fc.integer({ min: 0, max: 999_999 }).map((n) => pad(n, 6))), fc.integer({ min: 1790, max: 2030 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 999 }))
  .map(([region, y, m, d, seq]) => `${region}${pad(y, 4)}${pad(m, 2)}${pad(d, 2)}${pad(seq, 3)}`);
const bend = fc.constantFrom<(s: string) => string>(
  (s) => s,
  (s) => s.replace(/X$/, 'x'),
  (s) => ` ${s.slice(0, 6)} ${s.slice(6)}\u3000`,
  (s) => s.replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
  (s) => s.slice(0, 17) + 'ß',
  (s) => s.slice(0, 16) + 'ß',
  (s) => s.slice(0, 17),
  (s) => `${s}0`,
  (s) => s.replace(/.$/, 'Y'),
  () => '',
  () => '   ',
);

describe('resident ID numbers against the reference', () => {
  it('answers every number as the reference does', () => {
    const nows = fc.constantFrom(new Date('2026-06-10T02:00:00Z'), new Date('2026-06-09T16:00:00Z'), new Date('2026-06-09T15:59:59.999Z'), new Date('2030-01-01T00:00:00Z'), new Date(Number.NaN));
    fc.assert(
      fc.property(first17, fc.boolean(), bend, nows, (f17, checked, b, now) => {
        const input = b(checked ? withCheck(f17) : `${f17}${idCheckChar(f17) === '0' ? '1' : '0'}`);
        expect(validateIdNumber(input, { now })).toEqual(reference(input, { now }));
      }),
      { numRuns: 20_000 },
    );
  });

  it('refuses a birth date of tomorrow in China and accepts today’s', () => {
    const now = new Date('2026-06-09T16:30:00Z'); // 2026-06-10 00:30 in China
    expect(validateIdNumber(withCheck('41081120260610123'), { now }).ok).toBe(true);
    expect(validateIdNumber(withCheck('41081120260611123'), { now })).toMatchObject({ ok: false, error: 'birth-date' });
    expect(validateIdNumber(`${'41081119800101123'}ß`)).toEqual(reference(`${'41081119800101123'}ß`));
    for (const v of [undefined, null, 410811, {}]) expect(validateIdNumber(v)).toEqual(reference(v));
  });
});
