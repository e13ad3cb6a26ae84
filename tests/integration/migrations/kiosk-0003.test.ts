import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadMigrations, migrate } from '../../../src-main/db/migrate.js';
import { MIGRATIONS_DIR } from '../../../src-main/paths.js';

describe('kiosk migration 0003_audit_log', () => {
  const db = new Database(':memory:');
  migrate(db, loadMigrations(join(MIGRATIONS_DIR, 'kiosk')), { target: 3 });
  const add = (hash: string) =>
    db.prepare("INSERT INTO audit_log (at, actor, action, subject, details, prev_hash, hash) VALUES ('t', 'system', 'x', NULL, '{}', 'p', ?)").run(hash);

  it('creates the audit table with unique hashes', () => {
    add('h1');
    expect(() => add('h1')).toThrow(/UNIQUE/);
  });

  it('refuses to change or delete an entry through SQL', () => {
    expect(() => db.prepare("UPDATE audit_log SET action = 'y'").run()).toThrow(/cannot be changed/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/cannot be deleted/);
  });
});
