/**
 * Tamper-evident audit log: every entry's hash covers its content and the previous hash.
 * Appending runs inside the caller's transaction when there is one, so an action and its
 * audit entry commit together.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/open.js';

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  details: Record<string, unknown>;
}

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

export const GENESIS = '0'.repeat(64);

export function entryHash(prevHash: string, e: { at: string; actor: string; action: string; subject: string | null; details: string }): string {
  // Length-prefixed fields: no two different entries serialise to the same bytes.
  const parts = [prevHash, e.at, e.actor, e.action, e.subject ?? '', e.details].map((p) => `${Buffer.byteLength(p)}:${p}`);
  return createHash('sha256').update(parts.join('|')).digest('hex');
}

export function appendAudit(db: Db, entry: AuditEntry): string {
  return db.transaction(() => {
    const last = db.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { hash: string } | undefined;
    const prev = last?.hash ?? GENESIS;
    const details = JSON.stringify(entry.details);
    const hash = entryHash(prev, { ...entry, details });
    db.prepare('INSERT INTO audit_log (at, actor, action, subject, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      entry.at,
      entry.actor,
      entry.action,
      entry.subject,
      details,
      prev,
      hash,
    );
    return hash;
  })();
}

export type AuditVerdict =
  | { ok: true; entries: number; head: string }
  | { ok: false; entries: number; brokenAt: number; reason: 'hash-mismatch' | 'chain-broken' | 'sequence-gap'; message_zh: string; message_en: string };

/** Walks the whole chain; reports the first entry that does not match. */
export function verifyAudit(db: Db): AuditVerdict {
  let prev = GENESIS;
  let expectedSeq: number | null = null;
  let n = 0;
  for (const row of db.prepare('SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    const fail = (reason: 'hash-mismatch' | 'chain-broken' | 'sequence-gap', zh: string, en: string): AuditVerdict => ({
      ok: false,
      entries: n,
      brokenAt: row.seq,
      reason,
      message_zh: `审计日志第 ${row.seq} 条${zh}，日志可能被篡改`,
      message_en: `Audit entry ${row.seq}: ${en}; the log may have been tampered with`,
    });
    if (expectedSeq !== null && row.seq !== expectedSeq) return fail('sequence-gap', '之前有记录缺失', 'entries before it are missing');
    if (row.prev_hash !== prev) return fail('chain-broken', '与前一条记录接不上', 'does not follow the previous entry');
    if (entryHash(prev, row) !== row.hash) return fail('hash-mismatch', '内容与校验值不符', 'content does not match its hash');
    prev = row.hash;
    expectedSeq = row.seq + 1;
    n++;
  }
  return { ok: true, entries: n, head: prev };
}
