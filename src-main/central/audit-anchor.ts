/**
 * The central's check of each kiosk's audit chain head, beat by beat. The kiosk's chain only
 * grows, so the head stored from the last beat must be on the chain the kiosk reports now:
 * fewer entries is a rewind (cut short, or the file rolled back to an older copy); the same
 * count with another head, or more entries whose hash at the stored count is another, is a
 * fork (rewritten). A kiosk that has not yet said its hash at the stored count (after a restart)
 * is asked for it (`anchorWanted`) and its head is not moved on until it has.
 * One SQL text for both stores; the decision itself is pure.
 */
import type { AuditContinuity, HeartbeatRequest } from '../../src-shared/sync/protocol.js';

export const AUDIT_HEAD_SQL = `SELECT entries, head, at, problem, problem_at, problem_detail FROM audit_heads WHERE device_id = $1`;

/** `$1` device, `$2` entries, `$3` head, `$4` at, `$5` problem, `$6` problem_at, `$7` detail. */
export const AUDIT_HEAD_UPSERT_SQL = `INSERT INTO audit_heads (device_id, entries, head, at, problem, problem_at, problem_detail) VALUES ($1, $2, $3, $4, $5, $6, $7)
  ON CONFLICT (device_id) DO UPDATE SET entries = excluded.entries, head = excluded.head, at = excluded.at,
    problem = excluded.problem, problem_at = excluded.problem_at, problem_detail = excluded.problem_detail`;

/** A re-enrolled device (revoked, new disk, new secret) starts a new chain: the old head would read as a rewind. `$1` device. */
export const AUDIT_FORGET_SQL = `DELETE FROM audit_heads WHERE device_id = $1`;

/** The court has looked into a reported rewind or fork: `$1` device. */
export const AUDIT_CLEAR_SQL = `UPDATE audit_heads SET problem = NULL, problem_at = NULL, problem_detail = NULL WHERE device_id = $1 AND problem IS NOT NULL`;

/** Recorded with the device's events, so clearing is itself on record: `$1` device, `$2` at, `$3` device. */
export const AUDIT_CLEARED_EVENT_SQL = `INSERT INTO device_events (device_id, court_code, action, at) SELECT $1, court_code, 'audit-cleared', $2 FROM devices WHERE device_id = $3`;

export interface AuditHeadRow {
  entries: number | string;
  head: string;
  at: string;
  problem: 'rewind' | 'fork' | null;
  problem_at: string | null;
  problem_detail: string | null;
}

export function toContinuity(r: AuditHeadRow): AuditContinuity {
  return { entries: Number(r.entries), head: r.head, problem: r.problem, problemAt: r.problem_at, problemDetail: r.problem_detail };
}

export interface AuditJudgement {
  /** What to store, or null to leave the stored head as it is. */
  store: AuditContinuity | null;
  answer: AuditContinuity | undefined;
  /** A new rewind or fork, for the log. */
  found: 'rewind' | 'fork' | null;
}

export function judgeAuditHead(stored: AuditContinuity | null, beat: HeartbeatRequest, now: Date): AuditJudgement {
  // A chain that does not verify on the kiosk reports no head; its health check already says so.
  if (beat.auditHead === null) return { store: null, answer: stored ?? undefined, found: null };
  const at = now.toISOString();
  const moveOn = (problem: 'rewind' | 'fork' | null, detail: string | null): AuditJudgement => {
    const next: AuditContinuity = problem
      ? { entries: beat.auditEntries, head: beat.auditHead!, problem, problemAt: at, problemDetail: detail }
      : { entries: beat.auditEntries, head: beat.auditHead!, problem: stored?.problem ?? null, problemAt: stored?.problemAt ?? null, problemDetail: stored?.problemDetail ?? null };
    return { store: next, answer: next, found: problem };
  };
  if (!stored) return moveOn(null, null);
  if (beat.auditEntries < stored.entries) {
    return moveOn('rewind', `entries ${stored.entries} → ${beat.auditEntries}; stored head ${stored.head.slice(0, 12)}…, now ${beat.auditHead.slice(0, 12)}…`);
  }
  if (beat.auditEntries === stored.entries) {
    return beat.auditHead === stored.head ? { store: null, answer: stored, found: null } : moveOn('fork', `entry ${stored.entries} was ${stored.head.slice(0, 12)}…, now ${beat.auditHead.slice(0, 12)}…`);
  }
  const anchor = beat.auditAnchor;
  if (!anchor || anchor.entries !== stored.entries) return { store: null, answer: { ...stored, anchorWanted: stored.entries }, found: null };
  if (anchor.hash !== stored.head) return moveOn('fork', `entry ${stored.entries} was ${stored.head.slice(0, 12)}…, the kiosk now has ${anchor.hash.slice(0, 12)}…`);
  return moveOn(null, null);
}
