import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadMigrations, migrate } from '../../../src-main/db/migrate.js';
import { MIGRATIONS_DIR } from '../../../src-main/paths.js';

describe('kiosk migration 0006_handovers', () => {
  const db = new Database(':memory:');
  migrate(db, loadMigrations(join(MIGRATIONS_DIR, 'kiosk')), { target: 6 });

  it('refuses a row whose nonce or tag has the wrong length, and a second row for one code', () => {
    const add = (hash: string, iv: number, tag: number) =>
      db.prepare("INSERT INTO handovers (code_hash, iv, tag, body, created_at, expires_at) VALUES (?, ?, ?, x'00', 't', 't')").run(hash, Buffer.alloc(iv), Buffer.alloc(tag));
    add('a', 12, 16);
    expect(() => add('b', 8, 16)).toThrow(/CHECK/);
    expect(() => add('c', 12, 4)).toThrow(/CHECK/);
    expect(() => add('a', 12, 16)).toThrow(/UNIQUE|PRIMARY/);
  });
});
