/**
 * Issue 12 item 9: what an applicant gets instead of a wrong or technical message. A huge
 * amount is a question, more paid than owed is a question about that field, a phone of letters
 * is refused, and a basis from another court's area gets a jurisdiction notice naming the court.
 */
import { describe, expect, it } from 'vitest';
import { filingDraftSchema, type FilingDraft } from '../../../src-shared/domain/filing.js';
import { readDraft } from '../../../src-shared/domain/draft-facts.js';
import { parseYuan } from '../../../src-shared/domain/money.js';
import { checkFiling } from '../../../src-shared/rules/check-filing.js';
import { findCourt } from '../../../src-shared/courts/court-profile.js';
import { APPLICANT, draft } from '../../support/fixtures.js';

const NOW = new Date('2026-11-23T02:00:00Z');
function check(overrides: Partial<FilingDraft>, courtId = 'jiaozuo-shanyang') {
  const reading = readDraft(filingDraftSchema.parse(draft(overrides)), APPLICANT);
  const r = checkFiling(reading.facts, findCourt(courtId)!, { now: NOW });
  return { fields: reading.fields, findings: r.findings, ok: r.ok };
}
const messages = (c: ReturnType<typeof check>) => [...Object.values(c.fields), ...c.findings.map((f) => f.message_zh)];

describe('amounts get a clear question', () => {
  it('reads ¥ and 元 as people write them', () => {
    expect(parseYuan('¥999,999,999,999.99')).toEqual({ ok: true, fen: 99_999_999_999_999 });
    expect(parseYuan('1234.5元')).toEqual({ ok: true, fen: 123_450 });
    expect(parseYuan('人民币 100')).toEqual({ ok: true, fen: 10_000 });
  });

  it('asks about ¥999,999,999,999.99 instead of saying the amount is missing', () => {
    const c = check({ amountYuan: '¥999,999,999,999.99' });
    expect(messages(c)).not.toContain('请填写申请执行金额');
    const q = c.findings.find((f) => f.rule === 'claim.amount-large');
    expect(q).toMatchObject({ severity: 'warn', path: 'claim.amountFen' });
    expect(q!.message_zh).toContain('999,999,999,999.99');
    expect(q!.message_zh).toMatch(/多输了数字/);
  });

  it('asks about a repayment larger than the claim, beside the repayment field', () => {
    const c = check({ amountYuan: '1000', performed: { fully: false, amountYuan: '5000' } });
    expect(messages(c)).not.toContain('请填写申请执行金额');
    expect(c.fields['performed.amountYuan']).toMatch(/已履行金额（5,000.00元）比应付的总额（1,000.00元）还多/);
    expect(c.ok).toBe(false);
  });

  it('still says so when no amount was given', () => {
    expect(messages(check({ amountYuan: 'x' }))).toContain('请填写申请执行金额');
  });
});

describe('phones of letters are refused', () => {
  it('refuses a respondent phone "abc"', () => {
    const c = check({ respondents: [{ kind: 'person', name: '李四', address: '河南省焦作市山阳区示例路2号', phone: 'abc' }] });
    expect(c.ok).toBe(false);
    expect(c.findings.find((f) => f.path === 'respondents.0.phone')).toMatchObject({ severity: 'block', message_zh: expect.stringContaining('只能填数字') });
  });
  it('refuses the applicant phone "abc" too, and lets a landline with dashes through', () => {
    expect(check({ applicantPhone: 'abc' }).findings.some((f) => f.path === 'applicants.0.phone' && f.severity === 'block')).toBe(true);
    expect(check({ applicantPhone: '0391-1234567' }).findings.some((f) => f.rule === 'party.phone')).toBe(false);
  });
});

describe('jurisdiction notice (执行管辖)', () => {
  it('names the court that issued a basis from another court area, as a warning', () => {
    const c = check({ basisNumber: '(2024)豫0811民初123号' }, 'wuzhi');
    const n = c.findings.find((f) => f.rule === 'basis.jurisdiction');
    expect(n).toMatchObject({ severity: 'warn', path: 'basis.number', source: expect.stringContaining('seed 000') });
    expect(n!.message_zh).toContain('请向焦作市山阳区人民法院申请执行');
    expect(n!.message_zh).toContain('本院（武陟县人民法院）可能没有管辖权');
    expect(c.ok).toBe(true);
  });
  it('describes a court it has no profile for by province and code', () => {
    const n = check({ basisNumber: '(2024)京0105民初123号' }).findings.find((f) => f.rule === 'basis.jurisdiction');
    expect(n!.message_zh).toContain('北京市的一家基层人民法院');
    expect(n!.message_zh).toContain('京0105');
  });
  it('says nothing for this court’s own judgment, or an appeal from the court above it', () => {
    expect(check({ basisNumber: '(2024)豫0811民初123号' }).findings.some((f) => f.rule === 'basis.jurisdiction')).toBe(false);
    expect(check({ basisNumber: '(2025)豫08民终45号' }).findings.some((f) => f.rule === 'basis.jurisdiction')).toBe(false);
  });
});
