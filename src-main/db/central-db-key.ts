/**
 * The central gateway's SQLite database is encrypted at rest like the kiosk's (issue 13: it holds
 * every court's applicants' ID numbers and bank accounts): the same cipher and the same handling
 * (kiosk-cipher.ts), with a key of its own, `keys/central-db.key` beside the database unless
 * $YZT_CENTRAL_DB_KEY_FILE points elsewhere (a separate volume, a credential unsealed at boot).
 * A plaintext central database of an earlier version is encrypted in place at its first
 * read-write open. PostgreSQL deployments keep their data at rest on an encrypted volume
 * (docs/deployment.md): the app does not encrypt what PostgreSQL stores.
 */
import { dirname, join } from 'node:path';
import type { DbRole } from './kiosk-cipher.js';

export const CENTRAL_ROLE: DbRole = { zh: '网关数据库', en: 'central gateway database', env: 'YZT_CENTRAL_DB_KEY_FILE' };

export function centralKeyFile(dbFile: string, explicit?: string): string {
  return explicit || process.env.YZT_CENTRAL_DB_KEY_FILE || join(dirname(dbFile), 'keys', 'central-db.key');
}
