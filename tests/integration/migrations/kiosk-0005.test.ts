import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadMigrations, migrate } from '../../../src-main/db/migrate.js';
import { MIGRATIONS_DIR } from '../../../src-main/paths.js';

describe('kiosk migration 0005_counter', () => {
  const db = new Database(':memory:');
  migrate(db, loadMigrations(join(MIGRATIONS_DIR, 'kiosk')), { target: 5 });

  it('allows only the three clerk roles', () => {
    const add = (account: string, role: string) => db.prepare("INSERT INTO counter_users (account, display_name, role, password_hash, created_at) VALUES (?, ?, ?, 'h', 't')").run(account, account, role);
    add('a', 'reception');
    expect(() => add('b', 'superuser')).toThrow(/CHECK/);
  });

  it('refuses a correction without the corrected value or its reason', () => {
    db.pragma('foreign_keys = OFF');
    const add = (verdict: string, corrected: string | null, reason: string | null) =>
      db.prepare("INSERT INTO counter_verifications (filing_id, field, verdict, original_value, corrected_value, reason, clerk, at) VALUES ('f', 'amount', ?, '1', ?, ?, 'a', 't')").run(verdict, corrected, reason);
    add('verified', null, null);
    add('corrected', '2', 'typo');
    expect(() => add('corrected', '2', null)).toThrow(/CHECK/);
    expect(() => add('corrected', null, 'why')).toThrow(/CHECK/);
  });
});
