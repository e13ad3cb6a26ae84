/**
 * Case numbers (案号) as the SPC rules define them (《最高人民法院关于人民法院案件案号的若干规定》,
 * in force 2016-01-01, and its 2018 revision): `（年度）` + court code + optional specialised-trial
 * code + type code + sequence + `号`, e.g. `（2024）黑06执123号` (seed 000 art. 11-12, 15).
 *
 * This is the one parser: the CLI, the kiosk, the counter and the central all read numbers here.
 * - `parseCaseNumber` takes the current format only (what a court issues since 2016).
 * - `readCaseNumber` also takes a pre-2016 `字第` number (`（2015）豫法执监字第00012号`) as
 *   `format: 'legacy'`, for the places where an old number is a valid answer: the basis document
 *   and the prior case of a resumption or objection.
 * Only the full-width （） is canonical. Other brackets, full-width digits and spaces are read,
 * and every reading that differs from the canonical form carries a warning that shows it, so a
 * record never changes what the applicant wrote without saying so.
 * Never throws: any input yields a result with a precise reason.
 */
import { chinaYear } from '../time/china-time.js';
import { HIGH_COURT_CODES, NOT_A_COURT_CODE } from './provinces.js';
import { ENFORCEMENT_TYPE_CODES, SPECIAL_TRIAL_CODES, TRIAL_TYPE_CODES } from './type-codes.js';

export interface CaseNumber {
  year: number;
  /** 法院代字: a high court's character plus 0, 2 or 4 digits (e.g. 黑06, 豫0811), or 最高法. */
  courtCode: string;
  /** One-character specialised-trial code (2018 revision), rarely present. */
  specialCode?: string;
  typeCode: string;
  seq: number;
}

/** A pre-2016 number: `（2013）郑民一初字第123号`. Its parts are kept as written. */
export interface LegacyCaseNumber {
  year: number;
  /** The court's abbreviation as the old practice wrote it (郑, 豫法, 一中); may be empty (the SPC's own). */
  court: string;
  /** The type characters before 字 (民一初, 执监, 执). */
  typeChars: string;
  /** The sequence as written, leading zeros kept (00012). */
  seqText: string;
}

export type CaseNumberError =
  | 'empty'
  | 'too-long'
  | 'bad-characters'
  | 'malformed'
  | 'bad-year'
  | 'year-out-of-range'
  | 'before-format'
  | 'legacy-format'
  | 'bad-court-code'
  | 'unknown-type-code'
  | 'type-not-allowed'
  | 'bad-sequence'
  | 'missing-suffix';

export type CaseNumberWarningCode = 'non-canonical-bracket' | 'non-canonical-form' | 'legacy-format';

/** A number that was read, but not as written: the person sees the canonical form. */
export interface CaseNumberWarning {
  code: CaseNumberWarningCode;
  message_zh: string;
  message_en: string;
}

export interface CaseNumberFailure {
  ok: false;
  error: CaseNumberError;
  message_zh: string;
  message_en: string;
}

export type ParseResult = { ok: true; format: 'current'; value: CaseNumber; canonical: string; warnings: CaseNumberWarning[] } | CaseNumberFailure;
export type LegacyReading = { ok: true; format: 'legacy'; legacy: LegacyCaseNumber; canonical: string; warnings: CaseNumberWarning[] };
export type ReadResult = ParseResult | LegacyReading;

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
  'before-format': ['2016年以前的案号没有这种写法（当时写作“……字第……号”），请核对年度', 'Numbers before 2016 were not written this way (they used 字第); check the year'],
  'legacy-format': ['这是2016年以前的旧式案号，此处只能填写2016年以后的案号', 'This is a pre-2016 case number; only a number from 2016 on fits here'],
  'bad-court-code': ['法院代字不正确，应为省份简称加数字，如“豫0811”', 'Bad court code; expected a province character and digits (e.g. 豫0811)'],
  'unknown-type-code': ['案件类型代字不正确', 'Unknown case type code'],
  'type-not-allowed': ['此处不能使用该案件类型代字', 'This case type code is not allowed here'],
  'bad-sequence': ['案件序号不正确，应为不以0开头的数字', 'Bad sequence number; expected digits not starting with 0'],
  'missing-suffix': ['案号应以“号”结尾', 'A case number ends with “number” (号)'],
};

/** The high courts' characters of the SPC table (内 for Inner Mongolia, 黔 for Guizhou, 军, 兵). */
export const PROVINCE_CHARS = HIGH_COURT_CODES.map((h) => h.char).join('');
const SUPREME_COURT_CODE = '最高法';
const MAX_INPUT = 80;
export const MIN_YEAR = 1949;
export const MAX_SEQ = 9_999_999;
/** The SPC rules took effect on 2016-01-01; older numbers used `字第`. */
export const FORMAT_SINCE_YEAR = 2016;
/** Characters a pre-2016 type starts with (民一初, 执监, 刑初, 行终, 赔, 知, 商, 破, 督, 立, 审监 …). */
const LEGACY_TYPE_START = /[民刑行执赔知商破督立审监海再申请协委司财救减国]/u;

const ALL_TYPE_CODES: readonly string[] = [...new Set<string>([...ENFORCEMENT_TYPE_CODES, ...TRIAL_TYPE_CODES])];

function fail(error: CaseNumberError, detail?: string): CaseNumberFailure {
  const [zh, en] = CASE_NUMBER_MESSAGES[error];
  return { ok: false, error, message_zh: detail ? `${zh}：${detail}` : zh, message_en: detail ? `${en}: ${detail}` : en };
}

/** Full-width brackets, no spaces; the canonical printed form. */
export function formatCaseNumber(n: CaseNumber): string {
  return `（${n.year}）${n.courtCode}${n.specialCode ?? ''}${n.typeCode}${n.seq}号`;
}

/** A pre-2016 number in full-width brackets with 字第, its sequence as written. */
export function formatLegacyCaseNumber(n: LegacyCaseNumber): string {
  return `（${n.year}）${n.court}${n.typeChars}字第${n.seqText}号`;
}

export function isValidCourtCode(code: string): boolean {
  if (code === SUPREME_COURT_CODE) return true;
  const m = /^(.)(\d*)$/u.exec(code);
  return !!m && PROVINCE_CHARS.includes(m[1] ?? '?') && [0, 2, 4].includes((m[2] ?? '').length);
}

/** UTC+8 decides "this year". */
export { chinaYear };

const OTHER_OPEN = /[(\[〔［【﹝]/u;
const OTHER_CLOSE = /[)\]〕］】﹞]/u;
// Built once: every filing's basis number is read at least once by the kiosk and again by the central.
const SPACES = /[\s\u3000]+/gu;
const WIDE_DIGITS = /[０-９]/gu;
const OTHER_OPEN_ALL = new RegExp(OTHER_OPEN.source, 'gu');
const OTHER_CLOSE_ALL = new RegExp(OTHER_CLOSE.source, 'gu');
const OTHER_BRACKETS = new RegExp(`${OTHER_OPEN.source}|${OTHER_CLOSE.source}`, 'gu');
/** Anything `normalise` would change; most numbers are typed or scanned canonical. */
const NEEDS_NORMALISING = new RegExp(`[\\s\\u3000０-９]|${OTHER_OPEN.source}|${OTHER_CLOSE.source}`, 'u');

function normalise(input: string): string {
  if (!NEEDS_NORMALISING.test(input)) return input;
  return input
    .replace(SPACES, '')
    .replace(WIDE_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(OTHER_OPEN_ALL, '（')
    .replace(OTHER_CLOSE_ALL, '）');
}

/** What the reading changed, said to the person with the canonical form. */
function warningsFor(input: string, canonical: string, format: 'current' | 'legacy', habit: boolean): CaseNumberWarning[] {
  const out: CaseNumberWarning[] = [];
  const brackets = NEEDS_NORMALISING.test(input) ? [...input.matchAll(OTHER_BRACKETS)].map((m) => m[0]) : [];
  if (brackets.length > 0) {
    out.push({
      code: 'non-canonical-bracket',
      message_zh: `案号的括号应为全角圆括号“（）”，不是“${[...new Set(brackets)].join('')}”；规范写法：${canonical}`,
      message_en: `A case number uses full-width round brackets （）, not ${[...new Set(brackets)].join('')}; canonical form: ${canonical}`,
    });
  } else if (habit) {
    out.push({ code: 'non-canonical-form', message_zh: `2016年以后的案号不写“字第”；规范写法：${canonical}`, message_en: `Numbers from 2016 on are written without the old (字第) form; canonical form: ${canonical}` });
  }
  if (format === 'legacy') {
    out.push({
      code: 'legacy-format',
      message_zh: `2016年以前的旧式案号（${canonical}），请工作人员核对原件`,
      message_en: `A pre-2016 case number (${canonical}); staff check it against the document`,
    });
  }
  return out;
}

/**
 * Splits an old number's body into court and type. The old practice had no code table, so this
 * is a reading, not a validation: a high court wrote 豫法 (the court part ends at 法 when the type
 * follows it), others their city (郑) or ordinal (一中); the type starts at its first type
 * character. The clerk checks every legacy number (a warning says so).
 */
function splitLegacy(body: string): { court: string; typeChars: string } | null {
  const fa = /^(.*?法)(?=[民刑行执赔知商破督立审监海再申请协委司财救减国])/u.exec(body);
  if (fa?.[1] && fa[1].length <= 4) return { court: fa[1], typeChars: body.slice(fa[1].length) };
  const at = body.search(LEGACY_TYPE_START);
  if (at < 0) return null;
  return { court: body.slice(0, at), typeChars: body.slice(at) };
}

/** The parser: current and pre-2016 numbers. */
export function readCaseNumber(input: unknown, opts: ParseOptions = {}): ReadResult {
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
  // 字 after the type and 第 before the sequence: the pre-2016 form, and a habit people keep.
  const habit = /(字第|字|第)$/u.test(body);
  body = body.replace(/第$/u, '').replace(/字$/u, '');
  const court = body.startsWith(SUPREME_COURT_CODE) ? [SUPREME_COURT_CODE, SUPREME_COURT_CODE, ''] : /^([^\d])(\d*)/u.exec(body);
  const courtCode = court ? (court[1] ?? '') + (court[2] ?? '') : '';
  if (year < FORMAT_SINCE_YEAR) {
    if (!habit) return fail('before-format', String(year));
    const parts = splitLegacy(body);
    if (!parts || parts.typeChars === '' || !/^\d{1,10}$/u.test(seqText) || /^0+$/u.test(seqText)) return fail('malformed');
    const legacy: LegacyCaseNumber = { year, court: parts.court, typeChars: parts.typeChars, seqText };
    const canonical = formatLegacyCaseNumber(legacy);
    return { ok: true, format: 'legacy', legacy, canonical, warnings: warningsFor(input, canonical, 'legacy', false) };
  }
  if (!court || !isValidCourtCode(courtCode)) {
    const instead = NOT_A_COURT_CODE[body.slice(0, 1)];
    return instead ? fail('bad-court-code', `应为“${instead}”而不是“${body.slice(0, 1)}”`) : fail('bad-court-code');
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
  const canonical = formatCaseNumber(value);
  return { ok: true, format: 'current', value, canonical, warnings: warningsFor(input, canonical, 'current', habit) };
}

/** Current-format numbers only: a court's own numbers, and wherever an old number cannot be. */
export function parseCaseNumber(input: unknown, opts: ParseOptions = {}): ParseResult {
  const r = readCaseNumber(input, opts);
  return r.ok && r.format === 'legacy' ? fail('legacy-format') : r;
}

/** The type a number carries: the code of a current number, the characters of an old one. */
export function typeOfReading(r: ReadResult & { ok: true }): string {
  return r.format === 'current' ? r.value.typeCode : r.legacy.typeChars;
}

export function isEnforcementNumber(n: CaseNumber): boolean {
  return (ENFORCEMENT_TYPE_CODES as readonly string[]).includes(n.typeCode);
}

export function sameCaseNumber(a: CaseNumber, b: CaseNumber): boolean {
  return formatCaseNumber(a) === formatCaseNumber(b);
}
