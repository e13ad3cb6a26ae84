/**
 * PostgreSQL central migration 0003_clerk_records on a gateway database at version 2: the
 * tables arrive, the devices stay. Skips without YZT_TEST_PG_URL.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { PgCentralStore } from '../../../src-main/central/pg-store.js';
import { PG_URL, dropSchema, freshSchema, pgSchemaAt } from '../central/pg-support.js';

describe.skipIf(!PG_URL)('central PostgreSQL migration 0003_clerk_records', () => {
  const schema = freshSchema();
  afterAll(() => dropSchema(schema));

  it('upgrades a version 2 database, keeping its devices', async () => {
    await pgSchemaAt(schema, 2, async (c) => {
      await c.query("INSERT INTO devices (device_id, court_code, first_seen_at, last_seen_at) VALUES ('d1', '豫0811', 't', 't')");
    });
    const store = await PgCentralStore.open(PG_URL!, { schema, max: 2 });
    try {
      // Opening migrates to the latest version; 0003's tables must have come on the way.
      expect(Number((await store.pool.query('SELECT version FROM schema_version')).rows[0].version)).toBeGreaterThanOrEqual(3);
      expect((await store.pool.query('SELECT device_id FROM devices')).rows).toEqual([{ device_id: 'd1' }]);
      await store.createCourtToken('h', 'jiaozuo-shanyang', '豫0811', new Date());
      expect(await store.courtOfToken('h')).toEqual({ courtId: 'jiaozuo-shanyang', courtCode: '豫0811', name: '窗口终端-h' });
      expect(await store.clerkRecordsSince('豫0811', 0, 10)).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
