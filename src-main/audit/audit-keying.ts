/**
 * Keying the audit chain at a kiosk database's read-write open (after the migrations):
 * - sealed and the key is there: nothing to do;
 * - sealed, key still pending (a crash, or another process's first open, between the commit and
 *   the key's rename): the pending key that opens the seal takes its name;
 * - sealed, no key at all: refused, entries could not be written keyed (audit-key-missing);
 * - no seal, no key: a new database, or one of an earlier version: a new key, and in one
 *   transaction the seal and, when there are earlier (unkeyed) entries, an `audit.keyed` anchor
 *   entry whose keyed hash covers their head;
 * - no seal but a key: the seal was deleted. Never re-sealed here, so the tampering stays
 *   visible to `yzt audit verify`.
 */
import type { Db } from '../db/open.js';
import { GENESIS, appendAudit, auditKeyMissing, readSeal, sealMac } from './audit-log.js';
import { newAuditKey, pendingKeys, promotePendingKey, readKeyFile, rememberAuditKey, writePendingKey } from './audit-key.js';
import { rmSync } from 'node:fs';

function adoptPending(keyFile: string, db: Db): Buffer | null {
  const seal = readSeal(db);
  if (!seal) return null;
  for (const p of pendingKeys(keyFile)) {
    if (sealMac(p.key, seal) === seal.mac) {
      promotePendingKey(p.file, keyFile);
      return readKeyFile(keyFile);
    }
  }
  return null;
}

function clearLeftovers(keyFile: string): void {
  for (const p of pendingKeys(keyFile)) rmSync(p.file, { force: true });
}

/** `keyFile` null: an in-memory database, keyed for the life of the handle. */
export function ensureAuditKeyed(db: Db, keyFile: string | null, now: () => Date = () => new Date()): void {
  const existing = keyFile ? readKeyFile(keyFile) : null;
  const seal = readSeal(db);
  if (seal) {
    const key = existing ?? (keyFile ? adoptPending(keyFile, db) : null);
    if (!key) throw auditKeyMissing();
    rememberAuditKey(db, key);
    if (keyFile) clearLeftovers(keyFile);
    return;
  }
  if (existing) {
    rememberAuditKey(db, existing);
    return;
  }
  const key = newAuditKey();
  const pending = keyFile ? writePendingKey(keyFile, key) : null;
  let sealedHere = false;
  db.transaction(() => {
    if (readSeal(db)) return; // another process sealed first; its key is adopted below
    const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
    const base = { keyed_from: (last?.seq ?? 0) + 1, last_seq: last?.seq ?? 0, head: last?.hash ?? GENESIS };
    db.prepare('INSERT INTO audit_seal (id, keyed_from, last_seq, head, mac) VALUES (1, ?, ?, ?, ?)').run(base.keyed_from, base.last_seq, base.head, sealMac(key, base));
    rememberAuditKey(db, key);
    if (last) {
      appendAudit(db, {
        at: now().toISOString(),
        actor: 'system',
        action: 'audit.keyed',
        subject: null,
        details: { unkeyedEntries: last.seq, unkeyedHead: last.hash, note: 'entries before this one predate the keyed chain and are fixed as of this entry' },
      });
    }
    sealedHere = true;
  }).immediate();
  if (!pending || !keyFile) return;
  if (sealedHere) {
    promotePendingKey(pending, keyFile);
    clearLeftovers(keyFile);
    return;
  }
  rmSync(pending, { force: true });
  const theirs = readKeyFile(keyFile) ?? adoptPending(keyFile, db);
  if (!theirs) throw auditKeyMissing();
  rememberAuditKey(db, theirs);
}
