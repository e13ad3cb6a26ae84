/**
 * The central's duplicate check (issue 12 item 4): the court's cases on a basis number whose
 * applicant and at least one respondent carry the tags the kiosk sent, recomputed here under
 * that kiosk's own device secret from the records the central holds. Court-scoped: a kiosk sees
 * its own court's cases only. Also run on push, so a duplicate filed from two kiosks is flagged.
 */
import type { FilingRecord } from '../../src-shared/domain/filing.js';
import { maskCaseNumber } from '../../src-shared/domain/duplicates.js';
import type { DuplicatesRequest, DuplicatesResponse } from '../../src-shared/sync/protocol.js';
import { personTag, respondentTags } from '../filings/duplicate-tags.js';
import type { BasisCase } from './store.js';

export interface TaggedCase {
  filingId: string;
  officialNo: string;
  submittedAt: string;
}

export function matchingCases(cases: BasisCase[], secret: string, q: DuplicatesRequest, excludeFilingId?: string): TaggedCase[] {
  const wanted = new Set(q.respondents);
  const out: TaggedCase[] = [];
  for (const c of cases) {
    if (c.filingId === excludeFilingId) continue;
    const rec = JSON.parse(c.record) as FilingRecord;
    if (personTag(secret, 'applicant', rec.applicant.idNumber) !== q.applicant) continue;
    if (!rec.respondents.some((r) => respondentTags(secret, r).some((t) => wanted.has(t)))) continue;
    out.push({ filingId: c.filingId, officialNo: c.officialNo, submittedAt: c.submittedAt });
  }
  return out;
}

export function duplicatesAnswer(protocol: number, found: TaggedCase[]): DuplicatesResponse {
  return { protocol, cases: found.slice(0, 10).map((c) => ({ filingId: c.filingId, numberMasked: maskCaseNumber(c.officialNo), filedAt: c.submittedAt })) };
}

/** The same request a kiosk would send, built from a pushed record (the check on push). */
export function requestOf(secret: string, rec: FilingRecord): DuplicatesRequest {
  return { basisNumber: rec.basisNumber, applicant: personTag(secret, 'applicant', rec.applicant.idNumber), respondents: rec.respondents.flatMap((r) => respondentTags(secret, r)) };
}
