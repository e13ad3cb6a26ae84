/**
 * What a gateway must share with the other gateways on its database: long-poll wake-ups,
 * attempt limits and the signatures already taken. On PostgreSQL all of it goes through the
 * database, so any number of `yzt central serve` processes behind a load balancer act as
 * one; on SQLite one process owns the file and keeps it in memory, as before.
 */
import type pg from 'pg';
import type { RateLimitPolicy } from '../http/rate-limit.js';
import type { Logger } from '../log/logger.js';
import { MAX_LONG_POLL_MS } from '../../src-shared/sync/protocol.js';
import { LocalChangeNotifier, type ChangeNotifier } from './change-notifier.js';
import { PgChangeNotifier, pgPoolOf } from './pg-notify.js';
import { LocalAttemptLimiter, PgAttemptLimiter, SWEEP_ATTEMPTS_SQL, type AttemptLimiter } from './db-rate-limit.js';
import { MemoryReplayGuard, PgReplayGuard, SWEEP_SIGNATURES_SQL, type ReplayGuard } from './request-replay.js';
import type { CentralStore } from './store.js';

const SWEEP_MS = 60_000;

export interface GatewayState {
  notifier: ChangeNotifier;
  enrolLimiter: AttemptLimiter;
  courtTokenLimiter: AttemptLimiter;
  replay: ReplayGuard;
  /** How often a waiting long-poll re-reads the store besides its wake-ups: pulls, help lists. */
  recheckMs: { pull: number; help: number };
  /** For a load balancer's health check: the database answers, and notices reach this gateway. */
  ready(): Promise<{ database: boolean; notices: boolean }>;
  close(): Promise<void>;
}

export interface GatewayStateOptions {
  log: Logger;
  limits?: { enrol?: RateLimitPolicy; courtToken?: RateLimitPolicy } | undefined;
  recheckMs?: number | undefined;
}

const ENROL_LIMIT: RateLimitPolicy = { max: 10, windowMs: 60_000 };
const COURT_TOKEN_LIMIT: RateLimitPolicy = { max: 20, windowMs: 60_000 };

const READY_TIMEOUT_MS = 2_000;

/** A database that does not answer in time is as good as down to the balancer. */
async function answers(pool: pg.Pool): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS)));
  try {
    return await Promise.race([pool.query('SELECT 1').then(() => true, () => false), late]);
  } finally {
    clearTimeout(timer);
  }
}

export async function openGatewayState(store: CentralStore, o: GatewayStateOptions): Promise<GatewayState> {
  const enrol = o.limits?.enrol ?? ENROL_LIMIT;
  const courtToken = o.limits?.courtToken ?? COURT_TOKEN_LIMIT;
  const pool = pgPoolOf(store);
  if (!pool) {
    const notifier = new LocalChangeNotifier();
    return {
      notifier,
      enrolLimiter: new LocalAttemptLimiter(enrol),
      courtTokenLimiter: new LocalAttemptLimiter(courtToken),
      replay: new MemoryReplayGuard(),
      // Another process (the `yzt central case` command) may write the file without a word.
      recheckMs: { pull: o.recheckMs ?? 1_000, help: o.recheckMs ?? 5_000 },
      ready: async () => ({ database: true, notices: true }),
      close: () => notifier.close(),
    };
  }
  const notifier = await PgChangeNotifier.start(pool, o.log);
  const sweep = setInterval(() => {
    const now = Date.now();
    Promise.all([pool.query(SWEEP_ATTEMPTS_SQL, [now]), pool.query(SWEEP_SIGNATURES_SQL, [now])]).catch((e: unknown) =>
      o.log.warn('central.state.sweep-failed', { error: e instanceof Error ? e.message : String(e) }),
    );
  }, SWEEP_MS);
  sweep.unref();
  return {
    notifier,
    enrolLimiter: new PgAttemptLimiter(pool, 'enrol', enrol),
    courtTokenLimiter: new PgAttemptLimiter(pool, 'court-token', courtToken),
    replay: new PgReplayGuard(pool),
    // Every change is announced through NOTIFY, and every waiter re-reads after the listener
    // was lost: the long-poll's own deadline is the only re-check needed.
    recheckMs: { pull: o.recheckMs ?? MAX_LONG_POLL_MS, help: o.recheckMs ?? MAX_LONG_POLL_MS },
    ready: async () => ({ database: await answers(pool), notices: notifier.listening }),
    close: async () => {
      clearInterval(sweep);
      await notifier.close();
    },
  };
}
