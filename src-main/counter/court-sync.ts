/**
 * Sends the counter's clerk actions to the central's court-side case API (POST
 * /v1/court/case), oldest first, one at a time, retrying with backoff while the central is
 * unreachable. The case is named at send time by its official number, else its provisional
 * alias, so an action queued before numbering still finds its case.
 *
 * The same pass then carries the clerk records (record-sync.ts) and the signed reception scans
 * (court-documents.ts): this terminal's go up, the court's filings and the other terminals'
 * records come down; with `pollMs` the pass repeats, so another counter PC's work shows here
 * without a restart.
 *
 * Why its own queue and not the sync outbox: the sync protocol carries only `filing.create`
 * (kiosk schema CHECK and `pushRequestSchema`), and the case API is the central's existing way
 * for court staff to move a case.
 */
import type { Db } from '../db/open.js';
import type { Logger } from '../log/logger.js';
import { backoffDelay } from '../sync/backoff.js';
import { PassRunner } from '../sync/pass-runner.js';
import { pullFilings, pullRecords, pushRecords, type LegOutcome, type RecordSyncTarget } from './record-sync.js';
import { uploadScans } from './court-documents.js';
import { pushFollowUps } from './follow-up-sync.js';
import { CORRECTIONS_PATH } from '../../src-shared/sync/case-correction.js';
import { HEADER_CLERK_SESSION } from '../../src-shared/sync/clerk-accounts.js';
import { pullClerkAccounts } from './clerk-account-sync.js';

export interface CourtSyncOptions {
  db: Db;
  log: Logger;
  centralUrl: () => string | null;
  token: () => string | null;
  now: () => Date;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Tries after which an unknown case (not yet pushed) is given up. */
  maxNotFound?: number;
  /** This terminal's court code: the filings and clerk records it pulls. Without it nothing is pulled. */
  courtCode?: string;
  /** Keyed hash of an ID number, for filings pulled from the central. */
  applicantKey?: (idNumber: string) => string;
  /** Pass again this often when all went well (pulls other terminals' work); none: only when kicked. */
  pollMs?: number;
  /** The pulls brought in filings or other terminals' records for these filings. */
  onPulled?: (filingIds: string[]) => void;
}

interface OutboxRow {
  id: number;
  filing_id: string;
  action_json: string;
  attempts: number;
}

export type SendOutcome = 'sent' | 'retry' | 'dropped' | 'idle' | 'offline';

export class CourtSync extends PassRunner {
  private failures = 0;
  lastError: string | null = null;
  lastOnlineAt: string | null = null;
  /** The central clerk session an account's work is sent with (set by the counter's sign-in). */
  private clerkSession: (account: string) => string | null = () => null;

  constructor(private readonly o: CourtSyncOptions) {
    super();
  }

  attributeWith(sessionOf: (account: string) => string | null): void {
    this.clerkSession = sessionOf;
  }

  /** Sends now and resolves when this pass ends (one pass at a time, so no action goes twice). */
  async flush(): Promise<void> {
    await this.idle();
    this.kick();
    await this.idle();
  }

  /** Sends case actions until the queue is empty or a send must wait, then the clerk records both
   * ways; returns when to pass again (backoff after a failure, the poll interval after success). */
  protected async pass(): Promise<number | undefined> {
    let outcome: SendOutcome;
    do outcome = await this.sendOne();
    while (outcome === 'sent' || outcome === 'dropped');
    // A case the central does not know yet ('retry') holds its actions, never the records.
    const recordsOk = outcome !== 'offline' && (await this.records());
    const failed = outcome === 'retry' || !recordsOk;
    if (failed) this.failures += 1;
    else {
      this.failures = 0;
      this.lastError = null;
    }
    return failed ? backoffDelay(this.failures, this.o.baseDelayMs ?? 500, this.o.maxDelayMs ?? 30_000) + 100 : this.o.pollMs;
  }

  /** Pushes this terminal's records, then pulls the court's filings and records; false when a leg must wait. */
  private async records(): Promise<boolean> {
    const url = this.o.centralUrl();
    const token = this.o.token();
    if (!url || !token) return false;
    const t: RecordSyncTarget = { db: this.o.db, log: this.o.log, url, token, court: this.o.courtCode ?? '', now: this.o.now, applicantKey: this.o.applicantKey ?? (() => ''), clerkSession: this.clerkSession };
    // The scan after the records: its reception.scan record reaches the central first. The
    // court's accounts first of all: a clerk disabled at the central is signed out here.
    // The follow-up after the records: the central numbers a 执 only once it holds the 执前督's failure.
    const legs: Array<() => Promise<LegOutcome>> = [() => pullClerkAccounts(t), () => pushRecords(t), () => uploadScans(t), () => pushFollowUps(t)];
    if (this.o.courtCode && this.o.applicantKey) legs.push(() => pullFilings(t), () => pullRecords(t));
    const pulled = new Set<string>();
    for (const leg of legs) {
      const r = await leg();
      if (!r.ok) {
        this.lastError = r.code;
        if (r.kind === 'refused') this.o.log.warn('counter.sync.records-refused', { code: r.code });
        if (pulled.size > 0) this.o.onPulled?.([...pulled]);
        return false;
      }
      if (r.moved > 0) this.o.log.info('counter.sync.records', { leg: legs.indexOf(leg), moved: r.moved });
      for (const id of r.filingIds ?? []) pulled.add(id);
    }
    if (pulled.size > 0) this.o.onPulled?.([...pulled]);
    this.lastOnlineAt = this.o.now().toISOString();
    return true;
  }

  private async sendOne(): Promise<SendOutcome> {
    const { db, log } = this.o;
    const row = db.prepare('SELECT id, filing_id, action_json, attempts FROM counter_outbox WHERE done_at IS NULL ORDER BY id LIMIT 1').get() as OutboxRow | undefined;
    if (!row) return 'idle';
    const url = this.o.centralUrl();
    const token = this.o.token();
    if (!url || !token) {
      this.lastError = url ? 'no court API token' : 'no central configured';
      return 'offline';
    }
    const numbers = db.prepare('SELECT official_no, provisional_no FROM filings WHERE id = ?').get(row.filing_id) as { official_no: string | null; provisional_no: string } | undefined;
    const number = numbers?.official_no ?? numbers?.provisional_no;
    const at = this.o.now().toISOString();
    const finish = (error: string | null) => db.prepare('UPDATE counter_outbox SET done_at = ?, last_error = ?, attempts = attempts + 1 WHERE id = ?').run(at, error, row.id);
    const retry = (error: string) => db.prepare('UPDATE counter_outbox SET last_error = ?, attempts = attempts + 1 WHERE id = ?').run(error, row.id);
    if (!number) {
      finish('filing not found');
      return 'dropped';
    }
    const { action: kind, ...rest } = JSON.parse(row.action_json) as { action: string };
    const action = { action: kind, ...rest, number };
    // A correction goes to its own court-side route, which takes the case by `number` like the case API.
    const [path, payload] = kind === 'correct' ? [CORRECTIONS_PATH, { ...rest, number }] : ['/v1/court/case', action];
    // The clerk's central session vouches for the clerk; the name in the body is only what the terminal states.
    const clerk = (rest as { clerk?: unknown }).clerk;
    const session = typeof clerk === 'string' ? this.clerkSession(clerk) : null;
    let res: Response;
    try {
      res = await fetch(`${url.replace(/\/$/, '')}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(session ? { [HEADER_CLERK_SESSION]: session } : {}) },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (e) {
      this.lastError = 'unreachable';
      retry('unreachable');
      log.info('counter.sync.unreachable', { outboxId: row.id, error: e instanceof Error ? e.message : String(e) });
      return 'offline';
    }
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    this.lastOnlineAt = at;
    if (res.ok) {
      finish(null);
      this.failures = 0;
      this.lastError = null;
      log.info('counter.sync.sent', { outboxId: row.id, filingId: row.filing_id, action: action.action });
      return 'sent';
    }
    const code = body.error ?? `http-${res.status}`;
    // The filing may not have reached the central yet: wait for the sync engine's push.
    if (code === 'case-not-found' && row.attempts + 1 < (this.o.maxNotFound ?? 50)) {
      retry(code);
      return 'retry';
    }
    if (res.status >= 500 || code === 'forbidden') {
      this.lastError = code;
      retry(code);
      log.warn('counter.sync.refused', { outboxId: row.id, status: res.status, code });
      return 'retry';
    }
    // A transition the central refuses (the case moved on) stays refused: record it, go on.
    finish(code);
    log.warn('counter.sync.dropped', { outboxId: row.id, filingId: row.filing_id, action: action.action, code });
    return 'dropped';
  }
}
