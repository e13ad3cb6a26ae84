/**
 * Attempt limits on the routes that take guesses (enrolment codes, court tokens), counted
 * across every gateway on one PostgreSQL: a guesser spreading tries over N gateways behind a
 * load balancer gets the allowance once, not N times. One row per (bucket, source) holds the
 * current fixed window; the upsert counts atomically, so two gateways taking at once both
 * count. On SQLite one process owns the file and the in-memory `SourceLimiter` does the same.
 */
import type pg from 'pg';
import { SourceLimiter, tooManyAttempts, type RateLimitPolicy } from '../http/rate-limit.js';

export interface AttemptLimiter {
  /** Counts one attempt from `source`; refuses with 429 once the window's allowance is spent. */
  take(source: string): Promise<void>;
  /** Refuses at once while the source's allowance is spent, without counting. */
  check(source: string): Promise<void>;
}

export class LocalAttemptLimiter implements AttemptLimiter {
  private readonly limiter: SourceLimiter;
  constructor(policy: RateLimitPolicy, now: () => number = Date.now) {
    this.limiter = new SourceLimiter(policy, now);
  }
  async take(source: string): Promise<void> {
    this.limiter.take(source);
  }
  async check(source: string): Promise<void> {
    this.limiter.check(source);
  }
}

/** `$1` bucket, `$2` source, `$3` now (ms), `$4` window (ms): a window past its end starts again. */
const TAKE_SQL = `INSERT INTO gateway_attempts AS a (bucket, source, window_start_ms, expires_ms, attempts)
  VALUES ($1, $2, $3::bigint, $3::bigint + $4::bigint, 1)
  ON CONFLICT (bucket, source) DO UPDATE SET
    window_start_ms = CASE WHEN a.expires_ms <= $3::bigint THEN $3::bigint ELSE a.window_start_ms END,
    expires_ms = CASE WHEN a.expires_ms <= $3::bigint THEN $3::bigint + $4::bigint ELSE a.expires_ms END,
    attempts = CASE WHEN a.expires_ms <= $3::bigint THEN 1 ELSE a.attempts + 1 END
  RETURNING expires_ms, attempts`;

const CHECK_SQL = `SELECT expires_ms, attempts FROM gateway_attempts WHERE bucket = $1 AND source = $2 AND expires_ms > $3::bigint`;

export const SWEEP_ATTEMPTS_SQL = `DELETE FROM gateway_attempts WHERE expires_ms <= $1::bigint`;

interface AttemptRow {
  expires_ms: string;
  attempts: number;
}

export class PgAttemptLimiter implements AttemptLimiter {
  constructor(
    private readonly pool: pg.Pool,
    private readonly bucket: string,
    private readonly policy: RateLimitPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  async take(source: string): Promise<void> {
    const t = this.now();
    const r = await this.pool.query<AttemptRow>(TAKE_SQL, [this.bucket, source, t, this.policy.windowMs]);
    const row = r.rows[0]!;
    if (row.attempts > this.policy.max) throw tooManyAttempts(Number(row.expires_ms) - t);
  }

  async check(source: string): Promise<void> {
    const t = this.now();
    const row = (await this.pool.query<AttemptRow>(CHECK_SQL, [this.bucket, source, t])).rows[0];
    if (row && row.attempts >= this.policy.max) throw tooManyAttempts(Number(row.expires_ms) - t);
  }
}
