/**
 * Wakes long-polls (a kiosk's pull, a counter's help list, a kiosk's help call) when what they
 * wait on changes. Keys are small: a court code for its cases, `help:<court>`, `help-call:<id>`.
 * On SQLite one process owns the file, so the wake-ups stay in this process
 * (`LocalChangeNotifier`); changes made by the `yzt central case` command are seen by the
 * waiters' periodic re-check. On PostgreSQL they travel through LISTEN/NOTIFY to every gateway
 * (`PgChangeNotifier` in pg-notify.ts).
 */
import { EventEmitter } from 'node:events';

/** What ended a wait: a notice (of the key, or to re-read everything), the time, or the caller. */
export type WakeReason = 'notice' | 'deadline' | 'aborted';

export interface ChangeNotifier {
  notify(key: string): void;
  /** Resolves on a change of `key`, after `ms`, or when `signal` aborts. */
  wait(key: string, ms: number, signal: AbortSignal): Promise<WakeReason>;
  close(): Promise<void>;
}

/** Every waiter listens on this too: after a lost notice channel they all re-read. */
const EVERYTHING = Symbol('everything');

export class LocalChangeNotifier implements ChangeNotifier {
  private readonly ee = new EventEmitter();

  constructor() {
    this.ee.setMaxListeners(0);
  }

  notify(key: string): void {
    this.ee.emit(key);
  }

  /** Wakes every waiter, whatever it waits on. */
  wakeAll(): void {
    this.ee.emit(EVERYTHING);
  }

  wait(key: string, ms: number, signal: AbortSignal): Promise<WakeReason> {
    return new Promise((resolve) => {
      const end = (why: WakeReason) => () => {
        clearTimeout(timer);
        this.ee.off(key, notice);
        this.ee.off(EVERYTHING, notice);
        signal.removeEventListener('abort', aborted);
        resolve(why);
      };
      const notice = end('notice');
      const aborted = end('aborted');
      const timer = setTimeout(end('deadline'), ms);
      this.ee.on(key, notice);
      this.ee.on(EVERYTHING, notice);
      signal.addEventListener('abort', aborted);
    });
  }

  async close(): Promise<void> {
    this.wakeAll();
  }
}
