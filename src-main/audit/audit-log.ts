/**
 * Tamper-evident audit log: every entry's hash covers its content and the previous hash.
 * Appending runs inside the caller's transaction when there is one, so an action and its
 * audit entry commit together.
 *
 * Keyed (kiosk schema 11): from the seal's `keyed_from` on, an entry's hash is an HMAC under the
 * audit key (audit-key.ts), and the seal row carries the chain's last entry and head under the
 * same key. Holding the database key alone, one can still edit the file, but an edited entry,
 * a chain cut short (the seal names a later entry) or a chain written anew (its MACs and seal do
 * not open under the key) no longer verifies. Entries before `keyed_from` are the unkeyed chain
 * of an earlier version, fixed by the `audit.keyed` anchor entry as of the upgrade. Rolling the
 * whole file back to an older copy is what the central catches (audit-anchor on heartbeats).
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../src-shared/api/errors.js';
import type { Db } from '../db/open.js';
import { auditKeyOf, mac } from './audit-key.js';

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

export interface SealRow {
  keyed_from: number;
  last_seq: number;
  head: string;
  mac: string;
}

export const GENESIS = '0'.repeat(64);

type HashInput = { at: string; actor: string; action: string; subject: string | null; details: string };

function fields(prevHash: string, e: HashInput): string {
  // Length-prefixed fields: no two different entries serialise to the same bytes.
  return [prevHash, e.at, e.actor, e.action, e.subject ?? '', e.details].map((p) => `${Buffer.byteLength(p)}:${p}`).join('|');
}

/** The unkeyed link of entries written before the chain was keyed. */
export function entryHash(prevHash: string, e: HashInput): string {
  return createHash('sha256').update(fields(prevHash, e)).digest('hex');
}

export function keyedEntryHash(key: Buffer, prevHash: string, e: HashInput): string {
  return mac(key, `yzt-audit-entry-v1|${fields(prevHash, e)}`);
}

export function sealMac(key: Buffer, s: Omit<SealRow, 'mac'>): string {
  return mac(key, `yzt-audit-seal-v1|${s.keyed_from}|${s.last_seq}|${s.head}`);
}

export function readSeal(db: Db): SealRow | null {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_seal'").get();
  if (!table) return null;
  return (db.prepare('SELECT keyed_from, last_seq, head, mac FROM audit_seal WHERE id = 1').get() as SealRow | undefined) ?? null;
}

export function auditKeyMissing(): AppError {
  return new AppError(
    'audit-key-missing',
    '审计日志的密钥文件缺失，无法记录操作。请技术人员按部署手册处理（不要删除数据库）',
    'The audit chain is keyed but its key file is missing (YZT_AUDIT_KEY_FILE, else keys/audit-chain.key beside the database); see docs/security.md, Audit chain',
  );
}

export function appendAudit(db: Db, entry: AuditEntry): string {
  return db.transaction(() => {
    const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
    const seal = readSeal(db);
    const key = seal ? auditKeyOf(db) : null;
    if (seal && !key) throw auditKeyMissing();
    const prev = last?.hash ?? GENESIS;
    const seq = (last?.seq ?? 0) + 1;
    const details = JSON.stringify(entry.details);
    const input = { ...entry, details };
    const hash = key ? keyedEntryHash(key, prev, input) : entryHash(prev, input);
    db.prepare('INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      seq,
      entry.at,
      entry.actor,
      entry.action,
      entry.subject,
      details,
      prev,
      hash,
    );
    if (seal && key) {
      const next = { keyed_from: seal.keyed_from, last_seq: seq, head: hash };
      db.prepare('UPDATE audit_seal SET last_seq = ?, head = ?, mac = ? WHERE id = 1').run(seq, hash, sealMac(key, next));
    }
    return hash;
  })();
}

type Reason = 'hash-mismatch' | 'chain-broken' | 'sequence-gap' | 'truncated' | 'seal-missing' | 'seal-forged' | 'key-missing';

export type AuditVerdict =
  | { ok: true; entries: number; head: string; /** First keyed entry; null for a chain of an earlier version, not keyed yet. */ keyedFrom: number | null }
  | { ok: false; entries: number; brokenAt: number; reason: Reason; message_zh: string; message_en: string };

function broken(entries: number, seq: number, reason: Reason, zh: string, en: string): AuditVerdict {
  return { ok: false, entries, brokenAt: seq, reason, message_zh: `${zh}，日志可能被篡改`, message_en: `${en}; the log may have been tampered with` };
}

/** The hash of entry `seq` (the chain's head after `seq` entries), for the central's anchor check. */
export function hashAt(db: Db, seq: number): string | null {
  if (seq === 0) return GENESIS;
  return (db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(seq) as { hash: string } | undefined)?.hash ?? null;
}

/** Walks the whole chain and checks the seal; reports the first thing that does not match. */
export function verifyAudit(db: Db): AuditVerdict {
  const seal = readSeal(db);
  const key = auditKeyOf(db);
  if (key && !seal) return broken(0, 0, 'seal-missing', '审计日志的封记缺失', 'The audit seal is missing although the chain is keyed');
  if (seal && !key) return broken(0, 0, 'key-missing', '审计日志的密钥文件缺失，无法核对', 'The audit key file is missing, the keyed chain cannot be checked');
  if (seal && key && sealMac(key, seal) !== seal.mac) return broken(0, seal.last_seq, 'seal-forged', '审计日志的封记与密钥不符', 'The audit seal does not match the audit key');
  let prev = GENESIS;
  let expectedSeq: number | null = null;
  let lastSeq = 0;
  let n = 0;
  for (const row of db.prepare('SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    const fail = (reason: Reason, zh: string, en: string) => broken(n, row.seq, reason, `审计日志第 ${row.seq} 条${zh}`, `Audit entry ${row.seq}: ${en}`);
    if (expectedSeq !== null && row.seq !== expectedSeq) return fail('sequence-gap', '之前有记录缺失', 'entries before it are missing');
    if (row.prev_hash !== prev) return fail('chain-broken', '与前一条记录接不上', 'does not follow the previous entry');
    const want = seal && key && row.seq >= seal.keyed_from ? keyedEntryHash(key, prev, row) : entryHash(prev, row);
    if (want !== row.hash) return fail('hash-mismatch', '内容与校验值不符', 'content does not match its hash');
    prev = row.hash;
    lastSeq = row.seq;
    expectedSeq = row.seq + 1;
    n++;
  }
  if (seal && (seal.last_seq !== lastSeq || seal.head !== prev)) {
    return seal.last_seq > lastSeq
      ? broken(n, lastSeq + 1, 'truncated', `审计日志被截短：封记记到第 ${seal.last_seq} 条，现只剩 ${n} 条`, `The audit log was cut short: the seal names entry ${seal.last_seq}, only ${n} entries remain`)
      : broken(n, seal.last_seq, 'seal-forged', '审计日志末尾与封记不符', 'The end of the audit log does not match its seal');
  }
  return { ok: true, entries: n, head: prev, keyedFrom: seal ? seal.keyed_from : null };
}
