/**
 * Kiosk side of sync: drains the outbox to the central gateway in bounded batches, applies
 * the answers (official numbers, rejections) in one local transaction, and retries with
 * backoff. A watchdog makes sure a non-empty queue never sits idle, and on start the engine
 * resumes whatever a previous run left, so a restart needs nothing from anyone.
 */
import { EventEmitter } from 'node:events';
import type { Db } from '../db/open.js';
import type { Logger } from '../log/logger.js';
import type { FilingView } from '../../src-shared/domain/filing.js';
import type { SyncStatus } from '../../src-shared/api/contract.js';
import {
  HEADER_DEVICE,
  HEADER_PROTOCOL,
  PROTOCOL_VERSION,
  type ProtocolErrorBody,
  type PushRequest,
  type PushResponse,
} from '../../src-shared/sync/protocol.js';
import { applyMutationResults, outboxStats, pendingMutations, recordAttemptFailure } from './outbox-store.js';
import { backoffDelay } from './backoff.js';

export interface SyncOptions {
  db: Db;
  deviceId: string;
  courtCode: string;
  centralUrl: string | null;
  log: Logger;
  now?: () => Date;
  batchCount?: number;
  batchBytes?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  watchdogMs?: number;
  requestTimeoutMs?: number;
  random?: () => number;
}

interface SyncEvents {
  'filing.updated': [FilingView];
  status: [SyncStatus];
}

class PushFailure extends Error {
  constructor(
    message: string,
    readonly reachable: boolean,
  ) {
    super(message);
  }
}

export class SyncEngine extends EventEmitter<SyncEvents> {
  private readonly o: Required<Omit<SyncOptions, 'centralUrl'>> & { centralUrl: string | null };
  private running = false;
  private stopped = true;
  private again = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private watchdog: NodeJS.Timeout | null = null;
  private state = { online: false, lastPushAt: null as string | null, lastPullAt: null as string | null, lastError: null as string | null };

  constructor(opts: SyncOptions) {
    super();
    this.o = {
      now: () => new Date(),
      batchCount: 50,
      batchBytes: 1024 * 1024,
      baseDelayMs: 500,
      maxDelayMs: 60_000,
      watchdogMs: 15_000,
      requestTimeoutMs: 15_000,
      random: Math.random,
      ...opts,
    };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.watchdog = setInterval(() => {
      if (this.running || this.retryTimer) return;
      if (outboxStats(this.o.db).depth > 0) {
        this.o.log.warn('sync.watchdog.kick', {});
        this.kick();
      } else {
        void this.probe();
      }
    }, this.o.watchdogMs);
    this.watchdog.unref();
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.watchdog) clearInterval(this.watchdog);
    this.retryTimer = null;
    this.watchdog = null;
    while (this.running) await new Promise((r) => setImmediate(r));
  }

  setCentralUrl(url: string | null): void {
    this.o.centralUrl = url;
    this.kick();
  }

  /** Push now (after a submit, or "sync now"); cancels a pending backoff wait. */
  kick(): void {
    if (this.stopped) return;
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    if (this.running) {
      this.again = true;
      return;
    }
    void this.drain();
  }

  /** With nothing to push, a health check keeps the "connected" indicator honest. */
  private async probe(): Promise<void> {
    if (!this.o.centralUrl) return;
    let online = false;
    try {
      online = (await fetch(`${this.o.centralUrl}/v1/health`, { signal: AbortSignal.timeout(this.o.requestTimeoutMs) })).ok;
    } catch {
      online = false;
    }
    if (online !== this.state.online) {
      this.state = { ...this.state, online, lastError: online ? null : 'central unreachable' };
      this.o.log.info('sync.online', { online });
      this.emitStatus();
    }
  }

  status(): SyncStatus {
    const { depth, oldest } = outboxStats(this.o.db);
    return { ...this.state, queueDepth: depth, oldestPendingAt: oldest };
  }

  private emitStatus(): void {
    this.emit('status', this.status());
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      do {
        this.again = false;
        for (;;) {
          if (this.stopped || !this.o.centralUrl) break;
          const batch = pendingMutations(this.o.db, this.o.batchCount, this.o.batchBytes);
          if (batch.length === 0) {
            if (!this.state.online) await this.probe();
            break;
          }
          try {
            const response = await this.push({
              protocol: PROTOCOL_VERSION,
              deviceId: this.o.deviceId,
              courtCode: this.o.courtCode,
              mutations: batch.map((r) => ({ mutationId: r.mutation_id, kind: r.kind, filing: JSON.parse(r.body_json) })),
            });
            const changed = applyMutationResults(this.o.db, response.results, this.o.now());
            this.failures = 0;
            this.state = { ...this.state, online: true, lastPushAt: this.o.now().toISOString(), lastError: null };
            this.o.log.info('sync.push.ok', { count: batch.length, applied: changed.length });
            for (const v of changed) this.emit('filing.updated', v);
            this.emitStatus();
            if (changed.length === 0) throw new PushFailure('central answered none of the batch', true);
          } catch (e) {
            const failure = e instanceof PushFailure ? e : new PushFailure(e instanceof Error ? e.message : String(e), false);
            recordAttemptFailure(this.o.db, batch.map((r) => r.mutation_id), failure.message);
            this.failures += 1;
            this.state = { ...this.state, online: failure.reachable, lastError: failure.message };
            const delay = backoffDelay(this.failures, this.o.baseDelayMs, this.o.maxDelayMs, this.o.random);
            this.o.log.warn('sync.push.failed', { error: failure.message, failures: this.failures, retryInMs: delay, queued: batch.length });
            this.emitStatus();
            if (!this.stopped) {
              this.retryTimer = setTimeout(() => {
                this.retryTimer = null;
                this.kick();
              }, delay);
              this.retryTimer.unref();
            }
            return;
          }
        }
      } while (this.again && !this.stopped);
    } finally {
      this.running = false;
    }
  }

  private async push(body: PushRequest): Promise<PushResponse> {
    let res: Response;
    try {
      res = await fetch(`${this.o.centralUrl}/v1/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [HEADER_DEVICE]: this.o.deviceId, [HEADER_PROTOCOL]: String(PROTOCOL_VERSION) },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.o.requestTimeoutMs),
      });
    } catch (e) {
      const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : '';
      throw new PushFailure(`central unreachable${cause}`, false);
    }
    const json = (await res.json().catch(() => null)) as PushResponse | ProtocolErrorBody | null;
    if (!res.ok || !json || !('results' in json)) {
      const detail = json && 'error' in json ? `${json.error}: ${json.message_en}` : `HTTP ${res.status}`;
      throw new PushFailure(`central refused the push (${detail})`, true);
    }
    return json;
  }
}
