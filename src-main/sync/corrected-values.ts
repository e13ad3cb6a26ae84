/**
 * The central's corrected values of a case (a clerk's correction, issue 14 item 1) over the
 * record this kiosk holds, so its status query shows the amount and number the court now has.
 */
import type { Db } from '../db/open.js';
import type { FilingRecord } from '../../src-shared/domain/filing.js';
import { applyCorrected, correctedValuesSchema, type CorrectedValues } from '../../src-shared/domain/field-correction.js';

/** Call inside the pull's transaction. Values that fail the schema are ignored: the record stays as it was. */
export function overlayCorrected(db: Db, filingId: string, corrected: CorrectedValues, at: string): void {
  const v = correctedValuesSchema.safeParse(corrected);
  const row = db.prepare('SELECT record_json FROM filings WHERE id = ?').get(filingId) as { record_json: string } | undefined;
  if (!v.success || !row) return;
  const record = applyCorrected(JSON.parse(row.record_json) as FilingRecord, v.data);
  db.prepare('UPDATE filings SET record_json = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(record), at, filingId);
}
