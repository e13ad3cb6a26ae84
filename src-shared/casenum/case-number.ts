/**
 * Case numbers (案号): `（年度）` + court code + optional specialised-trial code + type code
 * + sequence + `号`, e.g. `（2024）黑06执123号` (seed 000 art. 11-12, 15).
 * Input may use half-width brackets and stray spaces; output is always the canonical form.
 */
import { ENFORCEMENT_TYPE_CODES, TRIAL_TYPE_CODES } from './type-codes.js';

export interface CaseNumber {
  year: number;
  /** 法院代字: a province character plus 0, 2 or 4 digits, e.g. 黑06, 豫0811. */
  courtCode: string;
  /** One-character specialised-trial code (2018 revision), rarely present. */
  specialCode?: string;
  typeCode: string;
  seq: number;
}

export type CaseNumberError =
  | 'empty'
  | 'too-long'
  | 'malformed'
  | 'year-out-of-range'
  | 'bad-court-code'
  | 'unknown-type-code'
  | 'bad-sequence';

export type ParseResult =
  | { ok: true; value: CaseNumber; canonical: string }
  | { ok: false; error: CaseNumberError; message_zh: string; message_en: string };

const MESSAGES: Record<CaseNumberError, [string, string]> = {
  empty: ['请输入案号', 'Enter a case number'],
  'too-long': ['案号过长，请检查', 'The case number is too long'],
  malformed: ['案号格式不对，应类似“（2024）豫0811民初123号”', 'Malformed case number; expected e.g. （2024）豫0811民初123号'],
  'year-out-of-range': ['案号中的年度不在有效范围内', 'The year in the case number is out of range'],
  'bad-court-code': ['法院代字不正确，应为省份简称加数字，如“豫0811”', 'Bad court code; expected a province character and digits, e.g. 豫0811'],
  'unknown-type-code': ['案件类型代字不正确', 'Unknown case type code'],
  'bad-sequence': ['案件序号不正确', 'Bad sequence number'],
};

/** Province abbreviations used as the first character of court codes. */
const PROVINCES = '京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新兵最';
const MAX_INPUT = 64;
export const MIN_YEAR = 1949;

function fail(error: CaseNumberError): ParseResult {
  const [zh, en] = MESSAGES[error];
  return { ok: false, error, message_zh: zh, message_en: en };
}

/** Full-width brackets, no spaces; the canonical printed form. */
export function formatCaseNumber(n: CaseNumber): string {
  return `（${n.year}）${n.courtCode}${n.specialCode ?? ''}${n.typeCode}${n.seq}号`;
}

const ALL_TYPE_CODES = [...ENFORCEMENT_TYPE_CODES, ...TRIAL_TYPE_CODES].sort((a, b) => b.length - a.length);

export function parseCaseNumber(input: unknown, opts: { now?: Date } = {}): ParseResult {
  if (typeof input !== 'string') return fail('malformed');
  if (input.length > MAX_INPUT) return fail('too-long');
  const s = input.replace(/[\s\u3000]+/g, '').replace(/[(\[〔［]/g, '（').replace(/[)\]〕］]/g, '）');
  if (s === '') return fail('empty');
  const m = /^（(\d{4})）(.+?)(\d+)号$/u.exec(s);
  if (!m) return fail('malformed');
  const year = Number(m[1]);
  const maxYear = (opts.now ?? new Date()).getFullYear() + 1;
  if (year < MIN_YEAR || year > maxYear) return fail('year-out-of-range');
  const middle = m[2] ?? '';
  const seqText = m[3] ?? '';
  const court = /^([^\d])(\d{0,4})(.*)$/u.exec(middle);
  if (!court) return fail('bad-court-code');
  const province = court[1] ?? '';
  const digits = court[2] ?? '';
  if (!PROVINCES.includes(province) || ![0, 2, 4].includes(digits.length)) return fail('bad-court-code');
  let rest = court[3] ?? '';
  let specialCode: string | undefined;
  let typeCode = ALL_TYPE_CODES.find((t) => rest === t);
  if (!typeCode) {
    const first = Array.from(rest)[0];
    const tail = first === undefined ? '' : rest.slice(first.length);
    typeCode = ALL_TYPE_CODES.find((t) => tail === t);
    if (!typeCode) return fail('unknown-type-code');
    specialCode = first;
    rest = tail;
  }
  if (!/^[1-9]\d{0,6}$/.test(seqText)) return fail('bad-sequence');
  const value: CaseNumber = { year, courtCode: province + digits, typeCode, seq: Number(seqText) };
  if (specialCode) value.specialCode = specialCode;
  return { ok: true, value, canonical: formatCaseNumber(value) };
}
