/** Issue 14 item 1: a correction is typed by its field, and applies to the record by type. */
import { describe, expect, it } from 'vitest';
import { applyCorrected, correctionText, mergeCorrection, parseFieldCorrection } from '../../../src-shared/domain/field-correction.js';
import type { FilingRecord } from '../../../src-shared/domain/filing.js';

describe('typed corrections', () => {
  it('takes an amount only as yuan', () => {
    expect(parseFieldCorrection('amount', '7,500.00 元')).toEqual({ ok: true, correction: { field: 'amount', amountFen: 750_000 } });
    for (const bad of ['abc', '', '0', '-1', '7500.001']) expect(parseFieldCorrection('amount', bad).ok, bad).toBe(false);
  });

  it('takes a basis number only through the case-number parser, in its canonical form', () => {
    const r = parseFieldCorrection('basis-number', '(2024)豫0811民初123号');
    expect(r).toEqual({ ok: true, correction: { field: 'basis-number', basisNumber: '（2024）豫0811民初123号' } });
    expect(parseFieldCorrection('basis-number', '豫0811民初123').ok).toBe(false);
  });

  it('takes a date only as a calendar date, and a kind only from the list', () => {
    expect(parseFieldCorrection('basis-content', '被告偿还借款', '2026-02-30').ok).toBe(false);
    expect(parseFieldCorrection('basis-content', '被告偿还借款', '2026-02-28')).toEqual({ ok: true, correction: { field: 'basis-content', content: '被告偿还借款', effectiveDate: '2026-02-28' } });
    expect(parseFieldCorrection('subject-kind', 'house').ok).toBe(false);
    expect(parseFieldCorrection('subject-kind', '金钱给付')).toEqual({ ok: true, correction: { field: 'subject-kind', claimKind: 'money' } });
  });

  it('applies the corrected values to a record and says them as the clerk reads them', () => {
    const record = { amountFen: 800_000, basisNumber: '（2024）豫0811民初1号', facts: { claim: { kind: 'money', amountFen: 800_000 }, basis: { effectiveDate: '2026-01-01' } } } as unknown as FilingRecord;
    const v = mergeCorrection(mergeCorrection({}, { field: 'amount', amountFen: 750_000 }), { field: 'basis-content', content: '偿还借款7500元', effectiveDate: '2026-01-05' });
    const out = applyCorrected(record, v);
    expect(out.amountFen).toBe(750_000);
    expect(out.basisContent).toBe('偿还借款7500元');
    expect(out.facts).toEqual({ claim: { kind: 'money', amountFen: 750_000 }, basis: { effectiveDate: '2026-01-05', content: '偿还借款7500元' } });
    expect(out.basisNumber).toBe('（2024）豫0811民初1号');
    expect(correctionText({ field: 'amount', amountFen: 750_000 })).toBe('7,500.00 元');
  });
});
