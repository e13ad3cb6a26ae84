/**
 * Wakes long-polling pulls when a court's cases change in this process. Changes made by
 * another process (the `yzt central case` command, a second gateway on PostgreSQL) are seen
 * by the waiters' periodic re-check instead.
 */
import { EventEmitter } from 'node:events';

export class ChangeNotifier {
  private readonly ee = new EventEmitter();

  constructor() {
    this.ee.setMaxListeners(0);
  }

  notify(courtCode: string): void {
    this.ee.emit(courtCode);
  }

  /** Resolves on a change of the court, after `ms`, or when `signal` aborts. */
  wait(courtCode: string, ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.ee.off(courtCode, done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.ee.on(courtCode, done);
      signal.addEventListener('abort', done);
    });
  }
}
