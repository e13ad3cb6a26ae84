/**
 * Resident ID numbers (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence
 * (odd male, even female), check character over the first 17 digits.
 */
import { daysFromCivil, daysInMonth } from '../time/civil-days.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type IdNumberError = 'empty' | 'length' | 'characters' | 'region' | 'birth-date' | 'check-digit';

export type IdNumberResult =
  | { ok: true; normalized: string; birthDate: string; gender: 'male' | 'female' }
  | { ok: false; error: IdNumberError; message_zh: string; message_en: string };

export const ID_NUMBER_MESSAGES: Record<IdNumberError, [string, string]> = {
  empty: ['请输入身份证号码', 'Enter an ID number'],
  length: ['身份证号码应为18位', 'An ID number has 18 characters'],
  characters: ['身份证号码只能包含数字，最后一位可以是X', 'An ID number has digits only, the last may be X'],
  region: ['身份证号码前两位不是有效的省级行政区划代码', 'The first two digits are not a valid province code'],
  'birth-date': ['身份证号码中的出生日期不正确', 'The birth date inside the ID number is invalid'],
  'check-digit': ['身份证号码校验位不正确，请逐位核对', 'The ID number check digit is wrong; check each digit'],
};

/** Check character for 17 digits; '?' when they are not 17 digits. */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) return '?';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11] ?? '?';
}

/** GB/T 2260 province-level codes; 71 Taiwan, 81/82 Hong Kong/Macao residence permits, 83 Taiwan residence permits. */
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83',
]);

function isValidDate(yyyymmdd: string, now: Date): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1800 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return false;
  // A birth date after today (China time) cannot be on a real card.
  return daysFromCivil(y, m, d) * 86_400_000 <= now.getTime() + 8 * 3_600_000;
}

function fail(error: IdNumberError): IdNumberResult {
  const [zh, en] = ID_NUMBER_MESSAGES[error];
  return { ok: false, error, message_zh: zh, message_en: en };
}

const PLAIN = /^\d{17}[\dX]$/;

export function validateIdNumber(input: unknown, opts: { now?: Date } = {}): IdNumberResult {
  if (typeof input !== 'string') return fail('characters');
  // Numbers from the card reader are already plain, which reading changes nothing in: taken as they are.
  const s = PLAIN.test(input)
    ? input
    : input
        .replace(/[\s\u3000]+/gu, '')
        .replace(/[０-９Ｘｘ]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
        .toUpperCase();
  if (s === '') return fail('empty');
  if (s.length !== 18) return fail('length');
  if (!PLAIN.test(s)) return fail('characters');
  const birthDate = s.slice(6, 14);
  if (!PROVINCE_CODES.has(s.slice(0, 2))) return fail('region');
  const now = opts.now && !Number.isNaN(opts.now.getTime()) ? opts.now : new Date();
  if (!isValidDate(birthDate, now)) return fail('birth-date');
  if (idCheckChar(s.slice(0, 17)) !== s[17]) return fail('check-digit');
  return { ok: true, normalized: s, birthDate, gender: Number(s[16]) % 2 === 1 ? 'male' : 'female' };
}
