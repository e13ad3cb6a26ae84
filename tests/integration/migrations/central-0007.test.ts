import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadMigrations, migrate } from '../../../src-main/db/migrate.js';
import { MIGRATIONS_DIR } from '../../../src-main/paths.js';
import { tokenHolder, type TokenRow } from '../../../src-main/central/clerk-record-sql.js';

describe('central migration 0007_court_token_names', () => {
  it('gives court tokens a name column and cases a follow-up link on a version 6 database; a token issued before is known by the start of its hash', () => {
    const db = new Database(':memory:');
    const all = loadMigrations(join(MIGRATIONS_DIR, 'central'));
    migrate(db, all, { target: 6 });
    db.prepare("INSERT INTO court_tokens (token_hash, court_id, court_code, created_at) VALUES ('abcdef0123', 'jiaozuo-shanyang', '豫0811', 't')").run();
    migrate(db, all, { target: 7 });
    const row = db.prepare('SELECT court_id, court_code, name FROM court_tokens').get() as TokenRow;
    expect(row.name).toBeNull();
    expect(tokenHolder(row, 'abcdef0123')).toEqual({ courtId: 'jiaozuo-shanyang', courtCode: '豫0811', name: '窗口终端-abcdef' });
    // Cases gain their follow-up link: one follow-up per origin and event.
    const insert = db.prepare(
      `INSERT INTO cases (filing_id, device_id, mutation_id, provisional_no, court_code, type_code, year, seq, official_no, status, submitted_at, accepted_at, record_json, follows, follow_event)
       VALUES (?, 'court:窗口1', 0, 'p', '豫0811', '执', 2026, ?, ?, 'filed', 't', 't', '{}', 'origin', 'pre-enforcement-failed')`,
    );
    insert.run('f1', 1, 'n1');
    expect(() => insert.run('f2', 2, 'n2')).toThrow(/UNIQUE/);
  });
});
