/**
 * What a scanned payload means. There is no national format for the QR codes courts print on
 * judgments (hardware.md section 2), so we parse what can be parsed — a case number, a URL,
 * labelled fields (`案号:...;当事人:...` or JSON) — and say for each finding whether the
 * applicant must confirm it. Nothing read from a code is trusted silently.
 */
import { parseCaseNumber, type CaseNumber, type ParseOptions } from '../casenum/case-number.js';

export type CaseNumberSource = 'whole' | 'field' | 'text' | 'url';

export type Finding =
  | { kind: 'case-number'; value: string; parsed: CaseNumber; source: CaseNumberSource; needsConfirmation: boolean }
  | { kind: 'url'; value: string; host: string; needsConfirmation: true }
  | { kind: 'fields'; value: Record<string, string>; format: 'json' | 'key-value'; needsConfirmation: true }
  | { kind: 'unconfirmed'; value: string; needsConfirmation: true };

export interface PayloadReading {
  /** The payload with control characters removed and whitespace trimmed, for display. */
  text: string;
  findings: Finding[];
  /** True unless every finding is certain (in practice: the payload is just a case number). */
  needsConfirmation: boolean;
  summary_zh: string;
  summary_en: string;
}

export interface PayloadOptions {
  /** Clock for the case-number year bound. */
  now?: Date;
}

const MAX_PAYLOAD = 4096;
/** Keys that label a case number in key-value and JSON payloads (lower-cased, no separators). */
const CASE_KEYS = new Set(['案号', '案件编号', '执行案号', '原审案号', '执行依据案号', 'caseno', 'casenumber', 'case', 'ah']);
// A bracketed year, then up to 24 non-separator characters, digits and 号: the shape of any case number.
const CASE_CANDIDATE = /[（(〔\[［【]\s*[0-9０-９]{4}\s*[)）〕\]］】][^\s,，;；。、"'“”&|]{1,24}?[0-9０-９]+\s*号/gu;
const URL_PATTERN = /https?:\/\/[^\s"'<>“”，。；]+/giu;

function clean(input: string): string {
  return input.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu, '').trim();
}

function normKey(k: string): string {
  return k.toLowerCase().replace(/[\s_\-.]/gu, '');
}

function caseNumberIn(text: string, opts: ParseOptions): { canonical: string; value: CaseNumber } | undefined {
  for (const m of text.matchAll(CASE_CANDIDATE)) {
    const r = parseCaseNumber(m[0], opts);
    if (r.ok) return { canonical: r.canonical, value: r.value };
  }
  return undefined;
}

function jsonFields(text: string): Record<string, string> | undefined {
  if (!text.startsWith('{')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function keyValueFields(text: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  let pairs = 0;
  for (const part of text.split(/[;；\n\r|&]+/u)) {
    const m = /^\s*([^:：=]{1,20}?)\s*[:：=]\s*(.*?)\s*$/u.exec(part);
    if (!m || /^https?$/iu.test(m[1] ?? '')) continue;
    out[m[1] as string] = m[2] as string;
    pairs++;
  }
  // One lone "a:b" is as likely prose or a URL as a field list, unless its key names a case number.
  const keys = Object.keys(out);
  if (pairs >= 2 || (pairs === 1 && keys.some((k) => CASE_KEYS.has(normKey(k))))) return out;
  return undefined;
}

function safeDecodeUri(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/gu, ' '));
  } catch {
    return s;
  }
}

export function understandPayload(input: string, options: PayloadOptions = {}): PayloadReading {
  const opts: ParseOptions = options.now ? { now: options.now } : {};
  const text = clean(input).slice(0, MAX_PAYLOAD);
  const findings: Finding[] = [];
  if (text === '') return summarise(text, findings);

  const whole = parseCaseNumber(text, opts);
  if (whole.ok) {
    findings.push({ kind: 'case-number', value: whole.canonical, parsed: whole.value, source: 'whole', needsConfirmation: false });
    return summarise(text, findings);
  }

  const fields = jsonFields(text);
  const kv = fields ? undefined : keyValueFields(text);
  const structured = fields ?? kv;
  if (structured) {
    findings.push({ kind: 'fields', value: structured, format: fields ? 'json' : 'key-value', needsConfirmation: true });
    for (const [k, v] of Object.entries(structured)) {
      if (!CASE_KEYS.has(normKey(k))) continue;
      const r = parseCaseNumber(v, opts);
      // A labelled, valid case number is as good as a bare one.
      if (r.ok) {
        findings.push({ kind: 'case-number', value: r.canonical, parsed: r.value, source: 'field', needsConfirmation: false });
        break;
      }
    }
  }

  const urls = [...text.matchAll(URL_PATTERN)].map((m) => m[0]);
  for (const url of urls.slice(0, 3)) {
    const host = /^https?:\/\/([^/?#:@\s]+)/iu.exec(url)?.[1]?.toLowerCase() ?? '';
    findings.push({ kind: 'url', value: url, host, needsConfirmation: true });
  }

  if (!findings.some((f) => f.kind === 'case-number')) {
    const inText = caseNumberIn(text, opts);
    const inUrl = inText ? undefined : urls.map((u) => caseNumberIn(safeDecodeUri(u), opts)).find((c) => c);
    const hit = inText ?? inUrl;
    if (hit) findings.push({ kind: 'case-number', value: hit.canonical, parsed: hit.value, source: inText ? 'text' : 'url', needsConfirmation: true });
  }

  if (findings.length === 0) findings.push({ kind: 'unconfirmed', value: text, needsConfirmation: true });
  return summarise(text, findings);
}

function summarise(text: string, findings: Finding[]): PayloadReading {
  const needsConfirmation = findings.length === 0 || findings.some((f) => f.needsConfirmation);
  const cn = findings.find((f) => f.kind === 'case-number');
  let summary_zh: string;
  let summary_en: string;
  if (findings.length === 0) {
    summary_zh = '条码内容为空';
    summary_en = 'The barcode is empty';
  } else if (cn && !needsConfirmation) {
    summary_zh = `识别到案号 ${cn.value}`;
    summary_en = `Case number ${cn.value} recognised`;
  } else if (cn && !cn.needsConfirmation) {
    summary_zh = `识别到案号 ${cn.value}，其余信息请核对`;
    summary_en = `Case number ${cn.value} recognised; please confirm the other fields`;
  } else if (cn) {
    summary_zh = `可能的案号 ${cn.value}，请核对`;
    summary_en = `Possible case number ${cn.value}; please confirm`;
  } else if (findings.some((f) => f.kind === 'fields')) {
    summary_zh = '条码含有若干信息项，请核对';
    summary_en = 'The barcode holds several fields; please confirm them';
  } else if (findings.some((f) => f.kind === 'url')) {
    summary_zh = '条码内容是一个网址，请核对';
    summary_en = 'The barcode holds a web address; please confirm';
  } else {
    summary_zh = '无法确定条码内容的含义，请核对';
    summary_en = 'The meaning of the barcode is unclear; please confirm';
  }
  return { text, findings, needsConfirmation, summary_zh, summary_en };
}
