import { describe, expect, it } from 'vitest';
import { AGENT_ID, check, COMPANY_USCC, rulesOf, type Mutate } from './fixtures.js';

interface Case {
  name: string;
  source: string;
  mutate: Mutate;
  court?: string;
  block?: string[];
  warn?: string[];
  info?: string[];
  typeCode?: string | null;
}

const basis = (f: Parameters<Mutate>[0]) => f.basis!;

/** Each row: a seed article, a filing bent to pass, warn or block it, and what must come out. */
const CASES: Case[] = [
  { name: 'a complete first filing passes', source: 'seed 001 art. 7', mutate: () => {}, typeCode: '执' },
  // Five basis checks and the statement (seed 001 art. 7).
  { name: 'not effective', source: 'seed 001 art. 7(1)', mutate: (f) => void (basis(f).effective = false), block: ['basis.effective'] },
  // "不清楚" is an answer (issue 12): the clerk verifies; a blank asks for the date, it does not say "not effective".
  { name: 'effective date not known to the applicant', source: 'seed 001 art. 7(1)', mutate: (f) => void Object.assign(basis(f), { effectiveDate: undefined, effectiveDateUnknown: true }), warn: ['basis.effective-verify'], typeCode: '执' },
  { name: 'effective date left blank', source: 'seed 001 art. 7(1)', mutate: (f) => void Object.assign(basis(f), { effective: false, effectiveDate: undefined }), block: ['basis.effective'] },
  { name: 'effective date in the future', source: 'seed 001 art. 7(1)', mutate: (f) => void (basis(f).effectiveDate = '2026-07-01'), block: ['basis.effective'] },
  { name: 'no payment content', source: 'seed 001 art. 7(2)', mutate: (f) => void (basis(f).hasPaymentContent = false), block: ['basis.payment-content'] },
  { name: 'subject not definite', source: 'seed 001 art. 7(3)', mutate: (f) => void (basis(f).subjectDefinite = false), block: ['basis.definite'] },
  { name: 'respondent not definite', source: 'seed 001 art. 7(3)', mutate: (f) => void (basis(f).respondentDefinite = false), block: ['basis.definite'] },
  { name: 'condition not met', source: 'seed 001 art. 7(4)', mutate: (f) => void (basis(f).condition = { attached: true, met: false }), block: ['basis.condition'] },
  { name: 'condition met', source: 'seed 001 art. 7(4)', mutate: (f) => void (basis(f).condition = { attached: true, met: true }), typeCode: '执' },
  { name: 'performance period runs until today', source: 'seed 001 art. 7(5)', mutate: (f) => void (basis(f).performanceDue = '2026-06-10'), block: ['basis.period-expired'] },
  { name: 'performance period unknown', source: 'seed 001 art. 7(5)', mutate: (f) => void delete basis(f).performanceDue, warn: ['basis.period-expired'] },
  { name: 'no already-performed statement', source: 'seed 001 art. 7', mutate: (f) => void delete f.alreadyPerformed, block: ['basis.performed-statement'] },
  { name: 'partial performance noted', source: 'seed 001 art. 7', mutate: (f) => void (f.alreadyPerformed = { stated: true, fullyPerformed: false, performedFen: 50_000 }), info: ['basis.performed-statement'] },
  { name: 'no basis at all', source: 'seed 001 art. 7', mutate: (f) => void delete f.basis, block: ['basis.present'] },
  // Basis number (seed 002 art. 7(一): the number is verified).
  { name: 'basis number with unknown type code', source: 'seed 002 art. 7(一)', mutate: (f) => void (basis(f).number = '（2025）豫0811民速1号'), block: ['basis.number'] },
  { name: 'basis number is an enforcement number', source: 'seed 002 art. 7(一)', mutate: (f) => void (basis(f).number = '（2025）豫0811执1号'), block: ['basis.number'] },
  { name: 'legacy basis number', source: 'seed 002 art. 7(一)', mutate: (f) => void (basis(f).number = '（2014）焦山民初字第12号'), warn: ['basis.number'] },
  { name: 'arbitration award number is free text', source: 'seed 002 art. 7(一)', mutate: (f) => void Object.assign(basis(f), { kind: 'arbitration-award', number: '焦仲裁字〔2025〕第12号' }), typeCode: '执' },
  // Two-year period: warn, never block (CPL art. 250; seed 000 art. 16(5)).
  { name: 'application period passed', source: 'CPL art. 250', mutate: (f) => void (basis(f).performanceDue = '2024-06-01'), warn: ['basis.application-period'], typeCode: '执' },
  // Never file (seed 001 art. 10).
  { name: 'fee refund', source: 'seed 001 art. 10(1)', mutate: (f) => void (f.matter = 'fee-refund'), block: ['never-file'] },
  { name: 'entrusted assistance', source: 'seed 001 art. 10(2)', mutate: (f) => void (f.matter = 'entrusted-assistance'), block: ['never-file'] },
  { name: 'lifting preservation', source: 'seed 001 art. 10(3)', mutate: (f) => void (f.matter = 'lift-preservation'), block: ['never-file'] },
  { name: 'fully performed before filing', source: 'seed 001 art. 10(4)', mutate: (f) => void (f.alreadyPerformed = { stated: true, fullyPerformed: true }), block: ['never-file'] },
  { name: 'no case needed', source: 'seed 001 art. 10(5)', mutate: (f) => void (f.matter = 'no-case-needed'), block: ['never-file'] },
  // Separate bases (seed 001 art. 11).
  { name: 'two basis documents in one filing', source: 'seed 001 art. 11', mutate: (f) => void (f.additionalBasisNumbers = ['（2025）豫0811民初2000号']), block: ['separate-bases'] },
  { name: 'same document repeated in another form', source: 'seed 001 art. 11', mutate: (f) => void (f.additionalBasisNumbers = ['(2025)豫0811民初1024号']), typeCode: '执' },
  { name: 'merge allowed by law', source: 'seed 001 art. 11', mutate: (f) => void Object.assign(f, { additionalBasisNumbers: ['（2025）豫0811民初2000号'], mergeAllowedByLaw: true }), warn: ['separate-bases'] },
  // No splitting and its four exceptions (seed 000 art. 14).
  { name: 'split without exception', source: 'seed 000 art. 14', mutate: (f) => void (f.split = { partOfLargerClaim: true }), block: ['no-splitting'] },
  { name: 'due instalments', source: 'seed 000 art. 14(1)', mutate: (f) => void (f.split = { partOfLargerClaim: true, exception: 'instalments', instalmentsDue: true }), info: ['no-splitting'] },
  { name: 'instalments not due', source: 'seed 000 art. 14(1)', mutate: (f) => void (f.split = { partOfLargerClaim: true, exception: 'instalments', instalmentsDue: false }), block: ['no-splitting'] },
  { name: 'several debtors with definite shares', source: 'seed 000 art. 14(2)', mutate: (f) => void (f.split = { partOfLargerClaim: true, exception: 'several-debtors', sharesDefinite: true }), typeCode: '执' },
  { name: 'several debtors, joint debt', source: 'seed 000 art. 14(2)', mutate: (f) => void (f.split = { partOfLargerClaim: true, exception: 'several-debtors', sharesDefinite: false }), block: ['no-splitting'] },
  { name: 'several creditors, shares not definite', source: 'seed 000 art. 14(3)', mutate: (f) => void (f.split = { partOfLargerClaim: true, exception: 'several-creditors' }), block: ['no-splitting'] },
  { name: 'maintenance accrued only', source: 'seed 000 art. 14(4)', mutate: (f) => void (f.split = { partOfLargerClaim: true, exception: 'maintenance', accruedOnly: true }), info: ['no-splitting'] },
  { name: 'maintenance including future amounts', source: 'seed 000 art. 14(4)', mutate: (f) => void (f.split = { partOfLargerClaim: true, exception: 'maintenance', accruedOnly: false }), block: ['no-splitting'] },
  // Resumed enforcement (seed 000 art. 13).
  ...(['settlement-fraud-duress', 'settlement-not-performed', 'terminated-property-found', 'entrustment-returned', 'cpl-257-conditions-met'] as const).map(
    (g, i): Case => ({ name: `resumed on ground ${i + 1}`, source: `seed 000 art. 13(${i + 1})`, mutate: (f) => void (f.application = { kind: 'resumed', grounds: [g], priorCaseNumber: '（2024）豫0811执88号' }), typeCode: '执恢' }),
  ),
  { name: 'resumed without ground', source: 'seed 000 art. 13', mutate: (f) => void (f.application = { kind: 'resumed', priorCaseNumber: '（2024）豫0811执88号' }), block: ['grounds.missing'] },
  { name: 'resumed with an objection ground', source: 'seed 000 art. 13', mutate: (f) => void (f.application = { kind: 'resumed', grounds: ['jurisdiction'], priorCaseNumber: '（2024）豫0811执88号' }), block: ['grounds.wrong-kind'] },
  { name: 'resumed without prior case', source: 'seed 000 art. 13', mutate: (f) => void (f.application = { kind: 'resumed', grounds: ['settlement-not-performed'] }), block: ['prior-case.missing'] },
  { name: 'resumed from a review case', source: 'seed 000 art. 13', mutate: (f) => void (f.application = { kind: 'resumed', grounds: ['settlement-not-performed'], priorCaseNumber: '（2024）豫0811执异8号' }), block: ['prior-case.not-implementation'] },
  // Review classes (seed 000 art. 16-20) and the court's type table (seed 000 art. 11).
  ...(['act-unlawful', 'third-party-claim', 'jurisdiction', 'add-change-respondent', 'substantive-bar', 'non-enforcement-award-or-notarial', 'other-objection'] as const).map(
    (g, i): Case => ({ name: `objection on ground ${i + 1}`, source: `seed 000 art. 16(${i + 1})`, mutate: (f) => void (f.application = { kind: 'objection', grounds: [g], priorCaseNumber: '（2025）豫0811执10号' }), typeCode: '执异' }),
  ),
  { name: 'objection without ground', source: 'seed 000 art. 16', mutate: (f) => void (f.application = { kind: 'objection', priorCaseNumber: '（2025）豫0811执10号' }), block: ['grounds.missing'] },
  { name: 'objection without case number', source: 'seed 000 art. 16', mutate: (f) => void (f.application = { kind: 'objection', grounds: ['act-unlawful'] }), warn: ['prior-case.missing'], typeCode: '执异' },
  { name: 'reconsideration at a basic court', source: 'seed 000 art. 11, 17', mutate: (f) => void (f.application = { kind: 'reconsideration', grounds: ['ruling-on-act-jurisdiction-bar'] }), block: ['type.not-in-table'], typeCode: null },
  { name: 'reconsideration at an intermediate court', source: 'seed 000 art. 17(1)', court: 'shangqiu-zy', mutate: (f) => void (f.application = { kind: 'reconsideration', grounds: ['ruling-on-act-jurisdiction-bar'], priorCaseNumber: '（2025）豫1402执异3号' }), typeCode: '执复' },
  { name: 'reconsideration of a spouse-debt addition', source: 'seed 000 art. 17(2)', court: 'shangqiu-zy', mutate: (f) => void (f.application = { kind: 'reconsideration', grounds: ['ruling-on-add-change'], addChangeCause: 'spouse-joint-debt', priorCaseNumber: '（2025）豫1402执异3号' }), block: ['grounds.add-change-excluded'] },
  { name: 'supervision', source: 'seed 000 art. 18', court: 'daqing-zy', mutate: (f) => void (f.application = { kind: 'supervision', grounds: ['higher-court-supervision'] }), typeCode: '执监' },
  { name: 'request', source: 'seed 000 art. 19(2)', court: 'daqing-zy', mutate: (f) => void (f.application = { kind: 'request', grounds: ['lower-court-request'] }), typeCode: '执请' },
  { name: 'coordination', source: 'seed 000 art. 20(5)', court: 'daqing-zy', mutate: (f) => void (f.application = { kind: 'coordination', grounds: ['cross-province-dispute'] }), typeCode: '执协' },
  { name: 'preservation', source: 'seed 000 art. 12', mutate: (f) => void Object.assign(f, { application: { kind: 'preservation' }, basis: { ...basis(f), number: '（2026）豫0811财保3号', kind: 'preservation-ruling' } }), typeCode: '执保' },
  { name: 'preservation on a judgment', source: 'seed 000 art. 12', mutate: (f) => void (f.application = { kind: 'preservation' }), warn: ['preservation.basis-kind'], typeCode: '执保' },
  { name: 'other matters have no code here', source: 'seed 000 art. 11', mutate: (f) => void (f.application = { kind: 'other' }), block: ['type.not-in-table'], typeCode: null },
  // 执前督 (seed 001 art. 25): only where the court's table has it.
  { name: '执前督 when eligible and not refused', source: 'seed 001 art. 25', mutate: (f) => void (f.preEnforcement = { servedByPublicNotice: false, urgent: false, applicantRefuses: false }), info: ['pre-enforcement.eligible'], typeCode: '执前督' },
  { name: 'no 执前督 when served by public notice', source: 'seed 001 art. 25', mutate: (f) => void (f.preEnforcement = { servedByPublicNotice: true, urgent: false, applicantRefuses: false }), info: ['pre-enforcement.ineligible'], typeCode: '执' },
  { name: 'no 执前督 when urgent', source: 'seed 001 art. 25', mutate: (f) => void (f.preEnforcement = { servedByPublicNotice: false, urgent: true, applicantRefuses: false }), info: ['pre-enforcement.ineligible'], typeCode: '执' },
  { name: 'no 执前督 when the applicant refuses', source: 'seed 001 art. 25', mutate: () => {}, info: ['pre-enforcement.refused'], typeCode: '执' },
  { name: 'ask about 执前督 when facts are missing', source: 'seed 001 art. 25', mutate: (f) => void delete f.preEnforcement, info: ['pre-enforcement.ask'], typeCode: '执' },
  { name: 'no 执前督 at a court without it', source: 'seed 000 art. 11', court: 'wuzhi', mutate: (f) => void (f.preEnforcement = { servedByPublicNotice: false, urgent: false, applicantRefuses: false }), typeCode: '执' },
  // Parties (seed 001 art. 6) with GB 11643 and GB 32100 checks.
  { name: 'applicant ID check digit wrong', source: 'GB 11643; seed 001 art. 6', mutate: (f) => void (f.applicants[0]!.idNumber = '410811198001011230'), block: ['party.id-number'] },
  { name: 'applicant without ID number', source: 'seed 001 art. 6', mutate: (f) => void delete f.applicants[0]!.idNumber, block: ['party.id-missing'] },
  { name: 'company applicant with valid USCC', source: 'GB 32100; seed 001 art. 6', mutate: (f) => void Object.assign(f, { applicants: [{ kind: 'company', name: '某公司', idNumber: COMPANY_USCC, address: '某地', phone: '03913000000' }], payeeAccount: { accountName: '某公司', bank: '某行', accountNumber: '41000000000000' } }), typeCode: '执' },
  { name: 'company respondent with wrong USCC', source: 'GB 32100; seed 001 art. 6', mutate: (f) => void (f.respondents = [{ kind: 'company', name: '某公司', idNumber: '91350100M000100Y44' }]), block: ['party.uscc'] },
  { name: 'respondent without ID number', source: 'seed 001 art. 6', mutate: (f) => void delete f.respondents[0]!.idNumber, warn: ['party.id-missing'], typeCode: '执' },
  { name: 'no respondent', source: 'seed 001 art. 6', mutate: (f) => void (f.respondents = []), block: ['parties.respondents'] },
  { name: 'no applicant', source: 'seed 001 art. 6', mutate: (f) => void (f.applicants = []), block: ['parties.applicants'] },
  { name: 'applicant without phone', source: 'seed 001 art. 6', mutate: (f) => void delete f.applicants[0]!.phone, block: ['party.phone'] },
  { name: 'applicant phone malformed', source: 'seed 001 art. 6', mutate: (f) => void (f.applicants[0]!.phone = '12'), warn: ['party.phone'] },
  { name: 'agent with own data', source: 'seed 001 art. 6', mutate: (f) => void (f.agent = { kind: 'person', name: '王律师', idNumber: AGENT_ID, address: '焦作市某律所', phone: '13900000002' }), typeCode: '执' },
  { name: 'agent without address', source: 'seed 001 art. 6', mutate: (f) => void (f.agent = { kind: 'person', name: '王律师', idNumber: AGENT_ID, phone: '13900000002' }), block: ['party.address'] },
  { name: 'agent phone stands in for the principal', source: 'seed 001 art. 6', mutate: (f) => void (f.agent = { kind: 'person', name: '王律师', idNumber: AGENT_ID, address: '焦作市某律所', phone: '138 0000 0001' }), block: ['agent.substitution'] },
  { name: 'agent address same as the principal', source: 'seed 001 art. 6', mutate: (f) => void (f.agent = { kind: 'person', name: '王某', idNumber: AGENT_ID, address: '焦作市山阳区某路1号', phone: '13900000002' }), warn: ['agent.substitution'] },
  // Payee account (seed 001 art. 6) and claim.
  { name: 'money claim without payee account', source: 'seed 001 art. 6', mutate: (f) => void delete f.payeeAccount, block: ['payee.account'] },
  { name: 'non-money claim needs no account', source: 'seed 001 art. 6', mutate: (f) => void Object.assign(f, { claim: { kind: 'non-money', description: '腾退房屋' }, payeeAccount: undefined }), typeCode: '执' },
  { name: 'account number malformed', source: 'seed 001 art. 6', mutate: (f) => void (f.payeeAccount!.accountNumber = '62-17X'), block: ['payee.account'] },
  { name: 'account held by someone else', source: 'seed 001 art. 6', mutate: (f) => void (f.payeeAccount!.accountName = '王律师'), warn: ['payee.account-holder'] },
  { name: 'money claim without amount', source: 'seed 002 art. 7(一)', mutate: (f) => void (f.claim = { kind: 'money' }), block: ['claim.amount'] },
  // Court notices from the profiles.
  { name: 'Jianli resumption of a 终本 case needs approval', source: 'seed 004 group 1 §1', court: 'jianli', mutate: (f) => void (f.application = { kind: 'resumed', grounds: ['terminated-property-found'], priorCaseNumber: '（2024）鄂1023执5号' }), warn: ['notice.resume-approval'], typeCode: '执恢' },
  { name: 'Daqing kiosk consent', source: 'seed 000 art. 5', court: 'daqing-zy', mutate: () => {}, info: ['notice.kiosk-consent'], typeCode: '执' },
];

describe('checkFiling rule table', () => {
  it.each(CASES.map((c) => [`${c.source}: ${c.name}`, c] as const))('%s', (_label, c) => {
    const r = check(c.mutate, c.court);
    expect(r.valid).toBe(true);
    for (const rule of c.block ?? []) expect(rulesOf(r, 'block')).toContain(rule);
    for (const rule of c.warn ?? []) expect(rulesOf(r, 'warn')).toContain(rule);
    for (const rule of c.info ?? []) expect(rulesOf(r, 'info')).toContain(rule);
    if (!c.block) expect(rulesOf(r, 'block')).toEqual([]);
    expect(r.ok).toBe(!c.block && c.typeCode !== null);
    if (c.typeCode !== undefined) expect(r.typeCode).toBe(c.typeCode);
    for (const f of r.findings) {
      expect(f.message_zh.length).toBeGreaterThan(0);
      expect(f.message_en.length).toBeGreaterThan(0);
      expect(f.source.length).toBeGreaterThan(0);
    }
  });

  it('no finding message carries a personal ID number or name', () => {
    for (const c of CASES) {
      const text = JSON.stringify(check(c.mutate, c.court).findings);
      expect(text).not.toMatch(/\d{17}[\dX]/);
      expect(text).not.toMatch(/张三|李四|王律师/);
    }
  });
});
