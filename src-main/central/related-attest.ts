/**
 * A related-case search a counter keeps with a filing (clerk record `related`) is stored as the
 * central finds it, not as the terminal claims it: the central is the authority on the court's
 * cases. The cases are searched again here, the court's rules from its profile applied again,
 * and the time is the central's; the terminal's claim stays only where the central does not hold
 * the filing (it cannot search for a case it does not have).
 */
import type { ClerkRecord } from '../../src-shared/sync/protocol.js';
import type { FilingRecord } from '../../src-shared/domain/filing.js';
import type { RelatedCase } from '../../src-shared/counter/contract.js';
import { findCourtByCode } from '../../src-shared/courts/court-profile.js';
import { relatedAdvice, relatedSummary } from '../../src-shared/counter/related-advice.js';

export interface RelatedSearcher {
  /** The filing as the central holds it, or null. */
  held(filingId: string): Promise<{ courtCode: string; record: FilingRecord } | null>;
  /** The court's search for one of its filings (the /v1/court/related route's). */
  search(court: string, filingId: string): Promise<RelatedCase[]>;
}

export async function attestRelated(r: ClerkRecord, s: RelatedSearcher, now: Date): Promise<ClerkRecord> {
  if (r.kind !== 'related') return r;
  const held = await s.held(r.filingId);
  if (!held || held.courtCode !== r.court) return r;
  const cases = await s.search(r.court, r.filingId);
  const advice = relatedAdvice(cases, held.record.respondents, findCourtByCode(r.court)?.relatedSearch);
  return { ...r, payload: { ...relatedSummary(cases), searchedAt: now.toISOString(), cases, advice } };
}
