/**
 * Kiosk side of sync. Push: drains the outbox to the central gateway in bounded batches,
 * applies the answers (official numbers, rejections) in one local transaction, and retries
 * with exponential backoff and full jitter. Pull: long-polls the court's case status changes
 * by the central's version cursor and stores them. A watchdog makes sure a non-empty queue
 * never sits idle, and on start the engine resumes whatever a previous run left, so a restart
 * needs nothing from anyone. State the UI needs is emitted as 'status'.
 */
import { takeCentralCalendar } from './calendar-pull.js';
import { EventEmitter } from 'node:events';
import type { Db } from '../db/open.js';
import type { Logger } from '../log/logger.js';
import type { SyncStatus } from '../../src-shared/api/contract.js';
import { PROTOCOL_VERSION, type HelloResponse, type MutationResult, type PullResponse, type PushResponse } from '../../src-shared/sync/protocol.js';
import { localHighWater, outboxStats, renumberAbove, type FilingUpdate, type OutboxRow } from './outbox-store.js';
import { pushBody, pushPass, type PushPassEnd } from './push-pipeline.js';
import { applyCaseChanges } from './case-status-store.js';
import { backoffDelay } from './backoff.js';
import { CentralClient, STANDING_PROBLEMS, SyncFailure } from './central-client.js';
import { readCredential, readSyncState, setSyncState, type SyncProblem } from './sync-state.js';
import { DocumentUploader, pendingUploads } from './document-upload.js';
import { StoredClient } from './stored-client.js';

export interface SyncOptions {
  db: Db;
  deviceId: string;
  courtCode: string;
  centralUrl: string | null;
  log: Logger;
  now?: () => Date;
  batchCount?: number;
  batchBytes?: number;
  /** Push batches on the way at once (push-pipeline.ts). */
  pushWindow?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  watchdogMs?: number;
  requestTimeoutMs?: number;
  /** How long the central may hold a pull open when nothing changed. */
  pullWaitMs?: number;
  /** Pull case status changes (off for load tests that only push). */
  pull?: boolean;
  random?: () => number;
  /** Tests: speak another protocol version, as an older or newer kiosk would. */
  protocol?: number;
  /** Upload the filings' pages once numbered (off for load tests that only push). */
  uploadDocuments?: boolean;
  /** The kiosk's calendar.json: holiday years the central announces are taken into it ('' = off). */
  calendarFile?: string;
}

interface SyncEvents {
  /** A filing the central answered (FilingUpdate) or a pulled change touched (the full view). */
  'filing.updated': [FilingUpdate];
  status: [SyncStatus];
  'document.uploaded': [{ id: string; filingId: string }];
  'document.waiting': [{ id: string; filingId: string; code: string }];
}

const NOT_ENROLLED: SyncProblem = { code: 'not-enrolled', message_zh: '本终端尚未在法院系统登记，申请保存在本机', message_en: 'This kiosk is not enrolled with the central gateway' };

/** A failure the push and the pull report alike; anything but a SyncFailure is a fault here. */
function asFailure(e: unknown): SyncFailure {
  return e instanceof SyncFailure ? e : new SyncFailure({ code: 'internal', message_zh: '同步出错，稍后自动重试', message_en: e instanceof Error ? e.message : String(e) }, false);
}

export class SyncEngine extends EventEmitter<SyncEvents> {
  private readonly o: Required<Omit<SyncOptions, 'centralUrl'>> & { centralUrl: string | null };
  private running = false;
  /** Digest of the central's holiday years last taken into calendar.json. */
  private calendarTaken: string | null = null;
  private stopped = true;
  private again = false;
  private failures = 0;
  private pullFailures = 0;
  /** The client whose handshake passed; another client (a new enrolment) or a failure asks again. */
  private handshook: CentralClient | null = null;
  private readonly client: StoredClient;
  private retryTimer: NodeJS.Timeout | null = null;
  private watchdog: NodeJS.Timeout | null = null;
  private pullLoop: Promise<void> | null = null;
  private pullAbort = new AbortController();
  private pullWake: (() => void) | null = null;
  private online = false;
  private problem: SyncProblem | null = null;
  /** The filings' pages, after their filing is numbered. */
  readonly documents: DocumentUploader;

  constructor(opts: SyncOptions) {
    super();
    this.o = {
      now: () => new Date(),
      // The protocol's most; a kiosk's real filings are 2–3 KiB, so 500 is about 1.2 MiB.
      batchCount: 500,
      batchBytes: 4 * 1024 * 1024,
      pushWindow: 2,
      baseDelayMs: 500,
      maxDelayMs: 60_000,
      watchdogMs: 15_000,
      requestTimeoutMs: 15_000,
      pullWaitMs: 25_000,
      pull: true,
      random: Math.random,
      protocol: PROTOCOL_VERSION,
      uploadDocuments: true,
      calendarFile: '',
      ...opts,
    };
    this.client = new StoredClient(this.o.db, { centralUrl: () => this.o.centralUrl, protocol: this.o.protocol, now: this.o.now, timeoutMs: this.o.requestTimeoutMs });
    this.documents = new DocumentUploader({
      db: this.o.db,
      log: this.o.log,
      client: () => (this.o.uploadDocuments ? this.client.current() : null),
      now: this.o.now,
      baseDelayMs: this.o.baseDelayMs,
      maxDelayMs: this.o.maxDelayMs,
      random: this.o.random,
      onUploaded: (d) => this.emit('document.uploaded', d),
      onWaiting: (d) => this.emit('document.waiting', d),
    });
    this.problem = readSyncState(this.o.db).lastError;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.pullAbort = new AbortController();
    this.watchdog = setInterval(() => {
      if (this.running || this.retryTimer) return;
      if (outboxStats(this.o.db).depth > 0) {
        this.o.log.warn('sync.watchdog.kick', {});
        this.kick();
      }
    }, this.o.watchdogMs);
    this.watchdog.unref();
    if (this.o.pull) this.pullLoop = this.runPull();
    this.kick();
    this.documents.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.watchdog) clearInterval(this.watchdog);
    this.retryTimer = null;
    this.watchdog = null;
    this.pullAbort.abort();
    this.pullWake?.();
    await this.pullLoop;
    await this.documents.stop();
    while (this.running) await new Promise((r) => setImmediate(r));
  }

  setCentralUrl(url: string | null): void {
    this.o.centralUrl = url;
    this.kick();
  }

  /**
   * Push now. `queued` (a submit, a correction): while a failed push waits out its backoff, the
   * wait holds and takes the new filing along, so an offline kiosk does not send a push per
   * submit. `now` (the central answers again, a person asks, another central): cancels the wait.
   */
  kick(reason: 'queued' | 'now' = 'now'): void {
    if (this.stopped) return;
    if (this.retryTimer && reason === 'queued') return;
    this.pullWake?.();
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

  status(): SyncStatus {
    const { depth, oldest } = outboxStats(this.o.db);
    const s = readSyncState(this.o.db);
    return {
      online: this.online,
      queueDepth: depth,
      oldestPendingAt: oldest,
      lastPushAt: s.lastPushAt,
      lastPullAt: s.lastPullAt,
      lastError: this.problem?.message_en ?? null,
      lastErrorCode: this.problem?.code ?? null,
      lastError_zh: this.problem?.message_zh ?? null,
      enrolled: readCredential(this.o.db) !== null,
      pagesPending: pendingUploads(this.o.db),
    };
  }

  private emitStatus(): void {
    this.emit('status', this.status());
  }

  private succeeded(fields: { lastPushAt?: string }): void {
    const wasDown = !this.online || this.problem !== null;
    this.online = true;
    this.problem = null;
    setSyncState(this.o.db, { ...fields, lastError: null });
    if (wasDown) this.o.log.info('sync.online', { online: true });
  }

  private failed(f: SyncFailure): void {
    this.online = f.reachable;
    this.problem = f.problem;
    this.handshook = null;
    setSyncState(this.o.db, { lastError: f.problem });
  }

  /**
   * Checks versions both ways and compares mutation ids with the central: if the central has
   * seen higher ids from this device than this database remembers, the database was restored
   * from an older backup, and pending mutations are renumbered above the central's.
   */
  private async handshake(client: CentralClient): Promise<void> {
    if (this.handshook === client) return;
    const hello = await client.request<HelloResponse>('GET', '/v1/hello');
    if (hello.minProtocol > this.o.protocol) {
      throw new SyncFailure({ code: 'kiosk-too-old', message_zh: '终端程序版本过旧，请升级终端程序', message_en: `Central requires protocol ${hello.minProtocol}; this kiosk speaks ${this.o.protocol}` }, true);
    }
    const local = localHighWater(this.o.db);
    if (hello.device.lastMutationId > local) {
      const moved = renumberAbove(this.o.db, hello.device.lastMutationId);
      this.o.log.warn('sync.restored-backup-detected', { localHighWater: local, centralHighWater: hello.device.lastMutationId, renumbered: moved });
    }
    if (hello.calendarDigest && this.o.calendarFile && hello.calendarDigest !== this.calendarTaken) {
      this.calendarTaken = await takeCentralCalendar(client, this.o.calendarFile, this.o.log);
    }
    this.handshook = client;
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      do {
        this.again = false;
        for (;;) {
          if (this.stopped) break;
          const client = this.client.current();
          if (!client) {
            if (!this.problem || this.problem.code !== NOT_ENROLLED.code) {
              this.problem = NOT_ENROLLED;
              this.emitStatus();
            }
            break;
          }
          let end: PushPassEnd;
          try {
            // Before reading the outbox: the handshake may renumber the pending rows.
            await this.handshake(client);
            end = await pushPass({
              db: this.o.db,
              now: this.o.now,
              batchCount: this.o.batchCount,
              batchBytes: this.o.batchBytes,
              window: this.o.pushWindow,
              stopped: () => this.stopped,
              send: (batch) => client.postJsonText<PushResponse>('/v1/push', pushBody(batch)),
              applied: (batch, results, changed) => this.applied(batch, results, changed),
            });
          } catch (e) {
            end = { kind: 'failed', failure: asFailure(e), queued: 0 };
          }
          if (end.kind === 'conflict') {
            const moved = renumberAbove(this.o.db, end.lastMutationId);
            this.o.log.warn('sync.restored-backup-detected', { centralHighWater: end.lastMutationId, renumbered: moved });
            continue;
          }
          if (end.kind === 'failed') {
            this.backOff(asFailure(end.failure), end.queued);
            return;
          }
          if (end.kind === 'drained' && (!this.online || this.problem)) {
            this.succeeded({});
            this.emitStatus();
          }
          break;
        }
      } while (this.again && !this.stopped);
    } finally {
      this.running = false;
    }
  }

  /** A batch's answers are in the outbox: tell the UI, and let numbered filings' pages go. */
  private applied(batch: OutboxRow[], results: MutationResult[], changed: FilingUpdate[]): void {
    this.failures = 0;
    this.succeeded({ lastPushAt: this.o.now().toISOString() });
    this.o.log.info('sync.push.ok', { count: batch.length, answered: results.length, applied: changed.length });
    for (const v of changed) this.emit('filing.updated', v);
    this.emitStatus();
    // The uploader runs beside the push, never inside its transaction.
    if (changed.some((v) => v.officialNo)) this.documents.kick();
  }

  private backOff(failure: SyncFailure, queued: number): void {
    this.failed(failure);
    this.failures += 1;
    const standing = STANDING_PROBLEMS.has(failure.problem.code);
    const delay = standing ? this.o.maxDelayMs : backoffDelay(this.failures, this.o.baseDelayMs, this.o.maxDelayMs, this.o.random);
    this.o.log.warn('sync.push.failed', { code: failure.problem.code, error: failure.problem.message_en, failures: this.failures, retryInMs: delay, queued });
    this.emitStatus();
    if (this.stopped) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.kick();
    }, delay);
    this.retryTimer.unref();
  }

  private async runPull(): Promise<void> {
    while (!this.stopped) {
      const client = this.client.current();
      let delay = 0;
      if (!client) delay = this.o.maxDelayMs;
      else {
        try {
          await this.handshake(client);
          const cursor = readSyncState(this.o.db).cursor;
          const res = await client.request<PullResponse>('GET', `/v1/pull?since=${cursor}&wait=${this.o.pullWaitMs}`, undefined, {
            timeoutMs: this.o.pullWaitMs + this.o.requestTimeoutMs,
            signal: this.pullAbort.signal,
          });
          const changed = applyCaseChanges(this.o.db, res.changes, res.cursor, this.o.now());
          this.pullFailures = 0;
          const wasDown = !this.online || this.problem !== null;
          this.succeeded({});
          if (res.changes.length > 0) this.o.log.info('sync.pull.ok', { changes: res.changes.length, cursor: res.cursor, local: changed.length });
          for (const v of changed) this.emit('filing.updated', v);
          this.emitStatus(); // lastPullAt moved, so the indicator's "last pull" stays current
          // A push that waits on backoff is worth trying now that the central answers.
          if (wasDown && outboxStats(this.o.db).depth > 0) this.kick();
          // A number may have come by the pull (the push answer was lost), or the central is back.
          if (wasDown || changed.length > 0) this.documents.kick();
          continue;
        } catch (e) {
          if (this.stopped) break;
          const failure = asFailure(e);
          this.pullFailures += 1;
          const changedState = this.online !== failure.reachable || this.problem?.code !== failure.problem.code;
          this.failed(failure);
          if (changedState) {
            this.o.log.warn('sync.pull.failed', { code: failure.problem.code, error: failure.problem.message_en, failures: this.pullFailures });
            this.emitStatus();
          }
          delay = STANDING_PROBLEMS.has(failure.problem.code) ? this.o.maxDelayMs : backoffDelay(this.pullFailures, this.o.baseDelayMs, this.o.maxDelayMs, this.o.random);
        }
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(done, delay);
        t.unref();
        function done() {
          clearTimeout(t);
          resolve();
        }
        this.pullWake = done;
      });
      this.pullWake = null;
    }
  }
}
