/**
 * A statement prepared once per connection and kept: the kiosk's sync path asks for the same
 * few statements after every push (settings, sync state, outbox), and preparing each anew was
 * a tenth of the kiosk's time in a busy sync. Kept per connection, so a closed and reopened
 * database prepares again.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from './open.js';

const byDb = new WeakMap<Db, Map<string, Statement>>();

export function prepared<P extends unknown[] = unknown[], R = unknown>(db: Db, sql: string): Statement<P, R> {
  let statements = byDb.get(db);
  if (!statements) byDb.set(db, (statements = new Map()));
  let s = statements.get(sql);
  if (!s) statements.set(sql, (s = db.prepare(sql)));
  return s as unknown as Statement<P, R>;
}
