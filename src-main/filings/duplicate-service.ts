/**
 * Earlier filings like this one (issue 12 item 4), from this kiosk's own filings and from the
 * court through the central: same applicant, same basis number, a same respondent. The central
 * is asked with keyed tags only; when it cannot be reached, the kiosk's own filings still count.
 */
import type { Db } from '../db/open.js';
import type { ApplicantRecord, ParsedFilingDraft } from '../../src-shared/domain/filing.js';
import type { DuplicateView } from '../../src-shared/api/contract.js';
import { readCaseNumber } from '../../src-shared/casenum/case-number.js';
import { maskCaseNumber } from '../../src-shared/domain/duplicates.js';
import type { DuplicatesRequest, DuplicatesResponse } from '../../src-shared/sync/protocol.js';
import type { Logger } from '../log/logger.js';
import type { StoredClient } from '../sync/stored-client.js';
import { readCredential } from '../sync/sync-state.js';
import { personTag, respondentTags } from './duplicate-tags.js';
import { localDuplicates } from './local-duplicates.js';

const ASK_TIMEOUT_MS = 3000;

export interface DuplicateDeps {
  db: Db;
  client: StoredClient;
  applicantKey(idNumber: string): string;
  log: Logger;
}

export const basisOf = (n: string) => {
  const p = readCaseNumber(n);
  return p.ok ? p.canonical : n.trim();
};

export async function findDuplicates(d: DuplicateDeps, draft: ParsedFilingDraft, applicant: ApplicantRecord): Promise<DuplicateView[]> {
  const basis = basisOf(draft.basisNumber);
  const local = localDuplicates(d.db, d.applicantKey(applicant.idNumber), basis, draft.respondents);
  const out: DuplicateView[] = local.map((f) => ({ where: 'kiosk', numberMasked: maskCaseNumber(f.number), filedAt: f.filedAt }));
  const seen = new Set(local.map((f) => f.filingId));
  const cred = readCredential(d.db);
  const client = d.client.current();
  if (!cred || !client) return out;
  const q: DuplicatesRequest = { basisNumber: basis, applicant: personTag(cred.secret, 'applicant', applicant.idNumber), respondents: draft.respondents.flatMap((r) => respondentTags(cred.secret, r)) };
  try {
    const answer = await client.request<DuplicatesResponse>('POST', '/v1/duplicates', q, { timeoutMs: ASK_TIMEOUT_MS });
    for (const c of answer.cases) if (!seen.has(c.filingId)) out.push({ where: 'court', numberMasked: c.numberMasked, filedAt: c.filedAt });
  } catch (e) {
    // Offline: the kiosk's own filings are still checked; the central flags the rest on push.
    d.log.info('duplicates.central-unavailable', { error: e instanceof Error ? e.message.slice(0, 120) : 'unknown' });
  }
  return out;
}
