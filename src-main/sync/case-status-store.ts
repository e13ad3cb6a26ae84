/**
 * The court's case statuses as pulled from the central, and what they change in the kiosk's
 * own filings: the official number (if the push answer was lost or the database restored) and
 * the clerk's reasons when a filing is returned for correction. One transaction per pulled
 * page, cursor included, so a crash never skips or half-applies a change.
 */
import type { Db } from '../db/open.js';
import type { FilingView } from '../../src-shared/domain/filing.js';
import type { CaseChange, CaseStatus } from '../../src-shared/sync/protocol.js';
import { toChange } from '../central/case-sql.js';
import { getFilingView } from '../filings/filing-store.js';
import { setSyncState } from './sync-state.js';
import { commitWithoutDiskWait } from '../db/relaxed-commit.js';
import { overlayCorrected } from './corrected-values.js';
import { overlayPreEnforcement } from './pre-enforcement-values.js';

/** A pulled change as stored: `at` is the central's time of the change. */
export type CaseStatusView = CaseChange;

export function applyCaseChanges(db: Db, changes: CaseChange[], cursor: number, now: Date): FilingView[] {
  // The changes and the cursor commit together; lost together in a power cut, they are pulled again.
  return commitWithoutDiskWait(db, () => {
    const at = now.toISOString();
    const changed = new Map<string, FilingView>();
    const upsert = db.prepare(
      `INSERT INTO case_status (filing_id, official_no, provisional_no, status, reasons_json, team, version, changed_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (filing_id) DO UPDATE SET official_no = excluded.official_no, status = excluded.status, reasons_json = excluded.reasons_json,
         team = excluded.team, version = excluded.version, changed_at = excluded.changed_at, received_at = excluded.received_at
       WHERE excluded.version > case_status.version`,
    );
    const bind = db.prepare(`UPDATE filings SET official_no = ?, status = 'accepted', accepted_at = coalesce(accepted_at, ?), updated_at = ? WHERE id = ? AND official_no IS NULL`);
    const reason = db.prepare('UPDATE filings SET status_reason_zh = ?, updated_at = ? WHERE id = ?');
    for (const c of changes) {
      if (upsert.run(c.filingId, c.officialNo, c.provisionalNo, c.status, JSON.stringify(c.reasons_zh), c.team, c.version, c.at, at).changes === 0) continue;
      const local = getFilingView(db, c.filingId);
      if (!local) continue;
      bind.run(c.officialNo, c.at, at, c.filingId);
      if (c.corrected) overlayCorrected(db, c.filingId, c.corrected, at);
      if (c.preEnforcement) overlayPreEnforcement(db, c.filingId, c.preEnforcement, at);
      reason.run(c.status === 'returned' ? c.reasons_zh.join('；') : null, at, c.filingId);
      changed.set(c.filingId, getFilingView(db, c.filingId)!);
    }
    setSyncState(db, { cursor, lastPullAt: at });
    return [...changed.values()];
  });
}

/** The court-side status of a case by its official number, provisional alias or filing id. */
export function findCaseStatus(db: Db, number: string): CaseStatusView | undefined {
  const r = db
    .prepare('SELECT filing_id, official_no, provisional_no, status, reasons_json, team, changed_at, version FROM case_status WHERE official_no = ? OR provisional_no = ? OR filing_id = ?')
    .get(number, number, number) as
    | { filing_id: string; official_no: string; provisional_no: string; status: CaseStatus; reasons_json: string; team: string | null; changed_at: string; version: number }
    | undefined;
  return r && toChange({ ...r, at: r.changed_at });
}
