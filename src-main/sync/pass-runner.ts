/**
 * One pass at a time, again when kicked meanwhile, and again after the delay the pass asks for
 * (a backoff after a failure, a poll interval after success). The base of the kiosk's page
 * uploads and the counter's court sync, so neither sends the same row twice at once and a
 * stopped loop leaves no timer behind.
 */
export abstract class PassRunner {
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<void> | null = null;
  private again = false;
  stopped = false;

  /** One pass; returns how long to wait before the next, or undefined for none until kicked. */
  protected abstract pass(): Promise<number | undefined>;

  start(): void {
    this.stopped = false;
    this.kick();
  }

  /** Runs a pass now; cancels a wait. During a pass, another follows it. */
  kick(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.current) {
      this.again = true;
      return;
    }
    this.current = this.loop().finally(() => {
      this.current = null;
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.current;
  }

  /** Resolves when no pass is running. */
  async idle(): Promise<void> {
    while (this.current) await this.current;
  }

  private async loop(): Promise<void> {
    let next: number | undefined;
    do {
      this.again = false;
      next = await this.pass();
    } while (this.again && !this.stopped);
    if (this.stopped || next === undefined) return;
    this.timer = setTimeout(() => this.kick(), next);
    this.timer.unref();
  }
}
