import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadMigrations, migrate } from '../../../src-main/db/migrate.js';
import { MIGRATIONS_DIR } from '../../../src-main/paths.js';

describe('central migration 0003_heartbeat', () => {
  it('adds one heartbeat row per device to a version 2 database, keeping its devices', () => {
    const db = new Database(':memory:');
    const all = loadMigrations(join(MIGRATIONS_DIR, 'central'));
    migrate(db, all, { target: 2 });
    db.prepare("INSERT INTO devices (device_id, court_code, first_seen_at, last_seen_at, enrolled_at) VALUES ('d1', '豫0811', 't', 't', 't')").run();
    migrate(db, all, { target: 3 });
    const beat = () => db.prepare("INSERT INTO heartbeats (device_id, at, summary_json) VALUES ('d1', 't', '{}')").run();
    beat();
    expect(beat).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => db.prepare("INSERT INTO heartbeats (device_id, at, summary_json) VALUES ('d2', NULL, '{}')").run()).toThrow(/NOT NULL/);
    expect(db.prepare('SELECT count(*) AS n FROM devices').get()).toEqual({ n: 1 });
  });
});
