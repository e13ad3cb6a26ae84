import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadMigrations, migrate } from '../../../src-main/db/migrate.js';
import { MIGRATIONS_DIR } from '../../../src-main/paths.js';

describe('kiosk migration 0007_purge', () => {
  const migrations = loadMigrations(join(MIGRATIONS_DIR, 'kiosk'));
  const db = new Database(':memory:');
  migrate(db, migrations, { target: 6 });
  const insert = (id: string, officialNo: string | null, updatedAt: string) =>
    db
      .prepare(
        `INSERT INTO filings (id, provisional_no, official_no, court_id, court_code, type_code, status, applicant_key, submitted_at, record_json, updated_at)
         VALUES (?, ?, ?, 'c', '豫0811', '执', ?, 'k', 't0', '{}', ?)`,
      )
      .run(id, `临-${id}`, officialNo, officialNo ? 'accepted' : 'pending', updatedAt);
  insert('old-numbered', '（2026）豫0811执1号', '2026-01-02T00:00:00.000Z');
  insert('old-pending', null, '2026-01-01T00:00:00.000Z');
  migrate(db, migrations, { target: 7 });
  const confirmedAt = (id: string) => (db.prepare('SELECT confirmed_at FROM filings WHERE id = ?').get(id) as { confirmed_at: string | null }).confirmed_at;

  it('counts filings numbered before the upgrade from their last update, the others from when a number is bound or they arrive numbered', () => {
    expect(confirmedAt('old-numbered')).toBe('2026-01-02T00:00:00.000Z');
    expect(confirmedAt('old-pending')).toBeNull();
    db.prepare("UPDATE filings SET status_reason_zh = 'x', updated_at = '2026-02-01T00:00:00.000Z' WHERE id = 'old-pending'").run();
    expect(confirmedAt('old-pending')).toBeNull();
    db.prepare("UPDATE filings SET official_no = '（2026）豫0811执2号', status = 'accepted', updated_at = '2026-03-01T00:00:00.000Z' WHERE id = 'old-pending'").run();
    expect(confirmedAt('old-pending')).toBe('2026-03-01T00:00:00.000Z');
    // A later update (a returned reason) does not move the confirmation.
    db.prepare("UPDATE filings SET status_reason_zh = 'y', updated_at = '2026-04-01T00:00:00.000Z' WHERE id = 'old-pending'").run();
    expect(confirmedAt('old-pending')).toBe('2026-03-01T00:00:00.000Z');
    expect(db.prepare('SELECT purged_at FROM filings WHERE id = ?').get('old-pending')).toEqual({ purged_at: null });
    // A filing stored already numbered (another kiosk's, from the counter's court sync).
    insert('arrived', '（2026）豫0811执3号', '2026-05-01T00:00:00.000Z');
    expect(confirmedAt('arrived')).toBe('2026-05-01T00:00:00.000Z');
  });
});
