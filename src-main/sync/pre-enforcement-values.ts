/**
 * A 执前督's state as the central published it, kept with the record this kiosk holds, so its
 * status query shows the supervision's deadline, the amount paid, or the 执 case's number and
 * deadlines once transferred (issue 14 item 2).
 */
import type { Db } from '../db/open.js';
import type { FilingRecord } from '../../src-shared/domain/filing.js';
import { preEnforcementStateSchema, type PreEnforcementState } from '../../src-shared/sync/pre-enforcement.js';

/** Call inside the pull's transaction. A state that fails the schema is ignored: the record stays as it was. */
export function overlayPreEnforcement(db: Db, filingId: string, state: PreEnforcementState, at: string): void {
  const v = preEnforcementStateSchema.safeParse(state);
  const row = db.prepare('SELECT record_json FROM filings WHERE id = ?').get(filingId) as { record_json: string } | undefined;
  if (!v.success || !row) return;
  const record: FilingRecord = { ...(JSON.parse(row.record_json) as FilingRecord), preEnforcement: v.data };
  db.prepare('UPDATE filings SET record_json = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(record), at, filingId);
}
