/** The clerk verifying a basis number sees what the applicant wrote and whether it is a pre-2016 number. */
import { describe, expect, it } from 'vitest';
import { filedFields } from '../../../src-main/counter/case-fields.js';
import type { FilingRecord } from '../../../src-shared/domain/filing.js';
import { APPLICANT } from '../../support/fixtures.js';

const record = (extra: Partial<FilingRecord>): FilingRecord => ({
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

describe('basis number at the counter', () => {
  it('shows the number as written beside the canonical one', () => {
    const f = filedFields(record({ basisNumberAsWritten: '〔2026〕豫0811民初321号' }));
    expect(f['basis-number'].split('\n')).toEqual(['（2026）豫0811民初321号', '申请人原写作：〔2026〕豫0811民初321号']);
  });

  it('flags a pre-2016 number for checking against the document', () => {
    const f = filedFields(record({ basisNumber: '（2013）郑民一初字第123号' }));
    expect(f['basis-number']).toContain('2016年以前的旧式案号，请核对原件');
  });
});
