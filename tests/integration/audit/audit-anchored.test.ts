/**
 * The keyed audit chain against someone who holds the database key but not the audit key:
 * `yzt audit verify` (a real child process on the real encrypted file) refuses a chain cut
 * short and a chain written anew, and a chain of an earlier version is keyed from an anchor
 * entry at its first read-write open. Against the unkeyed chain of schema 10 the truncation
 * and the rewrite both verified.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src-main/db/open.js';
import { openKioskFile } from '../../../src-main/db/kiosk-cipher.js';
import { loadMigrations, migrate } from '../../../src-main/db/migrate.js';
import { MIGRATIONS_DIR } from '../../../src-main/paths.js';
import { appendAudit, entryHash, GENESIS } from '../../../src-main/audit/audit-log.js';
import { spawnYztRaw } from '../../fault/support/processes.js';
import { tempDir } from '../../support/tmp.js';

async function verify(data: string): Promise<{ code: number | null; verdict: Record<string, unknown> }> {
  const p = spawnYztRaw(['audit', 'verify', '--data', data, '--json']);
  const code = await p.exited;
  await new Promise((r) => setImmediate(r));
  return { code, verdict: JSON.parse(p.lines.find((l) => l.startsWith('{')) ?? '{}') as Record<string, unknown> };
}

const entry = (i: number) => ({ at: `2026-11-22T10:0${i}:00Z`, actor: 'clerk:wang', action: 'filing.verified', subject: `f${i}`, details: { field: 'amount' } });

/** What someone with the database key (and no audit key) can do to the file. */
function withDbKeyOnly(file: string, sql: (raw: Db) => void): void {
  const raw = openKioskFile(file);
  raw.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
  sql(raw);
  raw.close();
}

/** A fresh chain written with the unkeyed link, the way the old code (or a forger) computes it. */
function rewriteWhole(raw: Db, n: number): void {
  raw.exec('DELETE FROM audit_log');
  let prev = GENESIS;
  for (let i = 1; i <= n; i++) {
    const e = { ...entry(i), actor: 'clerk:li', details: JSON.stringify({ field: 'amount' }) };
    const hash = entryHash(prev, e);
    raw.prepare('INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(i, e.at, e.actor, e.action, e.subject, e.details, prev, hash);
    prev = hash;
  }
}

describe('yzt audit verify on a keyed chain', { timeout: 60_000 }, () => {
  let dir: ReturnType<typeof tempDir>;
  let data: string;
  let file: string;
  beforeEach(() => {
    dir = tempDir();
    data = join(dir.path, 'kiosk');
    file = join(data, 'kiosk.sqlite');
  });
  afterEach(() => dir.cleanup());

  const fill = (n: number) => {
    const db = openDatabase(file, 'kiosk');
    for (let i = 1; i <= n; i++) appendAudit(db, entry(i));
    db.close();
  };

  it('verifies an intact chain, and keeps the key 0600 apart from the database key', async () => {
    fill(5);
    const keyFile = join(data, 'keys', 'audit-chain.key');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(await verify(data)).toMatchObject({ code: 0, verdict: { ok: true, entries: 5, keyedFrom: 1 } });
  });

  it('refuses a chain cut short at its end', async () => {
    fill(5);
    withDbKeyOnly(file, (raw) => raw.exec('DELETE FROM audit_log WHERE seq > 3'));
    expect(await verify(data)).toMatchObject({ code: 1, verdict: { ok: false, reason: 'truncated', entries: 3, brokenAt: 4 } });
  });

  it('refuses a chain cut to nothing, seal and all', async () => {
    fill(5);
    withDbKeyOnly(file, (raw) => raw.exec('DELETE FROM audit_log; DELETE FROM audit_seal'));
    expect(await verify(data)).toMatchObject({ code: 1, verdict: { ok: false, reason: 'seal-missing' } });
    // A read-write open does not paper over it by sealing anew.
    openDatabase(file, 'kiosk').close();
    expect((await verify(data)).verdict).toMatchObject({ ok: false, reason: 'seal-missing' });
  });

  it('refuses a chain rewritten whole, with or without the old seal', async () => {
    fill(5);
    withDbKeyOnly(file, (raw) => rewriteWhole(raw, 5));
    expect(await verify(data)).toMatchObject({ code: 1, verdict: { ok: false, reason: 'hash-mismatch', brokenAt: 1 } });
    withDbKeyOnly(file, (raw) => raw.exec('DELETE FROM audit_seal'));
    expect(await verify(data)).toMatchObject({ code: 1, verdict: { ok: false, reason: 'seal-missing' } });
  });

  it('keys a chain of an earlier version from an anchor entry, and then catches its truncation', async () => {
    const old = openKioskFile(file);
    migrate(old, loadMigrations(join(MIGRATIONS_DIR, 'kiosk')), { target: 10 });
    for (let i = 1; i <= 4; i++) appendAudit(old, entry(i));
    old.close();
    expect(existsSync(join(data, 'keys', 'audit-chain.key'))).toBe(false);
    expect(await verify(data)).toMatchObject({ code: 0, verdict: { ok: true, entries: 4, keyedFrom: null } });

    const db = openDatabase(file, 'kiosk');
    const anchor = db.prepare('SELECT seq, actor, action, details FROM audit_log WHERE seq = 5').get() as { action: string; details: string };
    db.close();
    expect(anchor).toMatchObject({ seq: 5, actor: 'system', action: 'audit.keyed' });
    expect(JSON.parse(anchor.details)).toMatchObject({ unkeyedEntries: 4 });
    expect(await verify(data)).toMatchObject({ code: 0, verdict: { ok: true, entries: 5, keyedFrom: 5 } });

    withDbKeyOnly(file, (raw) => raw.exec('DELETE FROM audit_log WHERE seq = 5'));
    expect(await verify(data)).toMatchObject({ code: 1, verdict: { ok: false, reason: 'truncated' } });
  });
});
