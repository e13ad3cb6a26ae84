/**
 * The central's SQL is written once for both stores with PostgreSQL's numbered parameters
 * (`$1`, `$2`…, always in order), so SQLite binds the same values with plain `?`. Each store
 * part prepares a statement once per connection and reuses it.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open.js';
import { prepared } from '../db/prepared.js';

const sqliteParams = (sql: string) => sql.replace(/\$\d+/g, '?');

/** Statements kept per connection by db/prepared.ts, the kiosk's cache too. */
export function statementCache(db: Db): (sql: string) => Statement {
  return (sql) => prepared(db, sqliteParams(sql));
}
