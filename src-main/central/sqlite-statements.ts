/**
 * The central's SQL is written once for both stores with PostgreSQL's numbered parameters
 * (`$1`, `$2`…, always in order), so SQLite binds the same values with plain `?`. Each store
 * part prepares a statement once and reuses it.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open.js';

const sqliteParams = (sql: string) => sql.replace(/\$\d+/g, '?');

export function statementCache(db: Db): (sql: string) => Statement {
  const statements = new Map<string, Statement>();
  return (sql) => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.prepare(sqliteParams(sql))));
    return s;
  };
}
