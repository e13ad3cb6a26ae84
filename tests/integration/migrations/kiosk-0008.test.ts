import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadMigrations, migrate } from '../../../src-main/db/migrate.js';
import { MIGRATIONS_DIR } from '../../../src-main/paths.js';

describe('kiosk migration 0008_clerk_record_outbox', () => {
  it('adds the clerk records, their outbox and cursors to a version 7 database, keeping its verifications', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    const all = loadMigrations(join(MIGRATIONS_DIR, 'kiosk'));
    migrate(db, all, { target: 7 });
    db.prepare("INSERT INTO filings (id, provisional_no, court_id, court_code, type_code, status, applicant_key, submitted_at, record_json, updated_at) VALUES ('f1', '临-1', 'c', '豫0811', '执', 'pending', 'k', 't', '{}', 't')").run();
    db.prepare("INSERT INTO counter_verifications (filing_id, field, verdict, original_value, clerk, at) VALUES ('f1', 'amount', 'verified', '1 元', 'wang', 't')").run();
    migrate(db, all, { target: 8 });
    expect(db.prepare('SELECT record_id FROM counter_verifications').all()).toEqual([{ record_id: null }]);

    const record = (id: string, origin = 'local') => db.prepare("INSERT INTO clerk_records (id, filing_id, kind, created_at, origin, record_json) VALUES (?, 'f1', 'done', 't', ?, '{}')").run(id, origin);
    record('r1');
    expect(() => record('r1', 'central')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => record('r2', 'elsewhere')).toThrow(/CHECK/);
    db.prepare("INSERT INTO clerk_record_outbox (record_id) VALUES ('r1')").run();
    expect(() => db.prepare("INSERT INTO clerk_record_outbox (record_id) VALUES ('r1')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO clerk_record_outbox (record_id) VALUES ('nope')").run()).toThrow(/FOREIGN KEY/);

    // One verification row per record: a record applied twice cannot show twice.
    const verify = () => db.prepare("INSERT INTO counter_verifications (filing_id, field, verdict, original_value, clerk, at, record_id) VALUES ('f1', 'amount', 'verified', '1 元', 'wang', 't', 'r1')").run();
    verify();
    expect(verify).toThrow(/UNIQUE/);
    db.prepare("INSERT INTO counter_cursors (name, value) VALUES ('records', 3)").run();
    expect(db.prepare('SELECT value FROM counter_cursors').get()).toEqual({ value: 3 });
  });
});
