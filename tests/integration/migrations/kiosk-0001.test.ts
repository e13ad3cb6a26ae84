import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadMigrations, migrate } from '../../../src-main/db/migrate.js';
import { MIGRATIONS_DIR } from '../../../src-main/paths.js';

describe('kiosk migration 0001_init', () => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, loadMigrations(join(MIGRATIONS_DIR, 'kiosk')), { target: 1 });

  it('creates the tables the filing path needs', () => {
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['daily_counters', 'filings', 'outbox', 'settings']));
  });

  const insertFiling = (id: string, prov: string, status = 'pending') =>
    db
      .prepare(
        `INSERT INTO filings (id, provisional_no, court_id, court_code, type_code, status, applicant_key, submitted_at, record_json, updated_at)
         VALUES (?, ?, 'c', '豫0811', '执', ?, 'k', '2026-01-01T00:00:00Z', '{}', '2026-01-01T00:00:00Z')`,
      )
      .run(id, prov, status);

  it('keeps provisional and official numbers unique', () => {
    insertFiling('a', 'P1');
    expect(() => insertFiling('b', 'P1')).toThrow(/UNIQUE/);
    db.prepare("UPDATE filings SET official_no = 'X' WHERE id = 'a'").run();
    insertFiling('c', 'P2');
    expect(() => db.prepare("UPDATE filings SET official_no = 'X' WHERE id = 'c'").run()).toThrow(/UNIQUE/);
  });

  it('rejects an unknown filing status', () => {
    expect(() => insertFiling('d', 'P3', 'lost')).toThrow(/CHECK/);
  });

  it('never reuses a mutation id, even after the newest row is deleted', () => {
    const add = () => Number(db.prepare("INSERT INTO outbox (filing_id, kind, body_json, created_at) VALUES ('a', 'filing.create', '{}', 'now')").run().lastInsertRowid);
    const first = add();
    const second = add();
    db.prepare('DELETE FROM outbox WHERE mutation_id = ?').run(second);
    expect(add()).toBe(second + 1);
    expect(second).toBe(first + 1);
  });

  it('refuses an outbox row for a filing that does not exist', () => {
    expect(() => db.prepare("INSERT INTO outbox (filing_id, kind, body_json, created_at) VALUES ('nope', 'filing.create', '{}', 'now')").run()).toThrow(/FOREIGN KEY/);
  });
});
