/**
 * Answers an applicant gives by touch (issue 12): "不清楚" for the effective date goes to the
 * clerk instead of blocking, and interest 至实际清偿之日止 is counted to today in China and kept
 * in the facts the central checks again.
 */
import { describe, expect, it } from 'vitest';
import { readDraft } from '../../../src-shared/domain/draft-facts.js';
import { filingDraftSchema, handoverDraftSchema } from '../../../src-shared/domain/filing.js';
import { filingFactsSchema } from '../../../src-shared/rules/filing-facts.js';
import { checkFiling } from '../../../src-shared/rules/check-filing.js';
import { findCourt } from '../../../src-shared/courts/court-profile.js';
import { APPLICANT, draft } from '../../support/fixtures.js';

const COURT = findCourt('jiaozuo-shanyang')!;
// 2026-12-03 07:30 in China is still 2026-12-02 in UTC: the day must be China's.
const NOW = new Date('2026-12-02T23:30:00Z');
const basis = { kind: 'judgment' as const, hasPaymentContent: true, performanceDue: '2026-06-11' };

function checked(overrides: Parameters<typeof draft>[0]) {
  const reading = readDraft(filingDraftSchema.parse(draft(overrides)), APPLICANT, NOW);
  return { reading, result: checkFiling(filingFactsSchema.parse(reading.facts), COURT, { now: NOW }) };
}

describe('effective date by touch', () => {
  it('takes "不清楚" as an answer: a warning for the clerk, not a block', () => {
    const { reading, result } = checked({ basis: { ...basis, effectiveDateUnknown: true } });
    expect(reading.facts.basis?.effectiveDateUnknown).toBe(true);
    expect(result.ok).toBe(true);
    const f = result.findings.find((x) => x.rule === 'basis.effective-verify');
    expect(f?.severity).toBe('warn');
    expect(f?.message_zh).toContain('工作人员核对');
  });

  it('asks for a blank date instead of saying the document is not effective', () => {
    const { result } = checked({ basis });
    const f = result.findings.find((x) => x.rule === 'basis.effective');
    expect(f?.severity).toBe('block');
    expect(f?.path).toBe('basis.effectiveDate');
    expect(f?.message_zh).not.toContain('尚未发生法律效力');
    expect(f?.message_zh).toContain('不清楚');
  });
});

describe('interest until actually paid', () => {
  it('counts to today in China, says so in the facts, and the central schema reads them', () => {
    const { reading, result } = checked({ amountYuan: '50000', interest: { baseYuan: '50000', ratePercent: '3.65', from: '2026-06-12', untilPaid: true } });
    // 2026-06-12 to 2026-12-03: 174 days at 3.65 % on 50,000 yuan = 870.00 yuan.
    expect(reading.money?.interestFen).toBe(87_000);
    expect(reading.facts.interest).toEqual({ ratePercent: '3.65', from: '2026-06-12', untilPaid: true, countedTo: '2026-12-03', interestFen: 87_000 });
    expect(result.ok).toBe(true);
  });

  it('still takes a fixed end date, and refuses neither an end date nor "until paid"', () => {
    const { reading } = checked({ interest: { baseYuan: '100', ratePercent: '3.65', from: '2026-06-12', to: '2026-06-22' } });
    expect(reading.facts.interest).toMatchObject({ untilPaid: false, to: '2026-06-22', countedTo: '2026-06-22' });
    expect(filingDraftSchema.safeParse(draft({ interest: { baseYuan: '100', ratePercent: '3.65', from: '2026-06-12' } })).success).toBe(false);
  });
});

describe('hand-over to the counter', () => {
  it('takes the answers as far as they go: no case number, no amount, a blank respondent, half an interest answer', () => {
    const half = { ...draft(), basisNumber: '', amountYuan: '', respondents: [{ kind: 'person' as const, name: '' }], interest: { baseYuan: '1', ratePercent: '', from: '' } };
    expect(filingDraftSchema.safeParse(half).success).toBe(false);
    const r = handoverDraftSchema.parse(half);
    expect(r.basisNumber).toBe('');
    expect(r.interest).toBeUndefined();
  });
});
