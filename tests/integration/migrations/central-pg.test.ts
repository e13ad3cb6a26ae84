/**
 * The central's PostgreSQL migrations (migrations/central/pg): each applied once, in order, to a
 * fresh schema; a database from a newer gateway refused. Skips without YZT_TEST_PG_URL.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { PgCentralStore, CentralSchemaFromFutureError } from '../../../src-main/central/pg-store.js';
import { MIGRATIONS_DIR } from '../../../src-main/paths.js';
import { PG_URL, dropSchema, freshSchema } from '../central/pg-support.js';

describe.skipIf(!PG_URL)('central PostgreSQL migrations', () => {
  const schema = freshSchema();
  const latest = readdirSync(join(MIGRATIONS_DIR, 'central', 'pg')).filter((f) => f.endsWith('.sql')).length;
  afterAll(() => dropSchema(schema));

  const query = async (sql: string) => {
    const c = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema}` });
    await c.connect();
    try {
      return (await c.query(sql)).rows;
    } finally {
      await c.end();
    }
  };

  it('brings a fresh schema to the latest version, with the tables each migration adds', async () => {
    const store = await PgCentralStore.open(PG_URL!, { schema, max: 2 });
    await store.pool.end();
    expect(await query('SELECT version FROM schema_version')).toEqual([{ version: latest }]);
    const tables = (await query(`SELECT table_name FROM information_schema.tables WHERE table_schema = '${schema}'`)).map((r) => r.table_name);
    expect(tables).toEqual(expect.arrayContaining(['devices', 'sequences', 'cases', 'mutations', 'enrol_codes', 'case_events', 'heartbeats', 'clerk_records', 'clerk_record_seqs', 'court_tokens']));
  });

  it('opens again without re-applying anything', async () => {
    const store = await PgCentralStore.open(PG_URL!, { schema, max: 2 });
    await store.pool.end();
    expect(await query('SELECT version FROM schema_version')).toEqual([{ version: latest }]);
  });

  it('refuses a database written by a newer gateway', async () => {
    await query('UPDATE schema_version SET version = 99');
    await expect(PgCentralStore.open(PG_URL!, { schema, max: 2 })).rejects.toBeInstanceOf(CentralSchemaFromFutureError);
  });
});
