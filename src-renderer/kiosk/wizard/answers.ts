/**
 * Everything the applicant answered, as plain strings and flags, so it can be saved as a draft,
 * resumed, and wiped by dropping one object. `toDraft` turns it into the contract's draft.
 */
import type { FilingDraft, DocumentKind } from '../../../src-shared/domain/filing.js';
import type { BasisKind } from '../../../src-shared/courts/routing-types.js';

export type Filer = 'self' | 'agent' | 'company';
export type AppKind = 'first' | 'resumed' | 'objection';
export type Matter = 'enforcement' | 'fee-refund' | 'entrusted-assistance' | 'lift-preservation' | 'no-case-needed';

export interface PartyAnswers {
  kind: 'person' | 'company';
  name: string;
  idNumber: string;
  legalRep: string;
  address: string;
  phone: string;
}

export interface DocumentThumb {
  id: string;
  kind: DocumentKind;
  thumb: string;
}

export interface Answers {
  consentKiosk: boolean;
  consentData: boolean;
  filer: Filer;
  phone: string;
  /** Progress SMS to `phone` (issue 14 point 6): the applicant's own choice, never preset. */
  progressSms: '' | 'yes' | 'no';
  address: string;
  principal: PartyAnswers;
  company: PartyAnswers;
  matter: Matter;
  appKind: AppKind;
  grounds: string[];
  priorCaseNumber: string;
  basisNumber: string;
  /** How the basis number arrived: typed, or read from a barcode (then the applicant confirms). */
  basisSource: 'typed' | 'scanner' | 'camera';
  basisKind: BasisKind;
  effectiveDate: string;
  /** "不清楚": the applicant does not know when the basis took effect; the clerk checks it. */
  effectiveDateUnknown: boolean;
  content: string;
  hasPaymentContent: boolean;
  conditionAttached: boolean;
  conditionMet: boolean;
  performanceDue: string;
  performanceDueUnknown: boolean;
  /** Other effective documents the applicant wanted to add (each is its own case, 001:11). */
  otherBasis: string;
  respondents: PartyAnswers[];
  sharesDefinite: '' | 'yes' | 'no';
  principalYuan: string;
  interestOn: boolean;
  interestBase: string;
  interestRate: string;
  interestFrom: string;
  interestTo: string;
  /** Interest runs 至实际清偿之日止 (until paid), as most judgments say: no end date. */
  interestUntilPaid: boolean;
  costsYuan: string;
  performed: 'none' | 'part' | 'full';
  performedYuan: string;
  payeeName: string;
  payeeBank: string;
  payeeAccount: string;
  clues: Array<{ kind: 'bank' | 'real-estate' | 'vehicle' | 'shares' | 'receivable' | 'other'; description: string }>;
  documents: DocumentThumb[];
  riskAck: boolean;
  preChoice: 'accept' | 'refuse';
  servedByPublicNotice: boolean;
  urgent: boolean;
}

export const emptyParty = (kind: 'person' | 'company' = 'person'): PartyAnswers => ({ kind, name: '', idNumber: '', legalRep: '', address: '', phone: '' });

export function emptyAnswers(filer: Filer = 'self'): Answers {
  return {
    consentKiosk: false,
    consentData: false,
    filer,
    phone: '',
    progressSms: '',
    address: '',
    principal: emptyParty('person'),
    company: emptyParty('company'),
    matter: 'enforcement',
    appKind: 'first',
    grounds: [],
    priorCaseNumber: '',
    basisNumber: '',
    basisSource: 'typed',
    basisKind: 'judgment',
    effectiveDate: '',
    effectiveDateUnknown: false,
    content: '',
    hasPaymentContent: true,
    conditionAttached: false,
    conditionMet: false,
    performanceDue: '',
    performanceDueUnknown: false,
    otherBasis: '',
    respondents: [emptyParty('person')],
    sharesDefinite: '',
    principalYuan: '',
    interestOn: false,
    interestBase: '',
    interestRate: '',
    interestFrom: '',
    interestTo: '',
    interestUntilPaid: false,
    costsYuan: '',
    performed: 'none',
    performedYuan: '',
    payeeName: '',
    payeeBank: '',
    payeeAccount: '',
    clues: [],
    documents: [],
    riskAck: false,
    preChoice: 'refuse',
    servedByPublicNotice: false,
    urgent: false,
  };
}

const opt = (s: string) => (s.trim() ? s.trim() : undefined);

function party(p: PartyAnswers) {
  return { kind: p.kind, name: p.name.trim(), idNumber: p.idNumber.trim().toUpperCase(), address: p.address.trim(), phone: p.phone.trim(), ...(opt(p.legalRep) ? { legalRep: p.legalRep.trim() } : {}) };
}

export function toDraft(a: Answers, signatureId: string | null = null): FilingDraft {
  const d: FilingDraft = {
    basisNumber: a.basisNumber,
    respondents: a.respondents.map((r) => ({
      kind: r.kind,
      name: r.name.trim(),
      ...(opt(r.idNumber) ? { idNumber: r.idNumber.trim().toUpperCase() } : {}),
      ...(opt(r.address) ? { address: r.address.trim() } : {}),
      ...(opt(r.phone) ? { phone: r.phone.trim() } : {}),
      ...(opt(r.legalRep) ? { legalRep: r.legalRep.trim() } : {}),
    })),
    amountYuan: a.principalYuan,
    filer: a.filer,
    matter: a.matter,
    application: { kind: a.appKind, grounds: a.appKind === 'first' ? [] : a.grounds, ...(a.appKind !== 'first' && opt(a.priorCaseNumber) ? { priorCaseNumber: a.priorCaseNumber.trim() } : {}) },
    basis: {
      kind: a.basisKind,
      hasPaymentContent: a.hasPaymentContent,
      conditionAttached: a.conditionAttached,
      conditionMet: a.conditionMet,
      ...(opt(a.effectiveDate) ? { effectiveDate: a.effectiveDate } : a.effectiveDateUnknown ? { effectiveDateUnknown: true } : {}),
      ...(opt(a.content) ? { content: a.content.trim() } : {}),
      ...(opt(a.performanceDue) ? { performanceDue: a.performanceDue } : {}),
    },
    performed: { fully: a.performed === 'full', ...(a.performed === 'part' && opt(a.performedYuan) ? { amountYuan: a.performedYuan } : {}) },
    additionalBasisNumbers: a.otherBasis
      .split(/[，,；;\s]+/u)
      .map((x) => x.trim())
      .filter(Boolean)
      .slice(0, 10),
    propertyClues: a.clues.filter((c) => c.description.trim()).map((c) => ({ kind: c.kind, description: c.description.trim() })),
    documentIds: [...a.documents.map((x) => x.id), ...(signatureId ? [signatureId] : [])],
    riskAcknowledged: a.riskAck,
    preEnforcement: { servedByPublicNotice: a.servedByPublicNotice, urgent: a.urgent, applicantRefuses: a.preChoice === 'refuse' },
    consent: { kioskFiling: a.consentKiosk, personalData: a.consentData, ...(a.progressSms === 'yes' && opt(a.phone) ? { progressSms: true } : {}) },
  };
  if (opt(a.phone)) d.applicantPhone = a.phone.trim();
  if (opt(a.address)) d.applicantAddress = a.address.trim();
  if (a.filer === 'agent') d.principal = party(a.principal);
  if (a.filer === 'company') d.company = party({ ...a.company, kind: 'company' });
  if (a.respondents.length > 1 && a.sharesDefinite) d.sharesDefinite = a.sharesDefinite === 'yes';
  if (a.interestOn) d.interest = { baseYuan: a.interestBase || a.principalYuan, ratePercent: a.interestRate, from: a.interestFrom, ...(a.interestUntilPaid ? { untilPaid: true } : { to: a.interestTo }) };
  if (opt(a.costsYuan)) d.costsYuan = a.costsYuan;
  if (opt(a.payeeName) || opt(a.payeeAccount)) d.payee = { accountName: a.payeeName.trim(), bank: a.payeeBank.trim(), accountNumber: a.payeeAccount.replace(/\s+/g, '') };
  return d;
}
