/**
 * Commits that need not wait for the disk (answers and cursors the central gives again) leave
 * the connection as they found it, so what a person enters next is still written with
 * synchronous=FULL; inside a caller's transaction they join it instead of failing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src-main/db/open.js';
import { commitWithoutDiskWait } from '../../../src-main/db/relaxed-commit.js';
import { tempDir } from '../../support/tmp.js';

const FULL = 2;
const NORMAL = 1;

describe('a commit without a disk wait', () => {
  const dir = tempDir('yzt-relaxed-');
  let db: Db;
  afterEach(() => db?.close());

  it('commits at NORMAL and gives the connection back at FULL, also when the work throws', () => {
    db = openDatabase(join(dir.path, 'k1.sqlite'), 'kiosk');
    let during = 0;
    commitWithoutDiskWait(db, () => {
      during = db.pragma('synchronous', { simple: true }) as number;
      db.prepare("INSERT INTO sync_state (key, value) VALUES ('t', '1')").run();
    });
    expect(during).toBe(NORMAL);
    expect(db.pragma('synchronous', { simple: true })).toBe(FULL);
    expect(() => commitWithoutDiskWait(db, () => { db.prepare("INSERT INTO sync_state (key, value) VALUES ('u', '1')").run(); throw new Error('boom'); })).toThrow('boom');
    expect(db.pragma('synchronous', { simple: true })).toBe(FULL);
    expect(db.prepare('SELECT key FROM sync_state WHERE key IN (?, ?)').pluck().all('t', 'u')).toEqual(['t']);
  });

  it("joins a caller's transaction, which decides", () => {
    db = openDatabase(join(dir.path, 'k2.sqlite'), 'kiosk');
    expect(() =>
      db.transaction(() => {
        commitWithoutDiskWait(db, () => db.prepare("INSERT INTO sync_state (key, value) VALUES ('v', '1')").run());
        throw new Error('caller fails');
      })(),
    ).toThrow('caller fails');
    expect(db.prepare("SELECT count(*) FROM sync_state WHERE key = 'v'").pluck().get()).toBe(0);
    expect(db.pragma('synchronous', { simple: true })).toBe(FULL);
  });
});
