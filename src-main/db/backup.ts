/**
 * A backup of the kiosk database that stays encrypted with the same key. SQLite's online backup
 * (better-sqlite3's `db.backup()`) cannot write into a new file from an encrypted one (the page
 * layouts differ: the cipher reserves bytes on every page), whereas VACUUM INTO copies through the
 * codec: a consistent snapshot, compacted, encrypted as the source is.
 */
import { existsSync } from 'node:fs';
import type { Db } from './open.js';

export function backupKioskDb(db: Db, file: string): void {
  if (existsSync(file)) throw new Error(`backup target ${file} already exists; VACUUM INTO writes only a new file`);
  db.prepare('VACUUM INTO ?').run(file);
}
