/** Exponential backoff with full jitter: spreads retries of many kiosks after an outage. */
export function backoffDelay(failures: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(failures, 30));
  return Math.floor(random() * ceiling);
}
