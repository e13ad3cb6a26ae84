/**
 * The audit chain's key: 32 random bytes in a file of its own, apart from the database key,
 * so someone who holds the database key (its paper backup, a copied key folder on another
 * volume) can read and edit the database but cannot write audit entries or a seal that
 * verify. Where it lives: $YZT_AUDIT_KEY_FILE, else `keys/audit-chain.key` beside the
 * database. It is never printed or backed up on paper: losing it costs only the ability to
 * check the past chain, never data.
 *
 * A new key is first written under a pending name and takes its real name only after the
 * transaction that seals the chain under it has committed (audit-keying.ts). So "key file
 * present, no seal" never happens by a crash, only by someone deleting the seal.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Db } from '../db/open.js';

const KEY_BYTES = 32;

export function auditKeyFileFor(dbFile: string): string {
  return process.env.YZT_AUDIT_KEY_FILE || join(dirname(dbFile), 'keys', 'audit-chain.key');
}

/** Keys of open handles: set when the chain is keyed at open, read from the file otherwise. */
const keys = new WeakMap<Db, Buffer | null>();

export function rememberAuditKey(db: Db, key: Buffer | null): void {
  keys.set(db, key);
}

/** The handle's audit key, or null when its database has none (an unkeyed chain, or in memory). */
export function auditKeyOf(db: Db): Buffer | null {
  if (keys.has(db)) return keys.get(db) ?? null;
  const key = db.name && db.name !== ':memory:' ? readKeyFile(auditKeyFileFor(db.name)) : null;
  keys.set(db, key);
  return key;
}

function parseKey(text: string): Buffer | null {
  const hex = text.trim();
  return /^[0-9a-f]{64}$/i.test(hex) ? Buffer.from(hex, 'hex') : null;
}

export function readKeyFile(file: string): Buffer | null {
  try {
    return parseKey(readFileSync(file, 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

export function newAuditKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** Writes `key` under a pending name (0600, folder 0700) and returns that name. */
export function writePendingKey(keyFile: string, key: Buffer): string {
  mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
  const pending = `${keyFile}.${process.pid}.${randomBytes(4).toString('hex')}.pending`;
  const fd = openSync(pending, 'wx', 0o600);
  try {
    writeSync(fd, `${key.toString('hex')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  chmodSync(pending, 0o600);
  return pending;
}

/** Gives a pending key its real name; a key already there (another process won) is kept. */
export function promotePendingKey(pending: string, keyFile: string): void {
  try {
    linkSync(pending, keyFile);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // EEXIST: another process's key won; ENOENT: another process already promoted this one.
    if (code !== 'EEXIST' && !(code === 'ENOENT' && readKeyFile(keyFile))) throw e;
  } finally {
    rmSync(pending, { force: true });
  }
}

/**
 * After a crash (or a concurrent first open) the seal may be committed under a key that is
 * still pending: the pending key whose MAC opens the seal is the one. Others are leftovers.
 */
export function pendingKeys(keyFile: string): Array<{ file: string; key: Buffer }> {
  let names: string[];
  try {
    names = readdirSync(dirname(keyFile));
  } catch {
    return [];
  }
  const prefix = `${basename(keyFile)}.`;
  return names
    .filter((n) => n.startsWith(prefix) && n.endsWith('.pending'))
    .flatMap((n) => {
      const file = join(dirname(keyFile), n);
      const key = readKeyFile(file);
      return key ? [{ file, key }] : [];
    });
}

export function mac(key: Buffer, text: string): string {
  return createHmac('sha256', key).update(text).digest('hex');
}
