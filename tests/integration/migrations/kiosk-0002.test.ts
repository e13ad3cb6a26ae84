import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadMigrations, migrate } from '../../../src-main/db/migrate.js';
import { MIGRATIONS_DIR } from '../../../src-main/paths.js';

describe('kiosk migration 0002_applicant_drafts_documents', () => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, loadMigrations(join(MIGRATIONS_DIR, 'kiosk')), { target: 2 });

  it('keeps one saved draft per card owner key', () => {
    const save = () =>
      db.prepare("INSERT INTO drafts (owner_key, iv, tag, body, saved_at, expires_at) VALUES ('k', x'00', x'00', x'00', 't', 't2')").run();
    save();
    expect(save).toThrow(/UNIQUE|PRIMARY KEY/);
  });

  it('binds a photographed page only to a filing that exists', () => {
    const add = (filingId: string | null) =>
      db.prepare("INSERT INTO documents (id, holder, filing_id, kind, mime, bytes, sha256, created_at) VALUES (?, 's', ?, 'basis', 'image/png', x'00', 'h', 't')").run(`d-${filingId}`, filingId);
    add(null);
    expect(() => add('no-such-filing')).toThrow(/FOREIGN KEY/);
  });
});
