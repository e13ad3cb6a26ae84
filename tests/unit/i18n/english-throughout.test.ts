/**
 * English mode is English throughout (issue 12 item 8). Every English text of the shared code,
 * the services' errors and the applicant's screens is read from the source and must hold no
 * Chinese, except a Chinese term in brackets beside its English (「pre-enforcement supervision
 * (执前督)」, kept for the clerk) and case numbers given as examples. Field messages, which the
 * services make in Chinese only, must all have an English translation.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ROOT } from '../../../src-main/paths.js';
import { fieldMessageEn } from '../../../src-shared/i18n/field-messages-en.js';
import { filingDraftSchema, type FilingDraft } from '../../../src-shared/domain/filing.js';
import { readDraft } from '../../../src-shared/domain/draft-facts.js';
import { parseCaseNumber } from '../../../src-shared/casenum/case-number.js';
import { validateIdNumber } from '../../../src-shared/identity/id-number.js';
import { validateUscc } from '../../../src-shared/identity/uscc.js';
import { STRINGS } from '../../../src-shared/i18n/strings.js';
import { APPLICANT, draft } from '../../support/fixtures.js';

const HAN = /[\u3400-\u9fff]/u;
const CASE_NUMBER = /[（(]\d{4}[）)][\u4e00-\u9fff]{1,2}\d{0,4}[\u4e00-\u9fff]{1,4}\d+号/gu;

/** The Chinese left once bracketed terms, case numbers and interpolations are taken out. */
export function strayChinese(en: string): string | null {
  const rest = en
    .replace(/\$\{[^}]*\}/g, '')
    .replace(CASE_NUMBER, '')
    .replace(/\([^()]*\)|（[^（）]*）/gu, '');
  const m = HAN.exec(rest);
  return m ? rest.slice(Math.max(0, m.index - 10), m.index + 10) : null;
}

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p, ext) : ext.test(n) ? [p] : [];
  });
}

const STR = String.raw`(?:'((?:[^'\\]|\\.)*)'|\x60((?:[^\x60\\]|\\.)*)\x60)`;
/** English texts by the way the code writes them, with where they are. */
function englishTexts(): Array<{ where: string; en: string }> {
  const out: Array<{ where: string; en: string }> = [];
  const patterns: Array<[RegExp, string[]]> = [
    // finding(rule, severity, zh, en, ...)
    [new RegExp(String.raw`finding\(\s*'[^']+',\s*[^,]+,\s*${STR},\s*${STR}`, 'g'), ['src-shared/rules']],
    // { en: '...' }, label_en, title_en, say_en, name_en, message_en, reason_en
    [new RegExp(String.raw`\b(?:en|label_en|title_en|say_en|name_en|message_en|reason_en|summary_en):\s*${STR}`, 'g'), ['src-shared', 'src-main']],
    // ['中文', 'English'] message tables
    [new RegExp(String.raw`\[\s*'[^']*[\u4e00-\u9fff][^']*',\s*${STR}\s*\]`, 'gu'), ['src-shared', 'src-main', 'hardware']],
    // new AppError(code, zh, en) / new HttpError(status, code, zh, en)
    [new RegExp(String.raw`new (?:AppError|HttpError)\([^'\x60]*'[^']*',\s*${STR},\s*${STR}`, 'g'), ['src-main']],
    // l('中文', 'English') on the applicant's screens
    [new RegExp(String.raw`\bl\(\s*${STR},\s*${STR}\s*\)`, 'g'), ['src-renderer/kiosk', 'src-renderer/ui', 'src-renderer/help']],
  ];
  for (const [re, dirs] of patterns) {
    for (const dir of dirs) {
      for (const file of files(join(APP_ROOT, dir), /\.(ts|tsx)$/)) {
        const text = readFileSync(file, 'utf8');
        for (const m of text.matchAll(re)) {
          const groups = m.slice(1).filter((g) => g !== undefined);
          const en = groups.at(-1)!;
          // Only the English of a pair: the one before it must be the Chinese.
          if (re.source.startsWith('\\bl\\(') || re.source.startsWith('finding') || re.source.startsWith('new ')) {
            if (groups.length >= 2 && !HAN.test(groups.at(-2)!)) continue;
          }
          // A list of Chinese codes (['执', '执恢']) is not a message table.
          if (re.source.startsWith('\\[') && !/[A-Za-z]/.test(en)) continue;
          out.push({ where: `${relative(APP_ROOT, file)}:${text.slice(0, m.index).split('\n').length}`, en });
        }
      }
    }
  }
  return out;
}

describe('English mode is English throughout', () => {
  it('finds the English texts it checks', () => {
    expect(englishTexts().length).toBeGreaterThan(300);
  });

  it('has no Chinese in any English text outside bracketed terms and case numbers', () => {
    const bad = englishTexts()
      .map((t) => ({ ...t, stray: strayChinese(t.en) }))
      .filter((t) => t.stray !== null && t.en !== '中文')
      .map((t) => `${t.where}: ${t.en}`);
    expect(bad).toEqual([]);
  });

  it('keeps the Chinese term a clerk uses beside the English', () => {
    expect(strayChinese('pre-enforcement supervision (执前督)')).toBeNull();
    expect(strayChinese('执前督')).not.toBeNull();
    expect(strayChinese('e.g. （2024）豫0811民初123号')).toBeNull();
  });

  it('has English for every screen string', () => {
    for (const [key, v] of Object.entries(STRINGS)) if (key !== 'lang.switch') expect(strayChinese(v.en), key).toBeNull();
  });

  it('translates every field message the services make', () => {
    const bad: FilingDraft[] = [
      draft({ basisNumber: 'x'.repeat(70) }),
      draft({ amountYuan: 'abc' }),
      draft({ amountYuan: '0' }),
      draft({ amountYuan: '1000', performed: { fully: false, amountYuan: '5000' } }),
      draft({ respondents: [{ kind: 'person', name: '', phone: '1'.repeat(30) }] }),
      draft({ respondents: [] }),
      draft({ applicantPhone: 'a\u0001b' }),
      draft({ basis: { kind: 'judgment', effectiveDate: '2026-13-45', hasPaymentContent: true } }),
      draft({ interest: { baseYuan: 'x', ratePercent: 'y', from: '2026-01-01', to: '2025-01-01' } }),
      draft({ costsYuan: '1.234' }),
    ];
    const messages: string[] = [];
    for (const d of bad) {
      const parsed = filingDraftSchema.safeParse(d);
      if (!parsed.success) messages.push(...parsed.error.issues.map((i) => i.message).filter((m) => HAN.test(m)));
      else messages.push(...Object.values(readDraft(parsed.data, APPLICANT).fields));
    }
    for (const input of ['', '(2024)', '2024豫0811民初1号', '(1900)豫0811民初1号', '(2024)X0811民初1号', '(2024)豫0811坏1号', '(2024)豫0811民初01号', '(2024)豫0811民初1', '(2004)豫0811民初字第1号']) {
      const r = parseCaseNumber(input);
      if (!r.ok) messages.push(r.message_zh);
    }
    for (const id of ['', '123', '41081119800101123Y', '99081119800101123X', '41081119801301123X', '410811198001011230']) {
      const r = validateIdNumber(id);
      if (!r.ok) messages.push(r.message_zh);
    }
    for (const code of ['', '123', '91350100M000100YZ!', '91350100M000100Y44']) {
      const r = validateUscc(code);
      if (!r.ok) messages.push(r.message_zh);
    }
    messages.push('被执行人2：身份证号码校验位不正确，请逐位核对');
    expect(messages.length).toBeGreaterThan(20);
    const untranslated = messages.filter((m) => fieldMessageEn(m) === 'Please check this field' || strayChinese(fieldMessageEn(m)) !== null);
    expect(untranslated).toEqual([]);
  });
});
