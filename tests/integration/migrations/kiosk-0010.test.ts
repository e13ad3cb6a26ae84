import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadMigrations, migrate } from '../../../src-main/db/migrate.js';
import { MIGRATIONS_DIR } from '../../../src-main/paths.js';

describe('kiosk migration 0010_outbox_correction', () => {
  it('keeps every outbox row and the mutation-id high water, and takes corrections', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    const all = loadMigrations(join(MIGRATIONS_DIR, 'kiosk'));
    migrate(db, all, { target: 9 });
    db.prepare("INSERT INTO filings (id, provisional_no, court_id, court_code, type_code, status, applicant_key, submitted_at, record_json, updated_at) VALUES ('f1', '临-1', 'c', '豫0811', '执', 'accepted', 'k', 't', '{}', 't')").run();
    for (let i = 0; i < 3; i++) db.prepare("INSERT INTO outbox (filing_id, kind, body_json, created_at) VALUES ('f1', 'filing.create', '{}', 't')").run();
    db.prepare('DELETE FROM outbox WHERE mutation_id = 3').run(); // the high water (3) is above the last row (2)
    expect(() => db.prepare("INSERT INTO outbox (filing_id, kind, body_json, created_at) VALUES ('f1', 'filing.correct', '{}', 't')").run()).toThrow(/CHECK/);
    migrate(db, all, { target: 10 });
    expect(db.prepare('SELECT mutation_id FROM outbox ORDER BY mutation_id').pluck().all()).toEqual([1, 2]);
    const next = db.prepare("INSERT INTO outbox (filing_id, kind, body_json, created_at) VALUES ('f1', 'filing.correct', '{}', 't')").run();
    expect(Number(next.lastInsertRowid)).toBe(4);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN ('outbox_pending', 'outbox_filing')").pluck().get()).toBe(2);
  });
});
