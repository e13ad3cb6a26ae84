/**
 * The kiosk's heartbeat: every interval a signed `POST /v1/heartbeat` with a health summary
 * (check names and statuses, app version, queue, audit head), so the court sees which kiosks
 * are down. Failures are quiet: the push and pull paths already show the kiosk offline; a
 * change between delivered and not is logged once.
 *
 * The deep check (database quick_check, audit chain) reads the whole database: the kiosk app
 * runs it in a worker (db/integrity-monitor.ts) and the beat takes its latest answer through
 * `deep`, never running it on the main thread. The rest of the health check runs at most every
 * `healthMaxAgeMs`, or when a new deep answer arrives; queue figures are fresh every beat.
 */
import { EventEmitter } from 'node:events';
import type { Db } from '../db/open.js';
import type { Logger } from '../log/logger.js';
import { kioskHealth, type HealthReport } from '../admin/health.js';
import { hashAt, verifyAudit } from '../audit/audit-log.js';
import type { DeepCheck } from '../db/deep-check.js';
import { centralAuditCount, readCentralAuditView, saveCentralAuditView } from './central-audit-view.js';
import { PROTOCOL_VERSION, type HeartbeatRequest, type HeartbeatResponse } from '../../src-shared/sync/protocol.js';
import { SyncFailure } from './central-client.js';
import { outboxStats } from './outbox-store.js';
import { StoredClient } from './stored-client.js';

export const DEFAULT_HEARTBEAT_MS = 60_000;

export interface HeartbeatOptions {
  db: Db;
  /** The kiosk database file and data folder, for the health checks. */
  dbFile: string;
  dataDir: string;
  appVersion: string;
  log: Logger;
  intervalMs?: number;
  /** How old the last full health check may be before a beat runs it again. */
  healthMaxAgeMs?: number;
  now?: () => Date;
  requestTimeoutMs?: number;
  /** Tests: replace the health checks (a failing disk, say). */
  health?: () => HealthReport;
  /** The latest deep check from the worker (null while the first runs). */
  deep?: () => DeepCheck | null;
}

export type BeatOutcome = { ok: true; receivedAt: string } | { ok: false; code: string };

interface HeartbeatEvents {
  beat: [BeatOutcome];
}

interface SlowPart {
  at: number;
  deepAt: string | null;
  checks: HeartbeatRequest['checks'];
  auditHead: string | null;
  auditEntries: number;
}

export class Heartbeat extends EventEmitter<HeartbeatEvents> {
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<BeatOutcome> | null = null;
  private readonly client: StoredClient;
  private slow: SlowPart | null = null;
  private lastOk: boolean | null = null;
  private readonly now: () => Date;

  constructor(private readonly o: HeartbeatOptions) {
    super();
    this.now = o.now ?? (() => new Date());
    this.client = new StoredClient(o.db, { protocol: PROTOCOL_VERSION, now: this.now, timeoutMs: o.requestTimeoutMs ?? 10_000 });
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.beat(), this.o.intervalMs ?? DEFAULT_HEARTBEAT_MS);
    this.timer.unref();
    void this.beat();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.inFlight;
  }

  /** What this beat tells the court. No personal data and no paths: names and statuses only. */
  summary(): HeartbeatRequest {
    const nowMs = this.now().getTime();
    const deep = this.o.deep ? this.o.deep() : undefined;
    const deepAt = deep?.at ?? null;
    if (!this.slow || nowMs - this.slow.at >= (this.o.healthMaxAgeMs ?? 15 * 60_000) || (deep !== undefined && deepAt !== this.slow.deepAt)) {
      const healthOptions = { dbFile: this.o.dbFile, dataDir: this.o.dataDir, now: this.now, ...(deep !== undefined ? { deep } : {}) };
      const report = (this.o.health ?? (() => kioskHealth(healthOptions)))();
      const audit = deep === undefined ? verifyAudit(this.o.db) : deep?.audit;
      this.slow = {
        at: nowMs,
        deepAt,
        checks: report.checks.map((c) => ({ name: c.name, status: c.status })),
        auditHead: audit?.ok ? audit.head : null,
        auditEntries: audit?.entries ?? 0,
      };
    }
    const { depth, oldest } = outboxStats(this.o.db);
    // The hash at the count the central has stored lets it tell growth from a rewritten chain.
    const known = centralAuditCount(readCentralAuditView(this.o.db));
    const anchorHash = known !== null && known <= this.slow.auditEntries ? hashAt(this.o.db, known) : null;
    return {
      appVersion: this.o.appVersion,
      checks: this.slow.checks,
      queueDepth: depth,
      oldestPendingSeconds: oldest ? Math.max(0, Math.round((nowMs - Date.parse(oldest)) / 1000)) : null,
      auditHead: this.slow.auditHead,
      auditEntries: this.slow.auditEntries,
      ...(known !== null && anchorHash ? { auditAnchor: { entries: known, hash: anchorHash } } : {}),
    };
  }

  /** One heartbeat now (a timer tick, or a test); never throws. */
  beat(): Promise<BeatOutcome> {
    if (this.inFlight) return this.inFlight;
    this.inFlight = this.send().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async send(): Promise<BeatOutcome> {
    let outcome: BeatOutcome;
    try {
      const client = this.client.current();
      if (!client) outcome = { ok: false, code: 'not-enrolled' };
      else {
        let sent = this.summary();
        let answer = await client.request<HeartbeatResponse>('POST', '/v1/heartbeat', sent);
        if (answer.audit) saveCentralAuditView(this.o.db, answer.audit);
        // The central asks for the hash at its stored count (first beat after a restart or an
        // upgrade): answer at once rather than a minute later.
        const wanted = answer.audit?.anchorWanted;
        if (wanted !== undefined && sent.auditAnchor?.entries !== wanted && (sent = this.summary()).auditAnchor) {
          answer = await client.request<HeartbeatResponse>('POST', '/v1/heartbeat', sent);
          if (answer.audit) saveCentralAuditView(this.o.db, answer.audit);
        }
        outcome = { ok: true, receivedAt: answer.receivedAt };
      }
    } catch (e) {
      outcome = { ok: false, code: e instanceof SyncFailure ? e.problem.code : 'internal' };
      if (!(e instanceof SyncFailure)) this.o.log.warn('heartbeat.error', { error: e instanceof Error ? e.message : String(e) });
    }
    if (this.lastOk !== outcome.ok) this.o.log.info('heartbeat.state', outcome.ok ? { delivered: true } : { delivered: false, code: outcome.code });
    this.lastOk = outcome.ok;
    this.emit('beat', outcome);
    return outcome;
  }
}
