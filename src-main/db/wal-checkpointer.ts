/**
 * Moves WAL checkpoints off the main thread: one worker per process (wal-checkpoint-worker.ts)
 * checkpoints every registered database on its own connection, so a commit on the main thread
 * only appends to the log. Applying a 500-filing push answer cost 0.36 ms a filing with SQLite's
 * automatic checkpoint inside the commit, against 0.13 ms without it.
 *
 * The main connection gives up its automatic checkpoint only once the worker has the database
 * open, and keeps a high one as a safety net (a stuck worker cannot let the log grow without
 * bound). A worker that cannot open the database, fails on it or dies hands it back to SQLite's
 * usual checkpoint every 1000 pages, with one line in the log.
 */
import { EventEmitter } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../../hardware/barcode/worker-url.js';
import type { Logger } from '../log/logger.js';
import { centralKeyFile } from './central-db-key.js';
import { resolveKeyFile } from './db-key.js';
import type { Db, SchemaName } from './open.js';
import type { CheckpointWorkerIn, CheckpointWorkerOut, CheckpointWorkerSetup } from './wal-checkpoint-worker.js';

/** SQLite's own default, which the main connection goes back to without the worker. */
export const MAIN_AUTOCHECKPOINT_PAGES = 1000;
/** While the worker checkpoints: ~80 MB of log at 4 KiB pages before the main connection steps in. */
export const SAFETY_NET_AUTOCHECKPOINT_PAGES = 20_000;

export interface WalRegistration {
  /** The worker lets the database go (its connection closed); call before closing the main connection. */
  unregister(): Promise<void>;
}

export interface RegisterOptions {
  /** The database file the main connection `db` has open. */
  file: string;
  schema: SchemaName;
  /** As given to openDatabase; the default key file otherwise. */
  keyFile?: string | undefined;
  log: Logger;
}

export interface CheckpointerOptions {
  /** How often the worker looks at every log: measured at ~10 µs per database when nothing changed. */
  intervalMs?: number;
  /** A log file left bigger than this when writes stop is cut back to nothing. */
  truncateAboveBytes?: number;
  /** The worker stops this long after the last database left, so short-lived stores do not start one each. */
  idleStopMs?: number;
}

interface CheckpointerEvents {
  /** The worker has the database open; the main connection no longer checkpoints it. */
  ready: [file: string];
  /** The main connection checkpoints the database itself again. */
  fallback: [file: string, reason: string];
  checkpointed: [file: string, frames: { log: number; checkpointed: number; truncated: boolean }];
}

interface Entry {
  db: Db;
  file: string;
  log: Logger;
  unregistered?: () => void;
}

export class WalCheckpointer {
  private readonly emitter = new EventEmitter();
  private readonly entries = new Map<number, Entry>();
  private worker: Worker | null = null;
  private idleTimer: NodeJS.Timeout | undefined;
  private nextId = 1;
  /** Registrations and unregistrations the worker has not answered yet. */
  private awaited = 0;

  constructor(private readonly o: CheckpointerOptions = {}) {}

  on<K extends keyof CheckpointerEvents>(event: K, listener: (...args: CheckpointerEvents[K]) => void): () => void {
    this.emitter.on(event, listener as (...a: unknown[]) => void);
    return () => this.emitter.off(event, listener as (...a: unknown[]) => void);
  }

  register(db: Db, r: RegisterOptions): WalRegistration {
    if (r.file === ':memory:') return { unregister: () => Promise.resolve() };
    const keyFile = r.schema === 'central' ? centralKeyFile(r.file, r.keyFile) : resolveKeyFile(r.file, r.keyFile);
    const id = this.nextId++;
    this.entries.set(id, { db, file: r.file, log: r.log });
    clearTimeout(this.idleTimer);
    this.send({ type: 'register', id, file: r.file, keyFile, schema: r.schema });
    return { unregister: () => this.unregister(id) };
  }

  /** Stops the worker now, as if it had died: every database falls back. For tests. */
  async stopWorker(): Promise<void> {
    await this.worker?.terminate();
  }

  private unregister(id: number): Promise<void> {
    const e = this.entries.get(id);
    if (!e) return Promise.resolve();
    return new Promise((resolve) => {
      e.unregistered = resolve;
      this.send({ type: 'unregister', id });
    });
  }

  private send(m: CheckpointWorkerIn): void {
    this.worker ??= this.start();
    this.worker.postMessage(m);
    this.answerAwaited(+1);
  }

  /**
   * The worker keeps the process alive only while an answer is awaited (a shutdown awaiting
   * unregister() must reach its db.close()); otherwise it never does: the main connection's own
   * checkpoint on close is the last word. Called after the listeners are on, since adding a
   * 'message' listener refs the port again.
   */
  private answerAwaited(delta: number): void {
    this.awaited += delta;
    if (this.awaited > 0) this.worker?.ref();
    else this.worker?.unref();
  }

  private start(): Worker {
    const setup: CheckpointWorkerSetup = { intervalMs: this.o.intervalMs ?? 100, truncateAboveBytes: this.o.truncateAboveBytes ?? 4 * 1024 * 1024 };
    const worker = startModuleWorker(import.meta.url, 'wal-checkpoint-worker', { workerData: setup });
    worker.on('message', (m: CheckpointWorkerOut) => this.onMessage(m));
    worker.on('error', (e) => this.onWorkerGone(worker, e.message));
    worker.on('exit', (code) => this.onWorkerGone(worker, `exit code ${code}`));
    return worker;
  }

  private onMessage(m: CheckpointWorkerOut): void {
    if (m.type === 'opened' || m.type === 'unregistered' || (m.type === 'failed' && m.during === 'open')) this.answerAwaited(-1);
    const e = this.entries.get(m.id);
    if (!e) return;
    if (m.type === 'opened') {
      if (e.db.open) e.db.pragma(`wal_autocheckpoint = ${SAFETY_NET_AUTOCHECKPOINT_PAGES}`);
      this.emitter.emit('ready', e.file);
    } else if (m.type === 'checkpointed') {
      this.emitter.emit('checkpointed', e.file, { log: m.log, checkpointed: m.checkpointed, truncated: m.truncated });
    } else if (m.type === 'failed') {
      this.entries.delete(m.id);
      this.fallBackOne(e, m.message.startsWith(m.code) ? m.message : `${m.code}: ${m.message}`); // AppError's message begins with its code
      e.unregistered?.();
      this.stopWhenIdle();
    } else {
      this.entries.delete(m.id);
      e.unregistered?.();
      this.stopWhenIdle();
    }
  }

  private fallBack(e: Entry, reason: string): void {
    if (e.db.open) e.db.pragma(`wal_autocheckpoint = ${MAIN_AUTOCHECKPOINT_PAGES}`);
    this.emitter.emit('fallback', e.file, reason);
  }

  /** One line per database the worker could not take (open refused, a checkpoint failed). */
  private fallBackOne(e: Entry, reason: string): void {
    this.fallBack(e, reason);
    if (e.unregistered) return; // it was leaving anyway
    e.log.warn('db.wal-checkpoint.fallback', {
      file: e.file,
      reason,
      detail: `The checkpoint worker could not take this database; its main connection checkpoints every ${MAIN_AUTOCHECKPOINT_PAGES} pages itself`,
    });
  }

  /** The worker died or was stopped: every database it served checkpoints on its own again, said once. */
  private onWorkerGone(worker: Worker, reason: string): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.awaited = 0;
    clearTimeout(this.idleTimer);
    const entries = [...this.entries.values()];
    this.entries.clear();
    for (const e of entries) {
      this.fallBack(e, `checkpoint worker stopped (${reason})`);
      e.unregistered?.();
    }
    const staying = entries.filter((e) => !e.unregistered);
    for (const log of new Set(staying.map((e) => e.log))) {
      log.warn('db.wal-checkpoint.worker-stopped', {
        reason,
        databases: staying.filter((e) => e.log === log).length,
        detail: `The checkpoint worker stopped; the main connections checkpoint every ${MAIN_AUTOCHECKPOINT_PAGES} pages themselves again`,
      });
    }
  }

  private stopWhenIdle(): void {
    if (this.entries.size > 0 || !this.worker) return;
    const worker = this.worker;
    this.idleTimer = setTimeout(() => {
      if (this.entries.size > 0 || this.worker !== worker) return;
      this.worker = null;
      this.awaited = 0;
      void worker.terminate();
    }, this.o.idleStopMs ?? 2000);
    this.idleTimer.unref();
  }
}

/** The process's one checkpointer: a loadtest opens 50 kiosk databases in one process. */
export const walCheckpoints = new WalCheckpointer();
