import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadMigrations, migrate } from '../../../src-main/db/migrate.js';
import { MIGRATIONS_DIR } from '../../../src-main/paths.js';

describe('central migration 0008_audit_heads', () => {
  it('adds the audit heads to a version 7 database, keeping its heartbeats, and takes only rewind or fork as a problem', () => {
    const db = new Database(':memory:');
    const all = loadMigrations(join(MIGRATIONS_DIR, 'central'));
    migrate(db, all, { target: 7 });
    db.prepare("INSERT INTO heartbeats (device_id, at, summary_json) VALUES ('d', 't', '{}')").run();
    migrate(db, all, { target: 8 });
    expect(db.prepare('SELECT device_id FROM heartbeats').all()).toEqual([{ device_id: 'd' }]);
    db.prepare("INSERT INTO audit_heads (device_id, entries, head, at, problem) VALUES ('d', 3, 'ab', 't', 'fork')").run();
    expect(() => db.prepare("INSERT INTO audit_heads (device_id, entries, head, at, problem) VALUES ('e', 3, 'ab', 't', 'other')").run()).toThrow(/CHECK/);
  });
});
