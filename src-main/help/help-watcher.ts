/**
 * A counter PC's view of its court's calls for staff: a long-poll on the central's court feed
 * with the counter's court token, so a call shows within a second rather than at the next
 * 15-second court sync. A lobby kiosk has no court token and never asks.
 */
import type { HelpCallView } from '../../src-shared/api/help.js';
import { AppError } from '../../src-shared/api/errors.js';
import type { Logger } from '../log/logger.js';

export interface HelpWatcherOptions {
  centralUrl: () => string | null;
  token: () => string | null;
  log: Logger;
  onCalls: (calls: HelpCallView[]) => void;
  waitMs?: number;
  /** Pause when there is no token, or after a failure. */
  idleMs?: number;
}

export class HelpWatcher {
  private calls: HelpCallView[] = [];
  private version = 0;
  private readonly stopping = new AbortController();
  private loop: Promise<void> | null = null;

  constructor(private readonly o: HelpWatcherOptions) {}

  list(): HelpCallView[] {
    return this.calls;
  }

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop;
  }

  private update(calls: HelpCallView[], version: number): void {
    this.version = version;
    const changed = JSON.stringify(calls) !== JSON.stringify(this.calls);
    this.calls = calls;
    if (changed) this.o.onCalls(calls);
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      this.stopping.signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
    });
  }

  private async run(): Promise<void> {
    const wait = this.o.waitMs ?? 25_000;
    let failures = 0;
    while (!this.stopping.signal.aborted) {
      const url = this.o.centralUrl();
      const token = this.o.token();
      if (!url || !token) {
        await this.pause(this.o.idleMs ?? 15_000);
        continue;
      }
      try {
        const res = await fetch(`${url.replace(/\/$/, '')}/v1/court/help?since=${this.version}&wait=${wait}`, {
          headers: { authorization: `Bearer ${token}` },
          signal: AbortSignal.any([this.stopping.signal, AbortSignal.timeout(wait + 10_000)]),
        });
        if (!res.ok) throw new Error(`http-${res.status}`);
        const body = (await res.json()) as { calls: HelpCallView[]; version: number };
        // A restarted central counts from zero again: take its list as it is.
        this.update(body.calls, body.version);
        failures = 0;
      } catch (e) {
        if (this.stopping.signal.aborted) return;
        failures += 1;
        if (failures === 1) this.o.log.info('help.watch.failed', { error: e instanceof Error ? e.message : String(e) });
        await this.pause(Math.min(15_000, 1_000 * failures));
      }
    }
  }

  /** A clerk takes a call; the kiosk learns it from the central. */
  async acknowledge(id: string, by: string): Promise<HelpCallView> {
    const url = this.o.centralUrl();
    const token = this.o.token();
    if (!url || !token) throw new AppError('help.offline', '本机未连接法院系统，无法确认呼叫，请直接前往该终端', 'This PC is not connected to the court system; go to the kiosk directly');
    let res: Response;
    try {
      res = await fetch(`${url.replace(/\/$/, '')}/v1/court/help/ack`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ id, by }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch {
      throw new AppError('help.offline', '暂时无法连接法院系统，请直接前往该终端', 'Cannot reach the court system; go to the kiosk directly');
    }
    const body = (await res.json().catch(() => ({}))) as HelpCallView & { error?: string };
    if (!res.ok) {
      this.o.log.warn('help.ack.refused', { status: res.status, code: body.error });
      throw new AppError('help.gone', '这个呼叫已经结束', 'This call has already ended');
    }
    this.o.log.info('help.ack', { callId: id });
    this.update(
      this.calls.map((c) => (c.id === id ? body : c)),
      this.version,
    );
    return body;
  }
}
