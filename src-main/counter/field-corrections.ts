/**
 * A clerk's typed correction (src-shared/domain/field-correction.ts) on this terminal: the
 * filing record held here takes the corrected value at once, so the queue, the notices and the
 * register show it; the court-side mutation that changes the case at the central goes out
 * through the counter's case-action queue (court-sync.ts sends it to the corrections route).
 */
import type { Db } from '../db/open.js';
import type { FilingRecord } from '../../src-shared/domain/filing.js';
import { applyCorrected, mergeCorrection, type FieldCorrection } from '../../src-shared/domain/field-correction.js';
import { enqueueCaseAction } from './counter-store.js';

/** Call inside the action's (or the pulled record's) transaction. */
export function correctHeldRecord(db: Db, filingId: string, c: FieldCorrection, at: string): void {
  const row = db.prepare('SELECT record_json FROM filings WHERE id = ?').get(filingId) as { record_json: string } | undefined;
  if (!row) return;
  const record = applyCorrected(JSON.parse(row.record_json) as FilingRecord, mergeCorrection({}, c));
  db.prepare('UPDATE filings SET record_json = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(record), at, filingId);
}

/** Queues the court-side mutation; the case is named (official number, else provisional) at send time. */
export function queueCentralCorrection(db: Db, filingId: string, m: { id: string; clerk: string; terminal: string; reason: string; correction: FieldCorrection }, at: string): void {
  enqueueCaseAction(db, filingId, { action: 'correct', ...m }, at);
}
