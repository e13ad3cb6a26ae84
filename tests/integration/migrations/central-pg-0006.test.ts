/**
 * PostgreSQL central migration 0006_court_token_names on a gateway database at version 5: a
 * token issued before keeps working and is known by the start of its hash; new tokens carry
 * the terminal's name. Skips without YZT_TEST_PG_URL.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { PgCentralStore } from '../../../src-main/central/pg-store.js';
import { PG_URL, dropSchema, freshSchema, pgSchemaAt } from '../central/pg-support.js';

describe.skipIf(!PG_URL)('central PostgreSQL migration 0006_court_token_names', () => {
  const schema = freshSchema();
  afterAll(() => dropSchema(schema));

  it('upgrades a version 5 database, keeping its court tokens', async () => {
    await pgSchemaAt(schema, 5, async (c) => {
      await c.query("INSERT INTO court_tokens (token_hash, court_id, court_code, created_at) VALUES ('abcdef0123', 'jiaozuo-shanyang', '豫0811', 't')");
    });
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
