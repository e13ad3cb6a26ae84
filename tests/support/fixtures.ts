import type { ApplicantRecord, FilingDraft } from '../../src-shared/domain/filing.js';
import { idCheckChar } from '../../src-shared/identity/id-number.js';

/** A valid ID number for a fictional person born on `birth` (YYYYMMDD). */
export function makeIdNumber(birth = '19800101', seq = '123', region = '410811'): string {
  const first17 = `${region}${birth}${seq}`;
  return first17 + idCheckChar(first17);
}

export const APPLICANT: ApplicantRecord = {
  cardKind: 'resident',
  name: '张三',
  idNumber: makeIdNumber(),
  genderCode: '1',
  birthDate: '19800101',
  address: '河南省焦作市山阳区示例路1号',
};

export function draft(overrides: Partial<FilingDraft> = {}): FilingDraft {
  return {
    basisNumber: '(2024)豫0811民初123号',
    respondents: [{ kind: 'person', name: '李四' }],
    amountYuan: '12345.67',
    ...overrides,
  };
}
