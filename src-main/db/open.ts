import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MIGRATIONS_DIR } from '../paths.js';
import { loadMigrations, migrate } from './migrate.js';

export type Db = Database.Database;
export type SchemaName = 'kiosk' | 'central';

/**
 * Opens (creating if needed) a database file and brings its schema up to date.
 * WAL lets the UI read while the sync engine writes; synchronous=FULL because an accepted
 * filing must survive a power cut the moment the applicant is told it is saved.
 */
export function openDatabase(file: string, schema: SchemaName): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, loadMigrations(join(MIGRATIONS_DIR, schema)));
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
