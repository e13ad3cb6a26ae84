/**
 * Case numbers (案号): `（年度）` + court code + optional specialised-trial code + type code
 * + sequence + `号`, e.g. `（2024）黑06执123号` (seed 000 art. 11-12, 15).
 * Input may use half-width or other brackets, full-width digits, stray spaces, and the
 * pre-2016 habits `字` / `第`; output is always the canonical full-width form.
 * Never throws: any input yields a result with a precise reason.
 */
import { chinaYear } from '../time/china-time.js';
import { ENFORCEMENT_TYPE_CODES, SPECIAL_TRIAL_CODES, TRIAL_TYPE_CODES } from './type-codes.js';

export interface CaseNumber {
  year: number;
  /** 法院代字: a province character plus 0, 2 or 4 digits (e.g. 黑06, 豫0811), or 最高法. */
  courtCode: string;
  /** One-character specialised-trial code (2018 revision), rarely present. */
  specialCode?: string;
  typeCode: string;
  seq: number;
}

export type CaseNumberError =
  | 'empty'
  | 'too-long'
  | 'bad-characters'
  | 'malformed'
  | 'bad-year'
  | 'year-out-of-range'
  | 'legacy-format'
  | 'bad-court-code'
  | 'unknown-type-code'
  | 'type-not-allowed'
  | 'bad-sequence'
  | 'missing-suffix';

export type ParseResult =
  | { ok: true; value: CaseNumber; canonical: string }
  | { ok: false; error: CaseNumberError; message_zh: string; message_en: string };

export interface ParseOptions {
  /** The clock for the year bound; case numbers of future years do not exist. */
  now?: Date;
  /** Restrict accepted type codes, e.g. to one court's table or to trial codes only. */
  typeCodes?: readonly string[];
}

export const CASE_NUMBER_MESSAGES: Record<CaseNumberError, [string, string]> = {
  empty: ['请输入案号', 'Enter a case number'],
  'too-long': ['案号过长，请检查', 'The case number is too long'],
  'bad-characters': ['案号含有不可见字符，请重新输入', 'The case number contains control characters'],
  malformed: ['案号格式不对，应类似“（2024）豫0811民初123号”', 'Malformed case number; expected e.g. （2024）豫0811民初123号'],
  'bad-year': ['案号应以括号中的四位年度开头，如“（2024）”', 'A case number starts with a four-digit year in brackets, e.g. （2024）'],
  'year-out-of-range': ['案号中的年度不在有效范围内（不能晚于今年）', 'The year in the case number is out of range (not after this year)'],
  'legacy-format': ['这是2016年以前的旧式案号，请工作人员人工核对', 'This is a pre-2016 case number; staff must check it by hand'],
  'bad-court-code': ['法院代字不正确，应为省份简称加数字，如“豫0811”', 'Bad court code; expected a province character and digits (e.g. 豫0811)'],
  'unknown-type-code': ['案件类型代字不正确', 'Unknown case type code'],
  'type-not-allowed': ['此处不能使用该案件类型代字', 'This case type code is not allowed here'],
  'bad-sequence': ['案件序号不正确，应为不以0开头的数字', 'Bad sequence number; expected digits not starting with 0'],
  'missing-suffix': ['案号应以“号”结尾', 'A case number ends with “number” (号)'],
};

/** Province abbreviations (and 兵 for the Xinjiang Production Corps courts). */
export const PROVINCE_CHARS = '京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新兵';
const SUPREME_COURT_CODE = '最高法';
const MAX_INPUT = 80;
export const MIN_YEAR = 1949;
export const MAX_SEQ = 9_999_999;
/** The 2016 national rules introduced the current format; older numbers used `字第`. */
export const FORMAT_SINCE_YEAR = 2016;

const ALL_TYPE_CODES: readonly string[] = [...new Set<string>([...ENFORCEMENT_TYPE_CODES, ...TRIAL_TYPE_CODES])];

function fail(error: CaseNumberError, detail?: string): ParseResult {
  const [zh, en] = CASE_NUMBER_MESSAGES[error];
  return { ok: false, error, message_zh: detail ? `${zh}：${detail}` : zh, message_en: detail ? `${en}: ${detail}` : en };
}

/** Full-width brackets, no spaces; the canonical printed form. */
export function formatCaseNumber(n: CaseNumber): string {
  return `（${n.year}）${n.courtCode}${n.specialCode ?? ''}${n.typeCode}${n.seq}号`;
}

export function isValidCourtCode(code: string): boolean {
  if (code === SUPREME_COURT_CODE) return true;
  const m = /^(.)(\d*)$/u.exec(code);
  return !!m && PROVINCE_CHARS.includes(m[1] ?? '?') && [0, 2, 4].includes((m[2] ?? '').length);
}

/** UTC+8 decides "this year". */
export { chinaYear };

function normalise(input: string): string {
  return input
    .replace(/[\s\u3000]+/gu, '')
    .replace(/[０-９]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[(\[〔［【﹝]/gu, '（')
    .replace(/[)\]〕］】﹞]/gu, '）');
}

export function parseCaseNumber(input: unknown, opts: ParseOptions = {}): ParseResult {
  if (typeof input !== 'string') return fail('malformed');
  if (input.length > MAX_INPUT) return fail('too-long');
  if (/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/u.test(input)) return fail('bad-characters');
  const s = normalise(input);
  if (s === '') return fail('empty');
  const head = /^（(\d*)）/u.exec(s);
  if (!head) return fail(/^\d{4}/.test(s) || !s.startsWith('（') ? 'bad-year' : 'malformed');
  const yearText = head[1] ?? '';
  if (yearText.length !== 4) return fail('bad-year');
  const year = Number(yearText);
  const now = opts.now && !Number.isNaN(opts.now.getTime()) ? opts.now : new Date();
  if (year < MIN_YEAR || year > chinaYear(now)) return fail('year-out-of-range', String(year));
  let body = s.slice(head[0].length);
  if (!body.endsWith('号')) return fail('missing-suffix');
  body = body.slice(0, -1);
  const tail = /(\d+)$/u.exec(body);
  if (!tail) return fail('bad-sequence');
  const seqText = tail[1] ?? '';
  body = body.slice(0, body.length - seqText.length);
  const legacy = /字第$/u.test(body);
  // 第 before the number and 字 after the type code are pre-2016 habits people still type.
  body = body.replace(/第$/u, '').replace(/字$/u, '');
  const court = body.startsWith(SUPREME_COURT_CODE) ? [SUPREME_COURT_CODE, SUPREME_COURT_CODE, ''] : /^([^\d])(\d*)/u.exec(body);
  const courtCode = court ? (court[1] ?? '') + (court[2] ?? '') : '';
  if (!court || !isValidCourtCode(courtCode)) {
    return legacy && year < FORMAT_SINCE_YEAR ? fail('legacy-format') : fail('bad-court-code');
  }
  let rest = body.slice(courtCode.length);
  let specialCode: string | undefined;
  const first = Array.from(rest)[0];
  if (first !== undefined && (SPECIAL_TRIAL_CODES as readonly string[]).includes(first) && !ALL_TYPE_CODES.includes(rest)) {
    specialCode = first;
    rest = rest.slice(first.length);
  }
  if (rest === '') return fail('unknown-type-code');
  if (!ALL_TYPE_CODES.includes(rest)) return fail('unknown-type-code', rest.slice(0, 8));
  if (opts.typeCodes && !opts.typeCodes.includes(rest)) return fail('type-not-allowed', rest);
  if (!/^[1-9]\d*$/.test(seqText) || seqText.length > String(MAX_SEQ).length) return fail('bad-sequence');
  const value: CaseNumber = { year, courtCode, typeCode: rest, seq: Number(seqText) };
  if (specialCode) value.specialCode = specialCode;
  return { ok: true, value, canonical: formatCaseNumber(value) };
}

export function isEnforcementNumber(n: CaseNumber): boolean {
  return (ENFORCEMENT_TYPE_CODES as readonly string[]).includes(n.typeCode);
}

export function sameCaseNumber(a: CaseNumber, b: CaseNumber): boolean {
  return formatCaseNumber(a) === formatCaseNumber(b);
}
