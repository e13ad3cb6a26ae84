/**
 * This kiosk's call for staff: sent signed to the central (which knows the kiosk's court), then
 * watched by long-poll until a clerk acknowledges it. When the central cannot be reached the
 * call says so at once — the applicant is told to go to the counter window — rather than
 * leaving them waiting for nobody. One call at a time: a second tap while one is waiting
 * answers with that call.
 */
import { randomUUID } from 'node:crypto';
import type { HelpCallView, HelpPlace } from '../../src-shared/api/help.js';
import type { CentralClient } from '../sync/central-client.js';
import { SyncFailure } from '../sync/central-client.js';
import type { Logger } from '../log/logger.js';

export interface HelpCallerOptions {
  client: () => CentralClient | null;
  deviceId: string;
  kioskName: () => string;
  log: Logger;
  now: () => Date;
  onUpdate: (call: HelpCallView) => void;
  /** How long one watch request waits at the central (long-poll). */
  watchWaitMs?: number;
  /** Pause before watching again after the central could not be reached. */
  retryMs?: number;
}

export class HelpCaller {
  private call: HelpCallView | null = null;
  private stopped = false;
  private watching: AbortController | null = null;

  constructor(private readonly o: HelpCallerOptions) {}

  current(): HelpCallView | null {
    return this.call;
  }

  private set(call: HelpCallView): HelpCallView {
    this.call = call;
    this.o.onUpdate(call);
    return call;
  }

  async raise(place: HelpPlace): Promise<HelpCallView> {
    if (this.call && (this.call.status === 'waiting' || this.call.status === 'sending')) return this.call;
    this.watching?.abort();
    const id = randomUUID();
    const draft: HelpCallView = { id, deviceId: this.o.deviceId, kioskName: this.o.kioskName(), place, calledAt: this.o.now().toISOString(), status: 'sending', acknowledgedAt: null, acknowledgedBy: null };
    this.set(draft);
    const sent = await this.send(draft);
    if (this.call?.id !== id) return sent; // cancelled meanwhile
    this.set(sent);
    if (sent.status === 'waiting') void this.watch(id);
    return sent;
  }

  private async send(call: HelpCallView): Promise<HelpCallView> {
    const client = this.o.client();
    if (!client) {
      this.o.log.warn('help.unreachable', { callId: call.id, code: 'not-enrolled' });
      return { ...call, status: 'unreachable' };
    }
    try {
      const answer = await client.request<HelpCallView>('POST', '/v1/help', { id: call.id, place: call.place, kioskName: call.kioskName }, { timeoutMs: 5_000 });
      this.o.log.info('help.sent', { callId: call.id, place: call.place });
      return { ...answer, status: answer.status === 'acknowledged' ? 'acknowledged' : 'waiting' };
    } catch (e) {
      this.o.log.warn('help.unreachable', { callId: call.id, code: e instanceof SyncFailure ? e.problem.code : 'error' });
      return { ...call, status: 'unreachable' };
    }
  }

  /** Long-polls the central until the call is acknowledged, cancelled or replaced. */
  private async watch(id: string): Promise<void> {
    const ctl = new AbortController();
    this.watching = ctl;
    const wait = this.o.watchWaitMs ?? 25_000;
    while (!this.stopped && !ctl.signal.aborted && this.call?.id === id && this.call.status === 'waiting') {
      const client = this.o.client();
      try {
        if (!client) throw new Error('not enrolled');
        const seen = await client.request<HelpCallView>('GET', `/v1/help/${id}?status=waiting&wait=${wait}`, undefined, { timeoutMs: wait + 10_000, signal: ctl.signal });
        if (ctl.signal.aborted || this.call?.id !== id) return;
        if (seen.status === 'acknowledged') {
          this.o.log.info('help.acknowledged', { callId: id });
          this.set({ ...this.call, status: 'acknowledged', acknowledgedAt: seen.acknowledgedAt, acknowledgedBy: seen.acknowledgedBy });
        }
      } catch (e) {
        if (ctl.signal.aborted) return;
        // The central does not know the call (expired, or its store was replaced): raise it again under the same id.
        if (e instanceof SyncFailure && e.problem.code === 'help-not-found' && this.call) {
          await this.send(this.call);
          continue;
        }
        await new Promise((r) => setTimeout(r, this.o.retryMs ?? 3_000));
      }
    }
  }

  /** The applicant no longer waits (cancelled, or the session ended): the counters drop it too. */
  async cancel(): Promise<void> {
    const call = this.call;
    this.call = null;
    this.watching?.abort();
    if (!call || call.status !== 'waiting') return;
    try {
      await this.o.client()?.request('POST', `/v1/help/${call.id}/cancel`, {}, { timeoutMs: 5_000 });
      this.o.log.info('help.cancelled', { callId: call.id });
    } catch {
      // Unacknowledged calls expire at the central anyway.
    }
  }

  /** The session ended: a call that was answered or failed is over; one still waiting stays, the clerk may be on the way. */
  sessionEnded(): void {
    if (this.call && this.call.status !== 'waiting' && this.call.status !== 'sending') this.call = null;
  }

  stop(): void {
    this.stopped = true;
    this.watching?.abort();
  }
}
