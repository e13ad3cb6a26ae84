import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src-main/db/open.js';
import { openKioskFile } from '../../../src-main/db/kiosk-cipher.js';
import { appendAudit, verifyAudit } from '../../../src-main/audit/audit-log.js';
import { tempDir } from '../../support/tmp.js';

describe('audit log hash chain', () => {
  let dir: ReturnType<typeof tempDir>;
  let file: string;
  let db: Db;
  beforeEach(() => {
    dir = tempDir();
    file = join(dir.path, 'kiosk.sqlite');
    db = openDatabase(file, 'kiosk');
    for (let i = 0; i < 5; i++) appendAudit(db, { at: `2026-11-22T10:0${i}:00Z`, actor: 'clerk:wang', action: 'filing.verified', subject: `f${i}`, details: { field: 'amount' } });
  });
  afterEach(() => {
    db.close();
    dir.cleanup();
  });

  /** Tampering as someone with the file would: a second connection, triggers dropped. */
  const tamper = (sql: string) => {
    const raw = openKioskFile(file);
    raw.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
    raw.exec(sql);
    raw.close();
  };

  it('verifies an intact chain', () => {
    expect(verifyAudit(db)).toMatchObject({ ok: true, entries: 5 });
  });

  it('catches an edited row and names it', () => {
    tamper("UPDATE audit_log SET actor = 'clerk:li' WHERE seq = 3");
    const v = verifyAudit(db);
    expect(v).toMatchObject({ ok: false, brokenAt: 3, reason: 'hash-mismatch' });
    expect(!v.ok && v.message_zh).toContain('第 3 条');
  });

  it('catches a row deleted from the middle and from the start', () => {
    tamper('DELETE FROM audit_log WHERE seq = 2');
    expect(verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 3, reason: 'sequence-gap' });
    tamper('DELETE FROM audit_log WHERE seq = 1');
    expect(verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 3, reason: 'chain-broken' });
  });

  it('catches an edited row whose hash was recomputed alone (the next link breaks)', () => {
    // Always a different first character: 'f' alone left one hash in sixteen (those starting with f) unchanged.
    tamper("UPDATE audit_log SET hash = (CASE WHEN substr(hash, 1, 1) = 'f' THEN 'e' ELSE 'f' END) || substr(hash, 2) WHERE seq = 2");
    expect(verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 2 });
  });
});
