import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadMigrations, migrate } from '../../../src-main/db/migrate.js';
import { MIGRATIONS_DIR } from '../../../src-main/paths.js';

describe('central migration 0006_device_binding', () => {
  it('adds the device-bound code column and the device events to a version 5 database, keeping its codes', () => {
    const db = new Database(':memory:');
    const all = loadMigrations(join(MIGRATIONS_DIR, 'central'));
    migrate(db, all, { target: 5 });
    db.prepare("INSERT INTO enrol_codes (code_hash, court_id, court_code, created_at, expires_at) VALUES ('h', 'c', '豫0811', 't', 'u')").run();
    migrate(db, all, { target: 6 });
    expect(db.prepare('SELECT code_hash, for_device FROM enrol_codes').all()).toEqual([{ code_hash: 'h', for_device: null }]);
    db.prepare("INSERT INTO device_events (device_id, court_code, action, at) VALUES ('d', '豫0811', 'enrolled', 't')").run();
    expect(db.prepare('SELECT id, action FROM device_events').all()).toEqual([{ id: 1, action: 'enrolled' }]);
  });
});
