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

/** A complete first-enforcement draft that passes the rules engine (the kiosk checks at submit). */
export function draft(overrides: Partial<FilingDraft> = {}): FilingDraft {
  return {
    basisNumber: '(2024)豫0811民初123号',
    respondents: [{ kind: 'person', name: '李四', address: '河南省焦作市山阳区示例路2号', phone: '13900000000' }],
    amountYuan: '12345.67',
    applicantPhone: '13800000000',
    basis: { kind: 'judgment', effectiveDate: '2026-06-01', hasPaymentContent: true, content: '被告李四于判决生效后十日内偿还原告借款12345.67元', performanceDue: '2026-06-11' },
    performed: { fully: false },
    payee: { accountName: '张三', bank: '中国银行焦作分行', accountNumber: '6217000000000000018' },
    preEnforcement: { servedByPublicNotice: false, urgent: false, applicantRefuses: true },
    riskAcknowledged: true,
    consent: { kioskFiling: true, personalData: true },
    ...overrides,
  };
}
