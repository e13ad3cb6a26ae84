/**
 * PostgreSQL central migration 0006_court_token_names on a gateway database at version 5: a
 * token issued before keeps working and is known by the start of its hash; new tokens carry
 * the terminal's name. Skips without YZT_TEST_PG_URL.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { PgCentralStore } from '../../../src-main/central/pg-store.js';
import { MIGRATIONS_DIR } from '../../../src-main/paths.js';
import { PG_URL, dropSchema, freshSchema } from '../central/pg-support.js';

describe.skipIf(!PG_URL)('central PostgreSQL migration 0006_court_token_names', () => {
  const schema = freshSchema();
  afterAll(() => dropSchema(schema));

  it('upgrades a version 5 database, keeping its court tokens', async () => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    try {
      await c.query(`CREATE SCHEMA ${schema}`);
      await c.query(`SET search_path = ${schema}`);
      for (const f of ['0001_init.sql', '0002_heartbeat.sql', '0003_clerk_records.sql', '0004_documents.sql', '0005_device_binding.sql']) await c.query(readFileSync(join(MIGRATIONS_DIR, 'central', 'pg', f), 'utf8'));
      await c.query('CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (5)');
      await c.query("INSERT INTO court_tokens (token_hash, court_id, court_code, created_at) VALUES ('abcdef0123', 'jiaozuo-shanyang', '豫0811', 't')");
    } finally {
      await c.end();
    }
    const store = await PgCentralStore.open(PG_URL!, { schema, max: 2 });
    try {
      expect(await store.courtOfToken('abcdef0123')).toEqual({ courtId: 'jiaozuo-shanyang', courtCode: '豫0811', name: '窗口终端-abcdef' });
      await store.createCourtToken('h2', 'jiaozuo-shanyang', '豫0811', new Date(), '窗口3');
      expect(await store.courtOfToken('h2')).toEqual({ courtId: 'jiaozuo-shanyang', courtCode: '豫0811', name: '窗口3' });
    } finally {
      await store.close();
    }
  });
});
