/**
 * Resident ID numbers (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence
 * (odd male, even female), check character over the first 17 digits.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type IdNumberError = 'empty' | 'length' | 'characters' | 'birth-date' | 'check-digit';

export type IdNumberResult =
  | { ok: true; normalized: string; birthDate: string; gender: 'male' | 'female' }
  | { ok: false; error: IdNumberError; message_zh: string; message_en: string };

const MESSAGES: Record<IdNumberError, [string, string]> = {
  empty: ['请输入身份证号码', 'Enter an ID number'],
  length: ['身份证号码应为18位', 'An ID number has 18 characters'],
  characters: ['身份证号码只能包含数字，最后一位可以是X', 'An ID number has digits only, the last may be X'],
  'birth-date': ['身份证号码中的出生日期不正确', 'The birth date inside the ID number is invalid'],
  'check-digit': ['身份证号码校验位不正确，请逐位核对', 'The ID number check digit is wrong; check each digit'],
};

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11] ?? '?';
}

function isValidDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1800 || m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export function validateIdNumber(input: unknown): IdNumberResult {
  const fail = (error: IdNumberError): IdNumberResult => {
    const [zh, en] = MESSAGES[error];
    return { ok: false, error, message_zh: zh, message_en: en };
  };
  if (typeof input !== 'string') return fail('characters');
  const s = input.trim().toUpperCase();
  if (s === '') return fail('empty');
  if (s.length !== 18) return fail('length');
  if (!/^\d{17}[\dX]$/.test(s)) return fail('characters');
  const birthDate = s.slice(6, 14);
  if (!isValidDate(birthDate)) return fail('birth-date');
  if (idCheckChar(s.slice(0, 17)) !== s[17]) return fail('check-digit');
  return { ok: true, normalized: s, birthDate, gender: Number(s[16]) % 2 === 1 ? 'male' : 'female' };
}
