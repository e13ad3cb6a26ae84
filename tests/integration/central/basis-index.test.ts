/**
 * The duplicate flag's lookup of a court's cases by basis number (casesByBasis) is answered
 * from an index on both stores, not by reading and parsing every case's record.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { SqliteCentralStore } from '../../../src-main/central/sqlite-store.js';
import { PgCentralStore } from '../../../src-main/central/pg-store.js';
import { BASIS_CASES_SQL } from '../../../src-main/central/case-sql.js';
import { tempDir } from '../../support/tmp.js';
import { PG_SKIP_NOTE, PG_URL, dropSchema, freshSchema } from './pg-support.js';

if (!PG_URL) console.warn(PG_SKIP_NOTE);

describe('the basis-number lookup of the duplicate flag', () => {
  it('uses the cases_basis index on SQLite', async () => {
    const dir = tempDir();
    const store = new SqliteCentralStore(join(dir.path, 'central.sqlite'));
    try {
      const plan = store.db.prepare(`EXPLAIN QUERY PLAN ${BASIS_CASES_SQL.sqlite}`).all('豫0811', JSON.stringify(['（2026）豫0811民初1号', '（2026）豫0811民初2号']), 1) as { detail: string }[];
      expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING INDEX cases_basis/);
    } finally {
      await store.close();
      dir.cleanup();
    }
  });

  it.skipIf(!PG_URL)('uses the cases_basis index on PostgreSQL', async () => {
    const schema = freshSchema();
    const store = await PgCentralStore.open(PG_URL!, { schema, max: 1 });
    try {
      // An empty table is cheapest to scan; forbidding the scan shows whether the index fits the expression.
      await store.pool.query('SET enable_seqscan = off');
      const plan = await store.pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${BASIS_CASES_SQL.postgres}`, ['豫0811', ['（2026）豫0811民初1号', '（2026）豫0811民初2号'], 1]);
      expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/cases_basis/);
    } finally {
      await store.close();
      await dropSchema(schema);
    }
  });
});
