/**
 * When PostgreSQL work is tried again from the start: a serialization failure, a deadlock the
 * server broke, or a unique key another writer took first (a concurrent push of the same
 * mutation or filing, which the retry then reads as answered).
 */
const RETRYABLE = new Set(['40001', '40P01', '23505']);
const MAX_ATTEMPTS = 8;

export function worthRetrying(e: unknown, attempt: number): boolean {
  const code = (e as { code?: string }).code;
  return !!code && RETRYABLE.has(code) && attempt < MAX_ATTEMPTS;
}
