/**
 * The counter's calls to the central's clerk account API (src-shared/sync/clerk-accounts.ts),
 * with the PC's court token and, where a clerk acts, that clerk's central session. An answer is
 * 'ok', 'refused' (the central said no, with its message for the clerk) or 'offline' (not
 * reached, or no central configured): only 'offline' lets the counter fall back to its cache.
 */
import { CLERKS_PATH, HEADER_CLERK_SESSION } from '../../src-shared/sync/clerk-accounts.js';

export type CentralAnswer<T> = { kind: 'ok'; body: T } | { kind: 'refused'; status: number; code: string; message_zh: string; message_en: string } | { kind: 'offline'; why: string };

export interface CentralClerkEndpoint {
  centralUrl: () => string | null;
  token: () => string | null;
}

export async function callClerks<T>(e: CentralClerkEndpoint, method: 'GET' | 'POST', sub: string, body?: unknown, session?: string | null): Promise<CentralAnswer<T>> {
  const url = e.centralUrl();
  const token = e.token();
  if (!url || !token) return { kind: 'offline', why: url ? 'no court API token' : 'no central configured' };
  let res: Response;
  try {
    res = await fetch(`${url.replace(/\/$/, '')}${CLERKS_PATH}${sub}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(session ? { [HEADER_CLERK_SESSION]: session } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (err) {
    return { kind: 'offline', why: err instanceof Error ? err.message : String(err) };
  }
  const json = (await res.json().catch(() => null)) as (T & { error?: string; message_zh?: string; message_en?: string }) | null;
  if (res.ok && json) return { kind: 'ok', body: json };
  // A 5xx or an answer that is not ours (a proxy's page) is a central not reached properly.
  if (res.status >= 500 || !json?.error) return { kind: 'offline', why: `http-${res.status}` };
  return { kind: 'refused', status: res.status, code: json.error, message_zh: json.message_zh ?? '法院中心拒绝了此操作', message_en: json.message_en ?? 'Refused by the central' };
}
