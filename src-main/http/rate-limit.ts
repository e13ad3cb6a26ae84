/**
 * Per-source attempt limits for endpoints that take guesses: enrolment codes and court tokens.
 * A fixed window per source address is enough here: the point is that a code of 12 characters
 * or a token cannot be tried thousands of times a minute, not fairness between callers.
 */
import { HttpError } from './http-util.js';

export interface RateLimitPolicy {
  /** Attempts allowed per source in one window. */
  max: number;
  windowMs: number;
}

/** The refusal once a source's allowance is spent; `leftMs` until its window ends. */
export function tooManyAttempts(leftMs: number): HttpError {
  const wait = Math.max(1, Math.ceil(leftMs / 1000));
  const e = new HttpError(429, 'too-many-requests', `尝试次数过多，请 ${wait} 秒后再试`, `Too many attempts from this address; try again in ${wait} s`);
  return Object.assign(e, { retryAfterSeconds: wait });
}

export class SourceLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly policy: RateLimitPolicy,
    private readonly now: () => number = Date.now,
    private readonly maxSources = 10_000,
  ) {}

  /** Counts one attempt from `source`; refuses with 429 once the window's allowance is spent. */
  take(source: string): void {
    const t = this.now();
    let w = this.windows.get(source);
    if (!w || t - w.start >= this.policy.windowMs) {
      this.windows.delete(source);
      w = { start: t, count: 0 };
      this.windows.set(source, w);
      while (this.windows.size > this.maxSources) this.windows.delete(this.windows.keys().next().value as string);
    }
    w.count += 1;
    if (w.count > this.policy.max) throw tooManyAttempts(w.start + this.policy.windowMs - t);
  }

  /** Refuses at once while the source's allowance is spent, without counting. */
  check(source: string): void {
    const w = this.windows.get(source);
    if (w && this.now() - w.start < this.policy.windowMs && w.count >= this.policy.max) this.take(source);
  }
}
