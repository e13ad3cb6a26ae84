/**
 * One transaction committed without waiting for the disk (WAL with synchronous=NORMAL: never
 * torn, at worst the last few commits lost in a power cut), for writes that are safe to lose
 * because they are asked for again: the central's answers to a push (it keeps each answer by
 * mutation id and gives it again), the sync engine's cursor and last-contact times. Everything
 * a person entered is still written with synchronous=FULL, and the next such commit carries
 * these along, since the WAL is written in order.
 */
import type { Db } from './open.js';
import { prepared } from './prepared.js';

export function commitWithoutDiskWait<T>(db: Db, fn: () => T): T {
  // Inside a caller's transaction the caller's commit decides (SQLite refuses to change the
  // level mid-transaction).
  if (db.inTransaction) return fn();
  // Prepared once per connection: db.pragma() prepares anew on every call, three times a push.
  const was = prepared<[], number>(db, 'PRAGMA synchronous').pluck().get()!;
  prepared(db, 'PRAGMA synchronous = NORMAL').run();
  try {
    return db.transaction(fn).immediate();
  } finally {
    prepared(db, `PRAGMA synchronous = ${was}`).run();
  }
}
