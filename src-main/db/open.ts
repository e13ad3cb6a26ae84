import Database from 'better-sqlite3';
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MIGRATIONS_DIR } from '../paths.js';
import { openKioskFile } from './kiosk-cipher.js';
import { CENTRAL_ROLE, centralKeyFile } from './central-db-key.js';
import { loadMigrations, migrate } from './migrate.js';
import { ensureAuditKeyed } from '../audit/audit-keying.js';
import { auditKeyFileFor } from '../audit/audit-key.js';

export type Db = Database.Database;
export type SchemaName = 'kiosk' | 'central';

export interface OpenOptions {
  /** The database key file (defaults: db-key.ts for the kiosk, central-db-key.ts for the central). */
  keyFile?: string | undefined;
}

/**
 * Opens (creating if needed) a database file and brings its schema up to date.
 * WAL lets the UI read while the sync engine writes; synchronous=FULL because an accepted
 * filing must survive a power cut the moment the applicant is told it is saved.
 * The kiosk database holds applicants' personal data, so it is encrypted at rest
 * (kiosk-cipher.ts), deleted rows are overwritten (secure_delete) and temporary tables stay in
 * memory rather than in unencrypted temp files. The central's SQLite database holds the same
 * data for a whole court and is encrypted the same way with a key of its own (central-db-key.ts).
 */
/**
 * Both databases hold personal data (ID numbers, bank accounts): readable by the service's own
 * user only. The file is made (or narrowed) to 0600 before SQLite opens it, because SQLite
 * gives the -wal and -shm files the database file's mode.
 */
function ownerOnly(file: string): void {
  closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      chmodSync(f, 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
}

export function openDatabase(file: string, schema: SchemaName, opts: OpenOptions = {}): Db {
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true });
    ownerOnly(file);
  }
  const db =
    file === ':memory:'
      ? new Database(file)
      : schema === 'kiosk'
        ? openKioskFile(file, { keyFile: opts.keyFile })
        : openKioskFile(file, { keyFile: centralKeyFile(file, opts.keyFile), role: CENTRAL_ROLE });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (schema === 'kiosk' || file !== ':memory:') {
      db.pragma('secure_delete = ON');
      db.pragma('temp_store = MEMORY');
    }
    migrate(db, loadMigrations(join(MIGRATIONS_DIR, schema)));
    if (schema === 'kiosk') ensureAuditKeyed(db, file === ':memory:' ? null : auditKeyFileFor(file));
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
