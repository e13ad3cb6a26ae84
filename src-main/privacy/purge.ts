/**
 * Removes personal data from the kiosk once the central holds it. A filing is purged when
 *   - the central confirmed it: an official number is bound (status 'accepted') and
 *     confirmed_at, the kiosk's clock at that binding (migration 0007), is afterDays old;
 *   - nothing of it still waits to leave: no pending outbox row, no pending counter action,
 *     no clerk record not yet sent to the central, no page or reception scan the central does
 *     not hold yet (migration 0009: uploaded_at);
 *   - the counter is not working on it (no counter case, or one triaged or done), and the
 *     court has not returned it for correction (case_status 'returned').
 * Pending, rejected and unsynced filings are never purged, however old: the kiosk may hold
 * the only copy. What stays is what the status query by ID card needs: numbers, court, type,
 * status, dates, amounts, masked names, and applicant_key, the keyed hash of the ID number
 * (HMAC under the kiosk secret), which finds the filings without the number itself.
 *
 * The counter's copies go the same way: reception notes and scan, verification values, and
 * the shared clerk records (migration 0008) are emptied, names masked. A clerk record from
 * another terminal that reaches a purged filing later is purged at the next run.
 *
 * Each batch is one synchronous transaction with its audit entry (counts only), so a crash
 * leaves every filing either whole or purged, and the audit log says what was removed.
 */
import type { Db } from '../db/open.js';
import type { FilingRecord } from '../../src-shared/domain/filing.js';
import { purgeAfterDaysSchema, type PurgeCounts } from '../../src-shared/admin/contract.js';
import { AppError } from '../../src-shared/api/errors.js';
import { maskPersonName } from '../../src-shared/domain/masking.js';
import { appendAudit } from '../audit/audit-log.js';
import { discardDraft } from '../filings/draft-store.js';
import { discardHandover } from '../filings/handover-store.js';
import { NO_COUNTS, totalOf } from './purge-settings.js';
import { CLERK_KINDS_WITH_PERSONAL_DATA, redactClerkRecord, redactRecord } from './redact-record.js';

export interface PurgeOptions {
  now: Date;
  afterDays: number;
  /** Filings per transaction: bounds how long one purge holds the write lock. */
  batchSize?: number;
  /** The previous run's time: clerk records applied before it were already looked at. */
  refilledSince?: string | undefined;
}

const DAY_MS = 86_400_000;

// INDEXED BY: the partial index holds only filings not yet purged, in confirmation order, so a
// batch reads just the filings it may purge. Left to itself, without statistics, SQLite chose
// the status index and read all of a million filings per batch (issue 16: 7.9 s, nothing eligible).
const ELIGIBLE = `
  FROM filings f INDEXED BY filings_purge_due
  WHERE f.purged_at IS NULL AND f.official_no IS NOT NULL AND f.status = 'accepted'
    AND f.confirmed_at IS NOT NULL AND f.confirmed_at <= @cutoff
    AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.filing_id = f.id AND o.done_at IS NULL)
    AND NOT EXISTS (SELECT 1 FROM counter_outbox q WHERE q.filing_id = f.id AND q.done_at IS NULL)
    AND NOT EXISTS (SELECT 1 FROM counter_cases c WHERE c.filing_id = f.id AND c.stage NOT IN ('triaged', 'done'))
    AND NOT EXISTS (SELECT 1 FROM case_status s WHERE s.filing_id = f.id AND s.status = 'returned')
    AND NOT EXISTS (SELECT 1 FROM clerk_records r JOIN clerk_record_outbox ro ON ro.record_id = r.id WHERE r.filing_id = f.id AND ro.sent_at IS NULL)
    AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.filing_id = f.id AND d.uploaded_at IS NULL)
    AND NOT EXISTS (SELECT 1 FROM counter_receptions cr WHERE cr.filing_id = f.id AND cr.scan_bytes IS NOT NULL AND cr.scan_uploaded_at IS NULL)
    AND NOT EXISTS (SELECT 1 FROM counter_reception_versions cv WHERE cv.filing_id = f.id AND cv.scan_bytes IS NOT NULL AND cv.scan_uploaded_at IS NULL)`;

// A clerk record from another terminal that reached a filing after its purge brought values back.
// Driven from the clerk records applied since the last run (CROSS JOIN keeps that order), not
// from every purged filing.
const REFILLED = `SELECT DISTINCT f.id FROM clerk_records r CROSS JOIN filings f ON f.id = r.filing_id
  WHERE r.applied_at > @since AND f.purged_at IS NOT NULL AND r.applied_at > f.purged_at`;

// Drafts nobody came back for, and hand-overs the counter never opened.
const ABANDONED_DRAFTS = 'FROM drafts WHERE saved_at <= @cutoff OR expires_at <= @now';
const ABANDONED_HANDOVERS = 'FROM handovers WHERE created_at <= @cutoff OR expires_at <= @now';

function purgeWindow(o: PurgeOptions): { cutoff: string; now: string } {
  const days = purgeAfterDaysSchema.safeParse(o.afterDays);
  if (!days.success) throw new AppError('privacy.bad-days', days.error.issues[0]?.message ?? '清除期限不正确', 'purgeAfterDays must be a whole number of days from 1 to 3650');
  return { cutoff: new Date(o.now.getTime() - days.data * DAY_MS).toISOString(), now: o.now.toISOString() };
}

const count = (db: Db, sql: string, params: object) => (db.prepare(`SELECT count(*) AS n ${sql}`).get(params) as { n: number }).n;

/** What a purge would remove now, changing nothing (`yzt privacy purge --dry-run`). */
export function countPurgeable(db: Db, o: PurgeOptions): PurgeCounts {
  const w = purgeWindow(o);
  const ids = `SELECT f.id ${ELIGIBLE}`;
  const inIds = `filing_id IN (${ids})`;
  return {
    filings: count(db, ELIGIBLE, w),
    documents:
      count(db, `FROM documents WHERE ${inIds}`, w) +
      count(db, `FROM documents WHERE holder IN (SELECT 'draft:' || owner_key ${ABANDONED_DRAFTS} UNION ALL SELECT 'draft:handover:' || code_hash ${ABANDONED_HANDOVERS})`, w),
    drafts: count(db, ABANDONED_DRAFTS, w),
    handovers: count(db, ABANDONED_HANDOVERS, w),
    counterRecords:
      count(db, `FROM counter_receptions WHERE ${inIds}`, w) +
      count(db, `FROM counter_reception_versions WHERE ${inIds}`, w) +
      count(db, `FROM counter_verifications WHERE ${inIds}`, w) +
      count(db, `FROM clerk_records WHERE kind IN (${CLERK_KINDS_WITH_PERSONAL_DATA.map((k) => `'${k}'`).join(', ')}) AND ${inIds}`, w),
  };
}

/**
 * One transaction per step: abandoned drafts and hand-overs with the first batch, then up to
 * batchSize filings each. A caller that must not hold the event loop (the kiosk app) resumes
 * the generator on later turns; the transactions themselves never wait on anything.
 */
export function* purgeBatches(db: Db, o: PurgeOptions): Generator<PurgeCounts, void, void> {
  const w = purgeWindow(o);
  const batchSize = Math.max(1, o.batchSize ?? 100);
  for (let first = true; ; first = false) {
    const { counts, filings } = db.transaction(() => purgeBatch(db, w, batchSize, first, o)).immediate();
    yield counts;
    if (filings < batchSize) return;
  }
}

export function addCounts(into: PurgeCounts, c: PurgeCounts): PurgeCounts {
  for (const k of Object.keys(into) as Array<keyof PurgeCounts>) into[k] += c[k];
  return into;
}

/** Purges every eligible filing, abandoned draft and hand-over; returns what was removed. */
export function purgeConfirmed(db: Db, o: PurgeOptions): PurgeCounts {
  const totals: PurgeCounts = { ...NO_COUNTS };
  for (const c of purgeBatches(db, o)) addCounts(totals, c);
  return totals;
}

function purgeBatch(db: Db, w: { cutoff: string; now: string }, batchSize: number, first: boolean, o: PurgeOptions): { counts: PurgeCounts; filings: number } {
  const c: PurgeCounts = { ...NO_COUNTS };
  if (first) {
    // Their pages go with them (discardDraft, discardHandover): counted before they go.
    c.documents += count(db, `FROM documents WHERE holder IN (SELECT 'draft:' || owner_key ${ABANDONED_DRAFTS} UNION ALL SELECT 'draft:handover:' || code_hash ${ABANDONED_HANDOVERS})`, w);
    const drafts = db.prepare(`SELECT owner_key ${ABANDONED_DRAFTS}`).pluck().all(w) as string[];
    drafts.forEach((k) => discardDraft(db, k));
    const handovers = db.prepare(`SELECT code_hash ${ABANDONED_HANDOVERS}`).pluck().all(w) as string[];
    handovers.forEach((h) => discardHandover(db, h));
    c.drafts = drafts.length;
    c.handovers = handovers.length;
  }
  const ids = db.prepare(`SELECT f.id ${ELIGIBLE} ORDER BY f.confirmed_at LIMIT @limit`).pluck().all({ ...w, limit: batchSize }) as string[];
  const purge = (id: string) => {
    const r = purgeFiling(db, id, w.now);
    c.counterRecords += r.counterRecords;
    c.documents += r.documents;
  };
  if (first) for (const id of db.prepare(REFILLED).pluck().all({ since: o.refilledSince ?? '' }) as string[]) purge(id);
  for (const id of ids) purge(id);
  c.filings = ids.length;
  if (totalOf(c) > 0) {
    appendAudit(db, { at: w.now, actor: 'system', action: 'privacy.purged', subject: null, details: { ...c, afterDays: o.afterDays } });
  }
  return { counts: c, filings: ids.length };
}

/** One filing: its record and outbox copy redacted, photographs deleted, counter notes blanked.
 * Returns how many counter records were redacted and pages deleted. */
function purgeFiling(db: Db, id: string, at: string): { counterRecords: number; documents: number } {
  const row = db.prepare('SELECT record_json FROM filings WHERE id = ?').get(id) as { record_json: string };
  const redacted = JSON.stringify(redactRecord(JSON.parse(row.record_json) as FilingRecord));
  db.prepare('UPDATE filings SET record_json = ?, purged_at = ?, updated_at = ? WHERE id = ?').run(redacted, at, at, id);
  db.prepare('UPDATE outbox SET body_json = ? WHERE filing_id = ?').run(redacted, id);
  const documents = db.prepare('DELETE FROM documents WHERE filing_id = ?').run(id).changes;
  // A sent clerk action keeps its kind only: corrections in it may carry the values.
  db.prepare("UPDATE counter_outbox SET action_json = json_object('action', json_extract(action_json, '$.action')) WHERE filing_id = ? AND done_at IS NOT NULL").run(id);
  let n = 0;
  const reception = db.prepare('SELECT interviewee FROM counter_receptions WHERE filing_id = ?').get(id) as { interviewee: string } | undefined;
  if (reception) {
    // The register (登记簿) still lists the reception, with the surname only.
    n += db
      .prepare(
        `UPDATE counter_receptions SET interviewee = ?, service_address = '', contact = '', filing_data = '', respondent_property = '',
           termination_view = '', notes = '', scan_mime = NULL, scan_bytes = NULL, scan_sha256 = NULL WHERE filing_id = ?`,
      )
      .run(maskPersonName(reception.interviewee), id).changes;
  }
  // Replaced versions of the record: their text and scans go; the current version stays for the register.
  n += db.prepare('DELETE FROM counter_reception_versions WHERE filing_id = ?').run(id).changes;
  const records = db.prepare('SELECT id, record_json FROM clerk_records WHERE filing_id = ?').all(id) as Array<{ id: string; record_json: string }>;
  const rewrite = db.prepare('UPDATE clerk_records SET record_json = ? WHERE id = ?');
  for (const r of records) {
    const redacted = redactClerkRecord(r.record_json);
    if (redacted !== r.record_json) n += rewrite.run(redacted, r.id).changes;
  }
  n += db
    .prepare(
      `UPDATE counter_verifications SET original_value = '', corrected_value = CASE WHEN corrected_value IS NULL THEN NULL ELSE '' END,
         reason = CASE WHEN reason IS NULL THEN NULL ELSE '' END WHERE filing_id = ?`,
    )
    .run(id).changes;
  return { counterRecords: n, documents };
}
