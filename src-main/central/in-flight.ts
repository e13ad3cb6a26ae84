/**
 * The requests the central is still answering, so a stop (SIGTERM) can let them finish before
 * the store closes: a push cut off half-way would have the kiosk retry what may have committed,
 * and a store closed under a running request answers 500 ("Cannot use a pool after calling end
 * on the pool") for work that was fine.
 */
export class InFlight {
  private count = 0;
  private waiters: (() => void)[] = [];

  track(work: Promise<void>): void {
    this.count += 1;
    void work.finally(() => {
      this.count -= 1;
      if (this.count === 0) for (const w of this.waiters.splice(0)) w();
    });
  }

  get size(): number {
    return this.count;
  }

  /** Resolves when no request is running, or after `timeoutMs` (a request that hangs must not hold the stop forever). */
  drained(timeoutMs: number): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      timer.unref();
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
