/** A filing that passes every check at every seed court, and helpers to bend it. */
import { idCheckChar } from '../../../src-shared/identity/id-number.js';
import type { FilingFactsInput } from '../../../src-shared/rules/filing-facts.js';
import { checkFiling, type CheckResult } from '../../../src-shared/rules/check-filing.js';
import { findCourt } from '../../../src-shared/courts/court-profile.js';

export const NOW = new Date('2026-06-10T02:00:00Z'); // Wednesday 10:00 in China

export const idNumber = (first17: string): string => first17 + idCheckChar(first17);
export const APPLICANT_ID = idNumber('41081119800101123');
export const RESPONDENT_ID = idNumber('41082319750505201');
export const AGENT_ID = idNumber('41080019900909303');
export const COMPANY_USCC = '91350100M000100Y43';

export function baseFiling(): FilingFactsInput {
  return {
    application: { kind: 'first' },
    applicants: [{ kind: 'person', name: '张三', idNumber: APPLICANT_ID, address: '焦作市山阳区某路1号', phone: '13800000001' }],
    respondents: [{ kind: 'person', name: '李四', idNumber: RESPONDENT_ID, address: '武陟县某村' }],
    basis: {
      number: '（2025）豫0811民初1024号',
      kind: 'judgment',
      effective: true,
      effectiveDate: '2025-12-01',
      hasPaymentContent: true,
      subjectDefinite: true,
      respondentDefinite: true,
      performanceDue: '2025-12-11',
    },
    alreadyPerformed: { stated: true, fullyPerformed: false },
    claim: { kind: 'money', amountFen: 2_000_000 },
    payeeAccount: { accountName: '张三', bank: '中国银行焦作分行', accountNumber: '6217000000000000001' },
    preEnforcement: { servedByPublicNotice: false, urgent: false, applicantRefuses: true },
  };
}

export type Mutate = (f: FilingFactsInput & Record<string, unknown>) => void;

export function check(mutate: Mutate = () => {}, courtId = 'jiaozuo-shanyang', now = NOW): CheckResult {
  const f = baseFiling() as FilingFactsInput & Record<string, unknown>;
  mutate(f);
  return checkFiling(f, findCourt(courtId)!, { now });
}

export const rulesOf = (r: CheckResult, severity: 'block' | 'warn' | 'info') => r.findings.filter((f) => f.severity === severity).map((f) => f.rule);
