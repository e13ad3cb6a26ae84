/**
 * PostgreSQL central migration 0005_device_binding on a gateway database at version 4: codes
 * stay, each gets an empty device binding, device events arrive. Skips without YZT_TEST_PG_URL.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { PgCentralStore } from '../../../src-main/central/pg-store.js';
import { MIGRATIONS_DIR } from '../../../src-main/paths.js';
import { PG_URL, dropSchema, freshSchema } from '../central/pg-support.js';

describe.skipIf(!PG_URL)('central PostgreSQL migration 0005_device_binding', () => {
  const schema = freshSchema();
  afterAll(() => dropSchema(schema));

  it('upgrades a version 4 database, keeping its enrolment codes', async () => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    try {
      await c.query(`CREATE SCHEMA ${schema}`);
      await c.query(`SET search_path = ${schema}`);
      for (const f of ['0001_init.sql', '0002_heartbeat.sql', '0003_clerk_records.sql', '0004_documents.sql']) await c.query(readFileSync(join(MIGRATIONS_DIR, 'central', 'pg', f), 'utf8'));
      await c.query('CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (4)');
      await c.query("INSERT INTO enrol_codes (code_hash, court_id, court_code, created_at, expires_at) VALUES ('h', 'c', '豫0811', 't', 'u')");
    } finally {
      await c.end();
    }
    const store = await PgCentralStore.open(PG_URL!, { schema, max: 2 });
    try {
      expect((await store.pool.query('SELECT code_hash, for_device FROM enrol_codes')).rows).toEqual([{ code_hash: 'h', for_device: null }]);
      await store.pool.query("INSERT INTO device_events (device_id, court_code, action, at) VALUES ('d', '豫0811', 'enrolled', 't')");
      expect(await store.deviceEvents('d')).toEqual([{ deviceId: 'd', courtCode: '豫0811', action: 'enrolled', at: 't' }]);
    } finally {
      await store.close();
    }
  });
});
