/**
 * Sends the outbox: claims due messages, hands each to the SMS gateway, and records the
 * result. A failure is tried again after a doubling delay, and given up (shown as failed in
 * the case history and the monitoring list) after `maxAttempts`. Phones and texts are not
 * logged: the message id, the case and the event are.
 */
import type { Logger } from '../../log/logger.js';
import type { SmsOutboxStore } from './outbox-types.js';

export interface SmsGateway {
  send(phone: string, text: string): Promise<{ msgIds: string[] }>;
  close(): Promise<void>;
}

export interface SenderOptions {
  pollMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  maxAttempts: number;
  /** A send under way holds its message this long before another claim may take it. */
  leaseMs?: number;
}

export function retryDelay(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

export class SmsSender {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly outbox: SmsOutboxStore,
    private readonly gateway: SmsGateway,
    private readonly log: Logger,
    private readonly now: () => Date,
    private readonly opts: SenderOptions,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.kick(), this.opts.pollMs);
    this.timer.unref();
    this.kick();
  }

  /** Sends what is due now (a case change just queued a message). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((e: unknown) => this.log.error('central.sms.sender-failed', { error: e instanceof Error ? e.message : String(e) }))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const due = await this.outbox.claimDue(this.now(), this.opts.leaseMs ?? 120_000, 10);
      if (due.length === 0) return;
      for (const [i, m] of due.entries()) {
        if (this.stopped) {
          // Claimed but not tried: free them now rather than leave them leased past a restart.
          for (const left of due.slice(i)) await this.outbox.markFailed(left.id, 'gateway stopped before sending', this.now(), this.now());
          return;
        }
        try {
          const r = await this.gateway.send(m.phone, m.text);
          await this.outbox.markSent(m.id, r.msgIds, this.now());
          this.log.info('central.sms.sent', { id: m.id, filingId: m.filingId, kind: m.event, attempt: m.attempts, msgIds: r.msgIds });
        } catch (e) {
          const error = e instanceof Error ? e.message : String(e);
          const giveUp = m.attempts >= this.opts.maxAttempts;
          const retryAt = giveUp ? null : new Date(this.now().getTime() + retryDelay(m.attempts, this.opts.retryBaseMs, this.opts.retryMaxMs));
          await this.outbox.markFailed(m.id, error, retryAt, this.now());
          this.log.warn(giveUp ? 'central.sms.given-up' : 'central.sms.retry', { id: m.id, filingId: m.filingId, kind: m.event, attempt: m.attempts, error, retryAt: retryAt?.toISOString() ?? null });
          // The gateway is likely down: the rest wait for the next tick rather than each failing now.
          return;
        }
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await this.gateway.close();
  }
}
