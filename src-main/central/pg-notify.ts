/**
 * Long-poll wake-ups shared by every gateway on one PostgreSQL: a change made through one
 * process wakes the pulls held on all of them. Each process keeps one dedicated connection
 * that LISTENs on the schema's channel; `notify` wakes this process's waiters at once and
 * sends `pg_notify` (after the store has committed, so whoever wakes reads the change).
 *
 * A notice lost while the listening connection is down is made good by waking every waiter
 * when it is back: they re-read the store, which is the truth. A listener that stops
 * answering (a dead TCP peer) is found by a ping and replaced. Without the listener, a
 * long-poll still ends at its deadline and the kiosk asks again, so nothing is ever missed,
 * only later.
 */
import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Logger } from '../log/logger.js';
import { LocalChangeNotifier, type ChangeNotifier, type WakeReason } from './change-notifier.js';
import type { CentralStore } from './store.js';

const PING_MS = 30_000;
const PING_TIMEOUT_MS = 10_000;
const MAX_RECONNECT_MS = 10_000;

/** The channel of the pool's schema, so test runs (one schema each) never wake one another. */
export async function changeChannel(pool: pg.Pool): Promise<string> {
  const r = await pool.query<{ s: string }>('SELECT current_schema() AS s');
  const schema = r.rows[0]?.s ?? 'public';
  return (schema === 'public' ? 'yzt_changes' : `yzt_changes_${schema}`).slice(0, 63);
}

/** The pool of a PostgreSQL store (also when a test wraps one), else null. */
export function pgPoolOf(store: CentralStore): pg.Pool | null {
  if (store.kind !== 'postgres') return null;
  return (store as CentralStore & { pool?: pg.Pool }).pool ?? null;
}

const quoteIdent = (s: string) => `"${s.replaceAll('"', '""')}"`;

/**
 * One notice from a process that holds no listener (the `yzt central case` command), to the
 * gateways on the store's PostgreSQL; nothing on SQLite, where the gateway re-checks the file.
 */
export async function announceChange(store: CentralStore, key: string): Promise<void> {
  const pool = pgPoolOf(store);
  if (pool) await pool.query('SELECT pg_notify($1, $2)', [await changeChannel(pool), `cli ${key}`]);
}

export class PgChangeNotifier implements ChangeNotifier {
  private readonly local = new LocalChangeNotifier();
  /** Marks this process's own notices, which it has delivered already. */
  private readonly origin = randomBytes(4).toString('hex');
  private listener: pg.Client | null = null;
  private closed = false;
  private failures = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private readonly ping: NodeJS.Timeout;
  /** 'listening' each time the listener is (again) in place; tests and the log wait on it. */
  readonly events = new EventEmitter();

  private constructor(
    private readonly pool: pg.Pool,
    readonly channel: string,
    private readonly log: Logger,
  ) {
    this.ping = setInterval(() => void this.checkListener(), PING_MS);
    this.ping.unref();
  }

  /** Resolves once listening, so a gateway announced as ready misses no notice. */
  static async start(pool: pg.Pool, log: Logger): Promise<PgChangeNotifier> {
    const n = new PgChangeNotifier(pool, await changeChannel(pool), log);
    await n.connect();
    return n;
  }

  get listening(): boolean {
    return this.listener !== null;
  }

  notify(key: string): void {
    this.local.notify(key);
    if (this.closed) return;
    this.pool.query('SELECT pg_notify($1, $2)', [this.channel, `${this.origin} ${key}`]).catch((e: unknown) => {
      // The other gateways' waiters end at their deadline and ask again.
      if (!this.closed) this.log.warn('central.notify.failed', { key, error: e instanceof Error ? e.message : String(e) });
    });
  }

  wait(key: string, ms: number, signal: AbortSignal): Promise<WakeReason> {
    return this.local.wait(key, ms, signal);
  }

  /** Tests: the listening connection's backend, to cut it as a failing network would. */
  async listenerPid(): Promise<number | null> {
    const c = this.listener;
    if (!c) return null;
    return (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid ?? null;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.ping);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const c = this.listener;
    this.listener = null;
    this.local.wakeAll();
    await c?.end().catch(() => {});
  }

  private received(payload: string | undefined): void {
    if (!payload) return;
    const space = payload.indexOf(' ');
    if (space < 0 || payload.slice(0, space) === this.origin) return;
    this.local.notify(payload.slice(space + 1));
  }

  private async connect(): Promise<void> {
    const c = new pg.Client({ ...this.pool.options, keepAlive: true, query_timeout: PING_TIMEOUT_MS });
    c.on('notification', (m) => this.received(m.payload));
    c.on('error', (e) => this.lost(c, e));
    c.on('end', () => this.lost(c, null));
    try {
      await c.connect();
      await c.query(`LISTEN ${quoteIdent(this.channel)}`);
    } catch (e) {
      await c.end().catch(() => {});
      this.lost(c, e);
      return;
    }
    if (this.closed) {
      await c.end().catch(() => {});
      return;
    }
    this.listener = c;
    if (this.failures > 0) this.log.info('central.listen.restored', { channel: this.channel, after: this.failures });
    this.failures = 0;
    // Whatever changed while nobody listened is read again by every waiter.
    this.local.wakeAll();
    this.events.emit('listening');
  }

  private lost(c: pg.Client, e: unknown): void {
    if (this.closed) return;
    if (this.listener !== null && this.listener !== c) return; // an old connection's late news
    if (this.listener === null && this.reconnectTimer) return;
    this.listener = null;
    this.failures += 1;
    const delay = Math.min(MAX_RECONNECT_MS, 100 * 2 ** Math.min(this.failures, 10));
    this.log.warn('central.listen.lost', { channel: this.channel, error: e instanceof Error ? e.message : null, retryMs: delay });
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.connect();
    }, delay);
    this.reconnectTimer.unref();
  }

  /** A listener whose peer vanished without a word would wait forever: ask it something. */
  private async checkListener(): Promise<void> {
    const c = this.listener;
    if (!c) return;
    try {
      await c.query('SELECT 1');
    } catch (e) {
      this.lost(c, e);
      void c.end().catch(() => {});
    }
  }
}
