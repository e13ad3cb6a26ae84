import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadMigrations, migrate } from '../../../src-main/db/migrate.js';
import { MIGRATIONS_DIR } from '../../../src-main/paths.js';

describe('central migration 0011_pre_enforcement_state', () => {
  it('gives a version 10 database’s cases an empty 执前督 state, keeping them', () => {
    const db = new Database(':memory:');
    const all = loadMigrations(join(MIGRATIONS_DIR, 'central'));
    migrate(db, all, { target: 10 });
    db.prepare(
      `INSERT INTO cases (filing_id, device_id, mutation_id, provisional_no, court_code, type_code, year, seq, official_no, status, submitted_at, accepted_at, record_json, updated_at)
       VALUES ('f', 'd', 1, '临-1', '豫0811', '执前督', 2026, 1, '（2026）豫0811执前督1号', 'filed', 't', 't', '{}', 't')`,
    ).run();
    migrate(db, all, { target: 11 });
    expect(db.prepare('SELECT filing_id, official_no, pre_json FROM cases').all()).toEqual([{ filing_id: 'f', official_no: '（2026）豫0811执前督1号', pre_json: null }]);
  });
});
