import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadMigrations, migrate } from '../../../src-main/db/migrate.js';
import { MIGRATIONS_DIR } from '../../../src-main/paths.js';

describe('kiosk migration 0004_sync_pull_status', () => {
  const db = new Database(':memory:');
  migrate(db, loadMigrations(join(MIGRATIONS_DIR, 'kiosk')), { target: 4 });

  it('keeps one pulled status per filing, findable by either number', () => {
    const put = (status: string, version: number) =>
      db
        .prepare(
          `INSERT INTO case_status (filing_id, official_no, provisional_no, status, reasons_json, version, changed_at, received_at)
           VALUES ('f1', '（2026）豫0811执1号', '临-ABCDEF-20261122-0001', ?, '[]', ?, 't', 't')
           ON CONFLICT (filing_id) DO UPDATE SET status = excluded.status, version = excluded.version`,
        )
        .run(status, version);
    put('accepted', 1);
    put('returned', 2);
    const byOfficial = db.prepare('SELECT status, version FROM case_status WHERE official_no = ?').get('（2026）豫0811执1号');
    const byProvisional = db.prepare('SELECT status FROM case_status WHERE provisional_no = ?').get('临-ABCDEF-20261122-0001');
    expect(byOfficial).toEqual({ status: 'returned', version: 2 });
    expect(byProvisional).toEqual({ status: 'returned' });
    expect(db.prepare('SELECT count(*) AS n FROM case_status').get()).toEqual({ n: 1 });
  });

  it('keeps the sync engine state as key/value rows', () => {
    db.prepare("INSERT INTO sync_state (key, value) VALUES ('pull.cursor', '7')").run();
    expect(() => db.prepare("INSERT INTO sync_state (key, value) VALUES ('pull.cursor', '8')").run()).toThrow(/UNIQUE|PRIMARY KEY/);
  });
});
