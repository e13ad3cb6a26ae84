/**
 * Central migration 0015_basis_column on both stores: cases filed before it get their basis
 * number from their record, and the duplicate lookup finds them by it.
 */
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadMigrations, migrate } from '../../../src-main/db/migrate.js';
import { MIGRATIONS_DIR } from '../../../src-main/paths.js';
import { BASIS_CASES_SQL } from '../../../src-main/central/case-sql.js';
import { PgCentralStore } from '../../../src-main/central/pg-store.js';
import { PG_URL, dropSchema, freshSchema, pgSchemaAt } from '../central/pg-support.js';

const INSERT = `INSERT INTO cases (filing_id, device_id, mutation_id, provisional_no, court_code, type_code, year, seq, official_no, status, submitted_at, accepted_at, record_json, updated_at)
  VALUES ($1, 'd', 1, '临-1', '豫0811', '执', 2026, $2, $3, 'filed', 't', 't', $4, 't')`;
const BASIS = '（2025）豫0811民初42号';

describe('central migration 0015_basis_column', () => {
  it('gives a version 14 SQLite database’s cases their basis number, found by the lookup', () => {
    const db = new Database(':memory:');
    const all = loadMigrations(join(MIGRATIONS_DIR, 'central'));
    migrate(db, all, { target: 14 });
    const insert = db.prepare(INSERT.replace(/\$\d+/g, '?'));
    insert.run('f1', 1, '（2026）豫0811执1号', JSON.stringify({ basisNumber: BASIS }));
    insert.run('f2', 2, '（2026）豫0811执2号', '{}');
    migrate(db, all, { target: 15 });
    expect(db.prepare('SELECT filing_id, basis_number FROM cases ORDER BY id').all()).toEqual([{ filing_id: 'f1', basis_number: BASIS }, { filing_id: 'f2', basis_number: '' }]);
    expect((db.prepare(BASIS_CASES_SQL.sqlite).all('豫0811', JSON.stringify([BASIS]), 1) as { filing_id: string }[]).map((r) => r.filing_id)).toEqual(['f1']);
  });

  describe.skipIf(!PG_URL)('on PostgreSQL', () => {
    const schema = freshSchema();
    afterAll(() => dropSchema(schema));

    it('upgrades a version 14 database, and refuses a case written without its basis number', async () => {
      await pgSchemaAt(schema, 14, (c) => c.query(INSERT, ['f1', 1, '（2026）豫0811执1号', JSON.stringify({ basisNumber: BASIS })]));
      const store = await PgCentralStore.open(PG_URL!, { schema, max: 2 });
      try {
        expect((await store.casesByBasis('豫0811', [BASIS])).get(BASIS)!.map((k) => k.filingId)).toEqual(['f1']);
        await expect(store.pool.query(INSERT, ['f2', 2, '（2026）豫0811执2号', '{}'])).rejects.toMatchObject({ code: '23502' });
      } finally {
        await store.close();
      }
    });
  });
});
