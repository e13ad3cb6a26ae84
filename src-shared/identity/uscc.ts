/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015) of companies and other
 * organisations: 18 characters from 0-9A-HJ-NPQRTUWXY (no I, O, S, V, Z). Characters 3-8
 * are the region code (digits); the 18th is a check character over the first 17 with weights
 * 3^i mod 31, value = 31 - (sum mod 31), 31 -> 0 (shared/hardware.md section 1).
 */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccError = 'empty' | 'length' | 'characters' | 'region' | 'check-digit';

export type UsccResult =
  | { ok: true; normalized: string; regionCode: string }
  | { ok: false; error: UsccError; message_zh: string; message_en: string };

export const USCC_MESSAGES: Record<UsccError, [string, string]> = {
  empty: ['请输入统一社会信用代码', 'Enter a unified social credit code'],
  length: ['统一社会信用代码应为18位', 'A unified social credit code has 18 characters'],
  characters: ['统一社会信用代码只能包含数字和大写字母（不含I、O、S、V、Z）', 'Only digits and capital letters except I, O, S, V, Z'],
  region: ['统一社会信用代码第3至8位应为行政区划数字', 'Characters 3-8 must be the region code digits'],
  'check-digit': ['统一社会信用代码校验位不正确，请逐位核对', 'The check character is wrong; check each character'],
};

/** Check character for the first 17 characters; '?' when they contain a character outside the set. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17[i] ?? '?');
    if (v < 0) return '?';
    sum += v * (WEIGHTS[i] ?? 0);
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31] ?? '?';
}

export function validateUscc(input: unknown): UsccResult {
  const fail = (error: UsccError): UsccResult => {
    const [zh, en] = USCC_MESSAGES[error];
    return { ok: false, error, message_zh: zh, message_en: en };
  };
  if (typeof input !== 'string') return fail('characters');
  const s = input.replace(/[\s\u3000]+/gu, '').toUpperCase();
  if (s === '') return fail('empty');
  if (s.length !== 18) return fail('length');
  if (!Array.from(s).every((c) => USCC_CHARSET.includes(c))) return fail('characters');
  if (!/^\d{6}$/.test(s.slice(2, 8))) return fail('region');
  if (usccCheckChar(s.slice(0, 17)) !== s[17]) return fail('check-digit');
  return { ok: true, normalized: s, regionCode: s.slice(2, 8) };
}
