import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadMigrations, migrate } from '../../../src-main/db/migrate.js';
import { MIGRATIONS_DIR } from '../../../src-main/paths.js';

describe('central migration 0002_auth_pull', () => {
  const db = new Database(':memory:');
  const migrations = loadMigrations(join(MIGRATIONS_DIR, 'central'));
  migrate(db, migrations, { target: 1 });
  // A device seen before enrolment existed: it must survive the upgrade, unenrolled.
  db.prepare("INSERT INTO devices (device_id, court_code, first_seen_at, last_seen_at) VALUES ('old', '豫0811', 't', 't')").run();
  migrate(db, migrations, { target: 2 });

  it('keeps devices from version 1 as not enrolled, with no credential', () => {
    expect(db.prepare("SELECT court_id, secret, enrolled_at, revoked_at, last_mutation_id FROM devices WHERE device_id = 'old'").get()).toEqual({
      court_id: '',
      secret: null,
      enrolled_at: null,
      revoked_at: null,
      last_mutation_id: 0,
    });
  });

  it('numbers case events once per court and version (the kiosks pull cursor)', () => {
    const add = (court: string, version: number) =>
      db.prepare("INSERT INTO case_events (court_code, version, filing_id, status, reasons_json, at) VALUES (?, ?, 'f', 'accepted', '[]', 't')").run(court, version);
    add('豫0811', 1);
    add('豫14', 1);
    expect(() => add('豫0811', 1)).toThrow(/UNIQUE|PRIMARY KEY/);
  });

  it('stores enrolment codes by hash only, once each', () => {
    const add = () => db.prepare("INSERT INTO enrol_codes (code_hash, court_id, court_code, created_at, expires_at) VALUES ('h', 'c', '豫0811', 't', 't')").run();
    add();
    expect(add).toThrow(/UNIQUE|PRIMARY KEY/);
    const cols = (db.prepare('PRAGMA table_info(enrol_codes)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(cols).not.toContain('code');
  });
});
