import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseFromFutureError, loadMigrations, migrate, schemaVersion, type Migration } from '../../../src-main/db/migrate.js';
import { openDatabase } from '../../../src-main/db/open.js';
import { openKioskFile } from '../../../src-main/db/kiosk-cipher.js';
import { tempDir } from '../../support/tmp.js';

const m = (version: number, sql: string): Migration => ({ version, name: `m${version}`, sql });

describe('migration runner', () => {
  const dirs: Array<{ cleanup(): void }> = [];
  afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

  it('applies pending migrations in order and records the version', () => {
    const db = new Database(':memory:');
    expect(migrate(db, [m(1, 'CREATE TABLE a (x)'), m(2, 'CREATE TABLE b (y)')])).toEqual([1, 2]);
    expect(schemaVersion(db)).toBe(2);
    expect(migrate(db, [m(1, 'CREATE TABLE a (x)'), m(2, 'CREATE TABLE b (y)')])).toEqual([]);
  });

  it('rolls a failing migration back whole, leaving the previous version', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [m(1, 'CREATE TABLE a (x)'), m(2, 'CREATE TABLE b (y); INSERT INTO nowhere VALUES (1)')])).toThrow();
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
  });

  it('refuses a database from the future with a clear error in Chinese and English', () => {
    const d = tempDir();
    dirs.push(d);
    const file = join(d.path, 'kiosk.sqlite');
    openDatabase(file, 'kiosk').close();
    const raw = openKioskFile(file);
    raw.pragma('user_version = 999');
    raw.close();
    let error: unknown;
    try {
      openDatabase(file, 'kiosk');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseFromFutureError);
    expect((error as DatabaseFromFutureError).message_zh).toContain('数据库版本（999）高于本程序支持的版本');
    expect((error as Error).message).toContain('newer than this app supports');
  });

  it('rejects migration files that skip a number', () => {
    const d = tempDir();
    dirs.push(d);
    writeFileSync(join(d.path, '0001_a.sql'), 'SELECT 1');
    writeFileSync(join(d.path, '0003_c.sql'), 'SELECT 1');
    expect(() => loadMigrations(d.path)).toThrow(/without gaps/);
  });

  it('opens real files in WAL mode with full sync', () => {
    const d = tempDir();
    dirs.push(d);
    const db = openDatabase(join(d.path, 'k.sqlite'), 'kiosk');
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });
});
