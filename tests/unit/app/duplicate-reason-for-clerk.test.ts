/** The applicant's reason for filing again on the same basis reaches the clerk's verification (issue 12 item 4). */
import { describe, expect, it } from 'vitest';
import { filedFields } from '../../../src-main/counter/case-fields.js';
import type { FilingRecord } from '../../../src-shared/domain/filing.js';
import { APPLICANT } from '../../support/fixtures.js';

const record = (extra: Partial<FilingRecord> = {}): FilingRecord => ({
  id: '00000000-0000-4000-8000-000000000001',
  provisionalNo: '临-ABCDEF-20261122-0001',
  courtId: 'jiaozuo-shanyang',
  courtCode: '豫0811',
  typeCode: '执',
  submittedAt: '2026-11-22T01:00:00.000Z',
  applicant: APPLICANT,
  respondents: [{ kind: 'person', name: '李四' }],
  basisNumber: '（2026）豫0811民初321号',
  amountFen: 100,
  ...extra,
});

describe('duplicate reason for the clerk', () => {
  it('stands with the basis number the clerk verifies', () => {
    const f = filedFields(record({ duplicate: { reason: 'instalments', of: ['（2026）豫＊＊＊＊执1号'] } }));
    expect(f['basis-number']).toContain('（2026）豫0811民初321号');
    expect(f['basis-number']).toContain('分期履行');
    expect(f['basis-number']).toContain('（2026）豫＊＊＊＊执1号');
  });
  it('is absent for a first application', () => expect(filedFields(record())['basis-number']).toBe('（2026）豫0811民初321号'));
});
