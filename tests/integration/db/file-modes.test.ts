/**
 * The databases hold ID numbers and bank accounts (issue 13, point 7): their files, the WAL and
 * the shared-memory file are readable by the service's own user only, also when an older
 * version left them 0644. Against the old code the central's files were 0644.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteCentralStore } from '../../../src-main/central/sqlite-store.js';
import { openDatabase } from '../../../src-main/db/open.js';
import { tempDir } from '../../support/tmp.js';

const mode = (f: string) => statSync(f).mode & 0o777;

describe('database file modes', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it('makes the central database, its WAL and shm 0600', async () => {
    const file = join(dir.path, 'central.sqlite');
    const store = new SqliteCentralStore(file);
    try {
      await store.createCourtToken('h', 'jiaozuo-shanyang', '豫0811', new Date());
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(mode(f)).toBe(0o600);
    } finally {
      await store.close();
    }
  });

  it('narrows a kiosk database an older version left world-readable', () => {
    const file = join(dir.path, 'kiosk', 'kiosk.sqlite');
    openDatabase(file, 'kiosk').close();
    chmodSync(file, 0o644);
    const db = openDatabase(file, 'kiosk');
    try {
      db.prepare("INSERT INTO settings (key, value) VALUES ('probe', 'x')").run();
      for (const f of [file, `${file}-wal`]) expect(mode(f)).toBe(0o600);
    } finally {
      db.close();
    }
  });

  it('leaves no file behind for an in-memory database', () => {
    writeFileSync(join(dir.path, 'marker'), '');
    openDatabase(':memory:', 'central').close();
    expect(() => statSync(':memory:')).toThrow();
  });
});
