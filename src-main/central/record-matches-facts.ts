/**
 * A pushed filing carries its amount, respondents and applicant twice: as the record's own
 * fields, which the court reads, numbers and prints, and inside the facts the rules ran on.
 * The kiosk makes both from one reading of the applicant's answers, so they agree unless the
 * kiosk is buggy or tampered with. The central never stores a record that says one thing and
 * was decided on another: each field is checked against the facts, and a mismatch is refused.
 */
import type { FilingRecord } from '../../src-shared/domain/filing.js';
import type { FilingFacts } from '../../src-shared/rules/filing-facts.js';
import { compiledFilingFactsSchema } from './compiled-filing-schemas.js';

export type MismatchField = 'amount' | 'respondents' | 'applicant';

interface Who {
  name: string;
  idNumber?: string | undefined;
  kind?: string | undefined;
}

const same = (a: Who | undefined, b: Who | undefined, withKind: boolean): boolean =>
  a !== undefined && b !== undefined && a.name.trim() === b.name.trim() && (a.idNumber ?? '').trim() === (b.idNumber ?? '').trim() && (!withKind || a.kind === b.kind);

function amountAgrees(f: FilingRecord, facts: FilingFacts): boolean {
  const claimed = facts.claim?.amountFen;
  if (claimed === undefined) return false;
  const m = f.money;
  if (m) {
    const interest = facts.interest?.interestFen ?? 0;
    const performed = facts.alreadyPerformed?.performedFen ?? 0;
    const total = Math.max(0, m.principalFen + m.interestFen + m.costsFen - m.performedFen);
    if (m.totalFen !== claimed || m.interestFen !== interest || m.performedFen !== performed || total !== m.totalFen) return false;
    // Fully performed (nothing left to claim): the kiosk files the principal as the amount.
    return f.amountFen === (claimed > 0 ? claimed : m.principalFen);
  }
  return f.amountFen === claimed;
}

function applicantAgrees(f: FilingRecord, facts: FilingFacts): boolean {
  if (facts.applicants.length !== 1) return false;
  const party = facts.applicants[0];
  if (f.filer === 'agent') return same(f.principal, party, true) && same(f.applicant, facts.agent, false);
  if (f.filer === 'company') return same(f.company, party, true) && facts.agent === undefined;
  return same(f.applicant, party, false) && facts.agent === undefined;
}

function respondentsAgree(f: FilingRecord, facts: FilingFacts): boolean {
  return f.respondents.length === facts.respondents.length && f.respondents.every((r, i) => same(r, facts.respondents[i], true));
}

/**
 * The first field of the record that its facts do not bear out; null when all agree. `facts`:
 * the record's facts as `filingFactsSchema` already parsed them (the central's check has).
 */
export function recordFactsMismatch(f: FilingRecord, facts?: FilingFacts): MismatchField | null {
  let read = facts;
  if (!read) {
    const parsed = compiledFilingFactsSchema.safeParse(f.facts);
    // Unreadable facts are refused by the rules engine before this is asked.
    if (!parsed.success) return 'amount';
    read = parsed.data;
  }
  if (!amountAgrees(f, read)) return 'amount';
  if (!respondentsAgree(f, read)) return 'respondents';
  if (!applicantAgrees(f, read)) return 'applicant';
  return null;
}

export const MISMATCH_TEXT: Record<MismatchField, { zh: string; en: string }> = {
  amount: { zh: '申请金额', en: 'amount' },
  respondents: { zh: '被执行人', en: 'respondents' },
  applicant: { zh: '申请执行人', en: 'applicant' },
};
