import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadMigrations, migrate } from '../../../src-main/db/migrate.js';
import { MIGRATIONS_DIR } from '../../../src-main/paths.js';

describe('central migration 0005_documents', () => {
  it('adds the page-image table to a version 4 database, keeping its records', () => {
    const db = new Database(':memory:');
    const all = loadMigrations(join(MIGRATIONS_DIR, 'central'));
    migrate(db, all, { target: 4 });
    db.prepare("INSERT INTO clerk_records (court_code, seq, id, filing_id, kind, created_at, received_at, record_json) VALUES ('豫0811', 1, 'r1', 'f1', 'done', 't', 't', '{}')").run();
    migrate(db, all, { target: 5 });
    expect(db.prepare('SELECT id FROM clerk_records').all()).toEqual([{ id: 'r1' }]);

    const put = (id: string, data: Buffer) =>
      db.prepare("INSERT INTO documents (id, filing_id, court_code, kind, mime, sha256, bytes, data, uploaded_by, uploaded_at) VALUES (?, 'f1', '豫0811', 'basis', 'image/png', 'h', ?, ?, 'dev', 't')").run(id, data.length, data);
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 255]);
    put('d1', bytes);
    expect(() => put('d1', bytes)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect((db.prepare("SELECT data FROM documents WHERE id = 'd1'").get() as { data: Buffer }).data.equals(bytes)).toBe(true);
    expect(() => db.prepare("INSERT INTO documents (id, filing_id, court_code, kind, mime, sha256, bytes, data, uploaded_by, uploaded_at) VALUES ('d2', 'f1', 'c', 'k', 'm', 'h', 'many', x'00', 'dev', 't')").run()).toThrow(/INTEGER|datatype/i);
  });
});
