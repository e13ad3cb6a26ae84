/**
 * The routing tags recorded for a filing, read from the clerk records themselves (the set in
 * the latest record in the central's order; this terminal's own records not yet back count as
 * the latest, as for every other kind, see clerk-records.ts), and who last decided the team.
 */
import type { Db } from '../db/open.js';
import type { ClerkRecord } from '../../src-shared/sync/protocol.js';
import type { RecordedTag } from '../../src-shared/counter/routing-tags-record.js';
import { shownAuthor } from './adopt-record.js';

export interface RecordedTags {
  tags: RecordedTag[];
  by: string;
  at: string;
}

/** The latest applied record of `kind` for the filing: own unrefused records first, then the central's order. */
function latest(db: Db, filingId: string, kind: 'routing-tags' | 'triage'): ClerkRecord | undefined {
  const row = db
    .prepare(
      `SELECT r.record_json FROM clerk_records r LEFT JOIN clerk_record_outbox o ON o.record_id = r.id
       WHERE r.filing_id = ? AND r.kind = ? AND r.applied_at IS NOT NULL
         AND NOT (r.origin = 'local' AND o.last_error IS NOT NULL AND o.sent_at IS NOT NULL)
       ORDER BY (r.origin = 'local') DESC, r.created_at DESC, r.rowid DESC LIMIT 1`,
    )
    .get(filingId, kind) as { record_json: string } | undefined;
  return row ? (JSON.parse(row.record_json) as ClerkRecord) : undefined;
}

export function recordedTags(db: Db, filingId: string): RecordedTags | null {
  const r = latest(db, filingId, 'routing-tags');
  return r?.kind === 'routing-tags' ? { tags: r.payload.tags, by: shownAuthor(r), at: r.createdAt } : null;
}

/**
 * Whether the team now set was a leader's decision: an override (only leaders may override)
 * or a decision its record says a leader made. Such a decision binds: a reception clerk
 * cannot replace it, here or at the central.
 */
export function leaderDecided(db: Db, filingId: string): boolean {
  const r = latest(db, filingId, 'triage');
  return r?.kind === 'triage' && (r.payload.decision === 'override' || r.payload.role === 'leader' || r.payload.role === 'admin');
}
