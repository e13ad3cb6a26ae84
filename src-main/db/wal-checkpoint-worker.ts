/**
 * Worker thread: copies the write-ahead log of every registered database into the database
 * file, so the main thread's commits never do it (wal-checkpointer.ts). SQLite's automatic
 * checkpoint runs inside the commit that crosses 1000 pages: a 500-filing push answer crossed
 * it every time, nearly tripling its cost and stalling the kiosk's screen at random commits.
 *
 * Each database gets its own read-write connection here. A PASSIVE checkpoint takes no lock
 * that a writer waits on, so it runs whenever the log has grown; the log is cut back to zero
 * bytes (TRUNCATE, which does wait for the writer) only when it has stayed the same for a
 * whole tick, i.e. nobody was writing, and only when it is big enough to matter.
 */
import { statSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { kioskFileKind, openKioskFile } from './kiosk-cipher.js';
import { CENTRAL_ROLE } from './central-db-key.js';
import type { SchemaName } from './open.js';

export interface CheckpointWorkerSetup {
  /** How often every database's log is looked at. */
  intervalMs: number;
  /** A quiet log bigger than this is cut back to zero bytes. */
  truncateAboveBytes: number;
}

export type CheckpointWorkerIn = { type: 'register'; id: number; file: string; keyFile: string; schema: SchemaName } | { type: 'unregister'; id: number };

export type CheckpointWorkerOut =
  | { type: 'opened'; id: number }
  /** Could not open the database, or a checkpoint failed: the worker has let it go. */
  | { type: 'failed'; id: number; during: 'open' | 'checkpoint'; code: string; message: string }
  | { type: 'unregistered'; id: number }
  /** The log changed since the last tick: `log` frames in it, `checkpointed` of them in the database file. */
  | { type: 'checkpointed'; id: number; log: number; checkpointed: number; truncated: boolean };

interface Watched {
  db: Database.Database;
  file: string;
  passive: Database.Statement;
  /** Frames in the log at the previous tick: unchanged means nobody wrote since. */
  lastLog: number;
  lastCheckpointed: number;
}

const setup = workerData as CheckpointWorkerSetup;
const watched = new Map<number, Watched>();
const post = (m: CheckpointWorkerOut) => parentPort?.postMessage(m);

function walBytes(file: string): number {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}

const failure = (id: number, during: 'open' | 'checkpoint', e: unknown): CheckpointWorkerOut => ({ type: 'failed', id, during, code: (e as { code?: string }).code ?? 'error', message: e instanceof Error ? e.message : String(e) });

function open(m: Extract<CheckpointWorkerIn, { type: 'register' }>): void {
  try {
    // Only what the main side already opened and keyed: a read-write open of a plaintext file would encrypt it in place.
    if (kioskFileKind(m.file) !== 'encrypted') throw Object.assign(new Error(`${m.file} is not an encrypted database`), { code: 'not-encrypted' });
    const db = openKioskFile(m.file, { fileMustExist: true, keyFile: m.keyFile, ...(m.schema === 'central' ? { role: CENTRAL_ROLE } : {}) });
    // Never wait on the main connection's locks: a busy TRUNCATE is simply tried again later.
    db.pragma('busy_timeout = 0');
    // The main connection may commit with synchronous=NORMAL; a checkpoint must still reach the disk before the log is reused.
    db.pragma('synchronous = FULL');
    db.pragma('wal_autocheckpoint = 0');
    watched.set(m.id, { db, file: m.file, passive: db.prepare('PRAGMA wal_checkpoint(PASSIVE)'), lastLog: -1, lastCheckpointed: -1 });
    post({ type: 'opened', id: m.id });
  } catch (e) {
    post(failure(m.id, 'open', e));
  }
}

function checkpoint(id: number, w: Watched): void {
  const r = w.passive.get() as { busy: number; log: number; checkpointed: number };
  const quiet = r.log === w.lastLog && r.checkpointed === w.lastCheckpointed;
  let truncated = false;
  if (quiet && r.log > 0 && r.checkpointed === r.log && walBytes(w.file) > setup.truncateAboveBytes) {
    const t = w.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
    truncated = t[0]?.busy === 0;
    if (truncated) r.log = r.checkpointed = 0;
  }
  if (!quiet || truncated) post({ type: 'checkpointed', id, log: r.log, checkpointed: r.checkpointed, truncated });
  w.lastLog = r.log;
  w.lastCheckpointed = r.checkpointed;
}

function tick(): void {
  for (const [id, w] of watched) {
    try {
      checkpoint(id, w);
    } catch (e) {
      // A busy TRUNCATE is tried again next tick. Anything else (a damaged file, a full disk)
      // hands the database back to the main connection's own checkpoints rather than fail every tick.
      if ((e as { code?: string }).code === 'SQLITE_BUSY') continue;
      drop(id);
      post(failure(id, 'checkpoint', e));
    }
  }
}

function drop(id: number): void {
  try {
    watched.get(id)?.db.close();
  } finally {
    watched.delete(id);
  }
}

parentPort?.on('message', (m: CheckpointWorkerIn) => {
  if (m.type === 'register') open(m);
  else {
    drop(m.id);
    post({ type: 'unregistered', id: m.id });
  }
});
setInterval(tick, setup.intervalMs);
