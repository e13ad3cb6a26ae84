/**
 * The outbox side of the kiosk database: what waits for the central, and applying the
 * central's answers to the filings in one transaction.
 */
import type { Db } from '../db/open.js';
import { commitWithoutDiskWait } from '../db/relaxed-commit.js';
import { prepared } from '../db/prepared.js';
import type { FilingView } from '../../src-shared/domain/filing.js';
import type { MutationResult, PushMutation } from '../../src-shared/sync/protocol.js';

export interface OutboxRow {
  mutation_id: number;
  filing_id: string;
  kind: PushMutation['kind'];
  body_json: string;
  created_at: string;
  attempts: number;
}

/** Oldest pending mutations after `afterId` first, bounded by count and by total body size. */
export function pendingMutations(db: Db, maxCount: number, maxBytes: number, afterId = 0): OutboxRow[] {
  const rows = prepared(db, 'SELECT mutation_id, filing_id, kind, body_json, created_at, attempts FROM outbox WHERE done_at IS NULL AND mutation_id > ? ORDER BY mutation_id LIMIT ?').all(afterId, maxCount) as OutboxRow[];
  const batch: OutboxRow[] = [];
  let bytes = 0;
  for (const r of rows) {
    bytes += Buffer.byteLength(r.body_json);
    if (batch.length > 0 && bytes > maxBytes) break;
    batch.push(r);
  }
  return batch;
}

/**
 * Two sub-queries, never one `count(*), min(created_at)`: asked together, SQLite walks the
 * pending index and reads every pending row for its created_at (each row an encrypted page:
 * 140 ms at 10,000 queued). Apart, the count walks index entries only and the oldest is one
 * index seek (0.3 ms together at 10,000).
 */
export const OUTBOX_STATS_SQL = `SELECT (SELECT count(*) FROM outbox WHERE done_at IS NULL) AS depth,
  (SELECT min(created_at) FROM outbox WHERE done_at IS NULL) AS oldest`;

type Stats = { depth: number; oldest: string | null };

export function outboxStats(db: Db): Stats {
  return prepared<[], Stats>(db, OUTBOX_STATS_SQL).get()!;
}

/** What an answer changed in a filing: enough for the UI to know which filing to read again. */
export type FilingUpdate = Pick<FilingView, 'id' | 'officialNo' | 'status' | 'statusReason_zh'>;

const UPDATE_RETURNING = 'RETURNING id, official_no AS officialNo, status, status_reason_zh AS statusReason_zh';

/**
 * Applies the central's answers in one transaction; returns the filings that changed. The
 * statements are prepared once per database, and a filing's record is never read (no
 * JSON.parse of every row): each update returns the few columns the UI's event needs.
 */
export function applyMutationResults(db: Db, results: MutationResult[], now: Date): FilingUpdate[] {
  const s = applyStatements(db);
  // A lost answer is asked for and given again, the same number (relaxed-commit.ts).
  return commitWithoutDiskWait(db, () => {
    const changed: FilingUpdate[] = [];
    const at = now.toISOString();
    for (const r of results) {
      const ob = s.pending.get(r.mutationId) as { filing_id: string; kind: string } | undefined;
      if (!ob) continue; // already applied (a replayed answer)
      let v: FilingUpdate | undefined;
      if (r.status === 'rejected' && ob.kind === 'filing.correct') {
        // A refused correction leaves the case as it was (returned); the applicant is told why.
        v = s.refusedCorrection.get(`补正未被接受：${r.reason_zh}`, at, ob.filing_id) as FilingUpdate | undefined;
      } else if (r.status === 'accepted') {
        v = s.accepted.get(r.officialNo, r.acceptedAt, at, ob.filing_id) as FilingUpdate | undefined;
      } else {
        v = s.rejected.get(r.reason_zh, at, ob.filing_id) as FilingUpdate | undefined;
      }
      s.done.run(at, r.mutationId);
      if (v) changed.push(v);
    }
    return changed;
  });
}

function applyStatements(db: Db) {
  return {
    pending: prepared(db, 'SELECT filing_id, kind FROM outbox WHERE mutation_id = ? AND done_at IS NULL'),
    refusedCorrection: prepared(db, `UPDATE filings SET status_reason_zh = ?, updated_at = ? WHERE id = ? ${UPDATE_RETURNING}`),
    accepted: prepared(db, `UPDATE filings SET official_no = ?, status = 'accepted', accepted_at = ?, status_reason_zh = NULL, updated_at = ? WHERE id = ? ${UPDATE_RETURNING}`),
    rejected: prepared(db, `UPDATE filings SET status = 'rejected', status_reason_zh = ?, updated_at = ? WHERE id = ? ${UPDATE_RETURNING}`),
    done: prepared(db, 'UPDATE outbox SET done_at = ?, last_error = NULL WHERE mutation_id = ?'),
  };
}

export function recordAttemptFailure(db: Db, mutationIds: number[], error: string): void {
  const stmt = db.prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE mutation_id = ?');
  db.transaction(() => mutationIds.forEach((id) => stmt.run(error, id)))();
}

/** The highest mutation id this kiosk database ever handed out (AUTOINCREMENT's record). */
export function localHighWater(db: Db): number {
  const r = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").get() as { seq: number } | undefined;
  return r?.seq ?? 0;
}

/**
 * The central already holds mutation ids up to `serverLast` from this device, more than this
 * database remembers: it was restored from an older backup. Pending rows get new ids above
 * the central's, in one transaction; a filing the central already numbered is recognised by
 * its UUID and gets the same number back, so nothing is numbered twice.
 */
export function renumberAbove(db: Db, serverLast: number): number {
  return db.transaction(() => {
    if (localHighWater(db) < serverLast) {
      const changed = db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'outbox'").run(serverLast).changes;
      if (changed === 0) db.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('outbox', ?)").run(serverLast);
    }
    const stale = db.prepare('SELECT mutation_id FROM outbox WHERE done_at IS NULL AND mutation_id <= ? ORDER BY mutation_id').all(serverLast) as { mutation_id: number }[];
    const copy = db.prepare('INSERT INTO outbox (filing_id, kind, body_json, created_at, attempts, last_error) SELECT filing_id, kind, body_json, created_at, attempts, last_error FROM outbox WHERE mutation_id = ?');
    const drop = db.prepare('DELETE FROM outbox WHERE mutation_id = ?');
    for (const { mutation_id } of stale) {
      copy.run(mutation_id);
      drop.run(mutation_id);
    }
    return stale.length;
  }).immediate();
}
