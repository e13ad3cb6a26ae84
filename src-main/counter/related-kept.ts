/**
 * The last related-case search of a filing (seed 001 art. 9: it goes with the filing to the
 * enforcement department), from the clerk records: this terminal's own or another's, pulled
 * from the central, so every terminal of the court shows the same search on the case.
 */
import type { Db } from '../db/open.js';
import type { RelatedCases } from '../../src-shared/counter/contract.js';
import type { ClerkRecord } from '../../src-shared/sync/protocol.js';
import { shownAuthor } from './adopt-record.js';

export function keptRelated(db: Db, filingId: string): (RelatedCases & { by: string }) | null {
  const row = db.prepare("SELECT record_json FROM clerk_records WHERE filing_id = ? AND kind = 'related' ORDER BY created_at DESC, rowid DESC LIMIT 1").pluck().get(filingId) as string | undefined;
  if (!row) return null;
  const r = JSON.parse(row) as Extract<ClerkRecord, { kind: 'related' }>;
  return { online: true, ...r.payload, by: shownAuthor(r) };
}
