/**
 * PostgreSQL central migration 0004_documents on a gateway database at version 3: the page
 * table arrives, the clerk records stay, bytes round-trip. Skips without YZT_TEST_PG_URL.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PgCentralStore } from '../../../src-main/central/pg-store.js';
import { MIGRATIONS_DIR } from '../../../src-main/paths.js';
import { PG_URL, dropSchema, freshSchema, pgSchemaAt } from '../central/pg-support.js';

describe.skipIf(!PG_URL)('central PostgreSQL migration 0004_documents', () => {
  const schema = freshSchema();
  afterAll(() => dropSchema(schema));

  it('upgrades a version 3 database, keeping its clerk records', async () => {
    await pgSchemaAt(schema, 3, async (c) => {
      await c.query("INSERT INTO clerk_records (court_code, seq, id, filing_id, kind, created_at, received_at, record_json) VALUES ('豫0811', 1, 'r1', 'f1', 'done', 't', 't', '{}')");
    });
    const store = await PgCentralStore.open(PG_URL!, { schema, max: 2 });
    try {
      // Upgraded to the latest version, whatever later migrations add.
      expect((await store.pool.query('SELECT version FROM schema_version')).rows).toEqual([{ version: readdirSync(join(MIGRATIONS_DIR, 'central', 'pg')).filter((f) => f.endsWith('.sql')).length }]);
      expect((await store.pool.query('SELECT id FROM clerk_records')).rows).toEqual([{ id: 'r1' }]);
      const data = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 255]);
      const doc = { id: 'd1', filingId: 'f1', courtCode: '豫0811', kind: 'basis', mime: 'image/png', sha256: 'h', bytes: data.length, data, uploadedBy: 'dev' };
      expect(await store.putDocument(doc, new Date())).toBe('stored');
      expect(await store.putDocument(doc, new Date())).toBe('unchanged');
      expect(await store.putDocument({ ...doc, sha256: 'other' }, new Date())).toBe('conflict');
      const back = await store.getDocument('d1');
      expect(back?.data.equals(data)).toBe(true);
      expect(back?.bytes).toBe(6);
    } finally {
      await store.close();
    }
  });
});
