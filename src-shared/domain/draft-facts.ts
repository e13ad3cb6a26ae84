/**
 * From what the applicant answered (the draft) and what the card said (the applicant record)
 * to the facts the rules engine reads, and the money breakdown in fen. Used by the kiosk's
 * main process for the live check and again at submit, so both see the same facts.
 */
import type { FilingFactsInput } from '../rules/filing-facts.js';
import { chinaDate, daysBetween } from '../calendar/work-calendar.js';
import type { ApplicantRecord, ParsedFilingDraft, RespondentDraft } from './filing.js';
import { formatYuan, parseYuan, simpleInterestFen } from './money.js';

export interface MoneyBreakdown {
  principalFen: number;
  interestFen: number;
  costsFen: number;
  performedFen: number;
  /** Principal + interest + costs - performed, never below zero. */
  totalFen: number;
}

export interface DraftReading {
  facts: FilingFactsInput;
  money: MoneyBreakdown | null;
  /** Per-field messages for amounts and dates that do not parse. */
  fields: Record<string, string>;
}

function optionalYuan(text: string | undefined, path: string, fields: Record<string, string>): number {
  if (!text?.trim()) return 0;
  const r = parseYuan(text);
  if (!r.ok) {
    fields[path] = r.message_zh;
    return 0;
  }
  return r.fen;
}

type Party = FilingFactsInput['applicants'][number];

/** A party typed at the kiosk (principal, company or respondent; a respondent may lack the id, address, phone). */
function typedParty(p: RespondentDraft): Party {
  return { kind: p.kind, name: p.name, idType: p.kind === 'person' ? 'resident-id' : 'uscc', idNumber: p.idNumber, address: p.address, phone: p.phone };
}

function cardParty(a: ApplicantRecord, phone: string | undefined, address: string | undefined): Party {
  const idType = a.cardKind === 'resident' ? 'resident-id' : a.cardKind === 'hmt-residence' ? 'hmt-permit' : 'foreign-permanent';
  const p: Party = { kind: 'person', name: a.name, idType, idNumber: a.idNumber, address: address?.trim() || a.address };
  if (phone?.trim()) p.phone = phone.trim();
  return p;
}

/** `now`: interest 至实际清偿之日止 is counted to this day in China. */
export function readDraft(d: ParsedFilingDraft, card: ApplicantRecord, now: Date = new Date()): DraftReading {
  const fields: Record<string, string> = {};
  const principal = parseYuan(d.amountYuan);
  if (!principal.ok) fields.amountYuan = principal.message_zh;
  const costsFen = optionalYuan(d.costsYuan, 'costsYuan', fields);
  const performedFen = optionalYuan(d.performed?.amountYuan, 'performed.amountYuan', fields);
  let interestFen = 0;
  let interest: FilingFactsInput['interest'];
  if (d.interest) {
    const base = parseYuan(d.interest.baseYuan);
    if (!base.ok) fields['interest.baseYuan'] = base.message_zh;
    const untilPaid = d.interest.untilPaid === true;
    const countedTo = untilPaid ? chinaDate(now) : (d.interest.to ?? d.interest.from);
    const r = simpleInterestFen(base.ok ? base.fen : 0, d.interest.ratePercent, daysBetween(d.interest.from, countedTo));
    if (r.ok) interestFen = r.fen;
    else fields[untilPaid && countedTo < d.interest.from ? 'interest.from' : 'interest.ratePercent'] = untilPaid && countedTo < d.interest.from ? '利息起算日不能晚于今天' : r.message_zh;
    interest = { ratePercent: d.interest.ratePercent, from: d.interest.from, untilPaid, countedTo, interestFen, ...(untilPaid ? {} : { to: countedTo }) };
  }
  // More paid than owed is a slip, not a claim of zero: ask about it beside the field.
  if (principal.ok && performedFen > principal.fen + interestFen + costsFen) {
    const owed = principal.fen + interestFen + costsFen;
    fields['performed.amountYuan'] = `已履行金额（${formatYuan(performedFen)}元）比应付的总额（${formatYuan(owed)}元）还多，请核对：对方已全部付清的，选“已全部履行”；还没付清的，请改正已履行金额`;
  }
  const money = principal.ok
    ? { principalFen: principal.fen, interestFen, costsFen, performedFen, totalFen: Math.max(0, principal.fen + interestFen + costsFen - performedFen) }
    : null;

  const me = cardParty(card, d.applicantPhone, d.applicantAddress);
  const applicants = d.filer === 'agent' && d.principal ? [typedParty(d.principal)] : d.filer === 'company' && d.company ? [typedParty(d.company)] : [me];
  const facts: FilingFactsInput = {
    matter: d.matter,
    application: { kind: d.application.kind, grounds: d.application.grounds, ...(d.application.priorCaseNumber ? { priorCaseNumber: d.application.priorCaseNumber } : {}) },
    applicants,
    respondents: d.respondents.map(typedParty),
    additionalBasisNumbers: d.additionalBasisNumbers,
    alreadyPerformed: { stated: d.performed !== undefined, fullyPerformed: d.performed?.fully ?? false, ...(performedFen ? { performedFen } : {}) },
    claim: { kind: 'money', ...(money ? { amountFen: money.totalFen } : {}) },
  };
  if (d.filer === 'agent') facts.agent = me;
  if (d.basis) {
    facts.basis = {
      number: d.basisNumber,
      kind: d.basis.kind,
      // The applicant files a document they hold as effective; "不清楚" leaves the date to the clerk.
      effective: d.basis.effectiveDate !== undefined || d.basis.effectiveDateUnknown === true,
      hasPaymentContent: d.basis.hasPaymentContent,
      subjectDefinite: true,
      respondentDefinite: true,
      ...(d.basis.effectiveDate ? { effectiveDate: d.basis.effectiveDate } : d.basis.effectiveDateUnknown ? { effectiveDateUnknown: true } : {}),
      ...(d.basis.conditionAttached ? { condition: { attached: true, met: d.basis.conditionMet } } : {}),
      ...(d.basis.performanceDue ? { performanceDue: d.basis.performanceDue } : {}),
    };
  }
  if (interest) facts.interest = interest;
  if (d.payee) facts.payeeAccount = d.payee;
  if (d.preEnforcement) facts.preEnforcement = d.preEnforcement;
  if (d.respondents.length > 1 && d.sharesDefinite !== undefined) {
    facts.split = d.sharesDefinite ? { partOfLargerClaim: true, exception: 'several-debtors', sharesDefinite: true } : { partOfLargerClaim: false };
  }
  // Strip undefined keys: the facts schema is strict about shapes, and JSON drops them anyway.
  return { facts: JSON.parse(JSON.stringify(facts)) as FilingFactsInput, money, fields };
}
