/**
 * Runs the deep check (quick_check and the audit chain) in a worker at start and every
 * `intervalMs`, and keeps the latest answer for the heartbeat and the admin screen. A kiosk
 * with a million filings used to spend 20-60 s in quick_check on the main thread at start and
 * again inside the heartbeat.
 */
import { EventEmitter } from 'node:events';
import { startModuleWorker } from '../../hardware/barcode/worker-url.js';
import type { Logger } from '../log/logger.js';
import { deepCheckOk, type DeepCheck } from './deep-check.js';
import type { IntegrityWorkerInput, IntegrityWorkerOutput } from './integrity-worker.js';

export const INTEGRITY_INTERVAL_MS = 6 * 60 * 60_000;

export interface IntegrityMonitorOptions extends IntegrityWorkerInput {
  log: Logger;
  intervalMs?: number;
}

interface MonitorEvents {
  /** Every finished check. */
  checked: [check: DeepCheck];
  /** A check that found the database or the audit chain damaged, or could not open it. */
  problem: [what: 'database' | 'audit' | 'unreadable'];
}

export class IntegrityMonitor {
  private readonly emitter = new EventEmitter();
  private last: DeepCheck | null = null;
  private running: Promise<DeepCheck | null> | null = null;
  private queued: Promise<DeepCheck | null> | null = null;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly o: IntegrityMonitorOptions) {}

  /** The latest finished check; null until the first one ends. */
  get latest(): DeepCheck | null {
    return this.last;
  }

  on<K extends keyof MonitorEvents>(event: K, listener: (...args: MonitorEvents[K]) => void): () => void {
    this.emitter.on(event, listener as (...a: unknown[]) => void);
    return () => this.emitter.off(event, listener as (...a: unknown[]) => void);
  }

  start(): void {
    void this.runNow();
    this.timer = setInterval(() => void this.runNow(), this.o.intervalMs ?? INTEGRITY_INTERVAL_MS);
    this.timer.unref();
  }

  /**
   * Runs a check that starts after this call. One already running may have read the file before
   * whatever the caller wants checked, so the caller is given the next check, queued behind it;
   * callers arriving while one is queued share that one.
   */
  runNow(): Promise<DeepCheck | null> {
    if (this.stopped) return Promise.resolve(null);
    if (!this.running) return this.begin();
    this.queued ??= this.running.then(() => {
      this.queued = null;
      return this.stopped ? null : this.begin();
    });
    return this.queued;
  }

  private begin(): Promise<DeepCheck | null> {
    const run = this.runWorker().finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.queued;
    await this.running;
  }

  private runWorker(): Promise<DeepCheck | null> {
    const input: IntegrityWorkerInput = { dbFile: this.o.dbFile, keyFile: this.o.keyFile };
    const started = Date.now();
    return new Promise((resolve) => {
      const worker = startModuleWorker(import.meta.url, 'integrity-worker', { workerData: input });
      let answered = false;
      worker.once('message', (out: IntegrityWorkerOutput) => {
        answered = true;
        void worker.terminate();
        if (!out.ok) {
          this.o.log.error('db.integrity.unreadable', { code: out.code, error: out.message });
          this.emitter.emit('problem', 'unreadable');
          return resolve(null);
        }
        this.last = out.check;
        const quickOk = deepCheckOk(out.check);
        this.o.log[quickOk && out.check.audit.ok ? 'info' : 'error']('db.integrity.checked', {
          ms: Date.now() - started,
          quickCheck: quickOk ? 'ok' : out.check.quickCheck.slice(0, 3).join('; '),
          audit: out.check.audit.ok ? 'ok' : out.check.audit.reason,
          auditEntries: out.check.audit.entries,
        });
        this.emitter.emit('checked', out.check);
        if (!quickOk) this.emitter.emit('problem', 'database');
        else if (!out.check.audit.ok) this.emitter.emit('problem', 'audit');
        resolve(out.check);
      });
      worker.once('error', (e) => {
        answered = true;
        this.o.log.error('db.integrity.worker-failed', { error: e.message });
        resolve(null);
      });
      // A worker that ends without a word (killed, out of memory) must not leave callers waiting.
      worker.once('exit', (code) => {
        if (answered) return;
        this.o.log.error('db.integrity.worker-exited', { code });
        resolve(null);
      });
    });
  }
}
