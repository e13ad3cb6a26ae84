/**
 * PostgreSQL central migration 0005_device_binding on a gateway database at version 4: codes
 * stay, each gets an empty device binding, device events arrive. Skips without YZT_TEST_PG_URL.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { PgCentralStore } from '../../../src-main/central/pg-store.js';
import { PG_URL, dropSchema, freshSchema, pgSchemaAt } from '../central/pg-support.js';

describe.skipIf(!PG_URL)('central PostgreSQL migration 0005_device_binding', () => {
  const schema = freshSchema();
  afterAll(() => dropSchema(schema));

  it('upgrades a version 4 database, keeping its enrolment codes', async () => {
    await pgSchemaAt(schema, 4, async (c) => {
      await c.query("INSERT INTO enrol_codes (code_hash, court_id, court_code, created_at, expires_at) VALUES ('h', 'c', '豫0811', 't', 'u')");
    });
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
