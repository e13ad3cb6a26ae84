import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadMigrations, migrate } from '../../../src-main/db/migrate.js';
import { MIGRATIONS_DIR } from '../../../src-main/paths.js';

describe('central migration 0001_init', () => {
  const db = new Database(':memory:');
  migrate(db, loadMigrations(join(MIGRATIONS_DIR, 'central')), { target: 1 });
  const insertCase = (filingId: string, seq: number, officialNo: string) =>
    db
      .prepare(
        `INSERT INTO cases (filing_id, device_id, mutation_id, provisional_no, court_code, type_code, year, seq, official_no, status, submitted_at, accepted_at, record_json)
         VALUES (?, 'd', 1, 'p', '豫0811', '执', 2026, ?, ?, 'accepted', 't', 't', '{}')`,
      )
      .run(filingId, seq, officialNo);

  it('allows one case per filing and one filing per number', () => {
    insertCase('f1', 1, '（2026）豫0811执1号');
    expect(() => insertCase('f1', 2, '（2026）豫0811执2号')).toThrow(/UNIQUE/);
    expect(() => insertCase('f2', 3, '（2026）豫0811执1号')).toThrow(/UNIQUE/);
    expect(() => insertCase('f3', 1, '（2026）豫0811执1号x')).toThrow(/UNIQUE/);
  });

  it('keys the idempotency record on device and mutation id', () => {
    const add = () => db.prepare("INSERT INTO mutations (device_id, mutation_id, result_json, received_at) VALUES ('d', 7, '{}', 't')").run();
    add();
    expect(add).toThrow(/UNIQUE|PRIMARY KEY/);
  });
});
