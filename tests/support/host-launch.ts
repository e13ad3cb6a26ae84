/**
 * Tests reach a host shell the way its page does: with the per-launch secret from the URL that
 * `yzt kiosk serve` prints (kiosk: http://127.0.0.1:PORT/#key=...).
 */
import { WebSocket } from 'ws';
import { EVENTS_PROTOCOL, KEY_HEADER, KEY_PROTOCOL_PREFIX, launchUrl, splitLaunchHash } from '../../src-shared/api/host-launch.js';

export interface HostLaunch {
  /** http://127.0.0.1:PORT, without the secret. */
  origin: string;
  key: string;
  /** The URL that opens a route of the page (`/counter`, `/admin`; none: the kiosk) with the secret. */
  page(route?: string): string;
  /** POST /api/<method> with the secret, as the page calls it. */
  post(method: string, body: unknown): Promise<Response>;
  /** The event socket, opened as the page opens it. */
  events(): WebSocket;
}

export function hostLaunch(printedUrl: string): HostLaunch {
  const u = new URL(printedUrl);
  const key = splitLaunchHash(u.hash).key;
  if (!key) throw new Error(`no launch key in ${u.origin}/#…`);
  return {
    origin: u.origin,
    key,
    page: (route = '') => launchUrl(u.origin, key, route),
    post: (method, body) =>
      fetch(`${u.origin}/api/${method}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', [KEY_HEADER]: key } }),
    events: () => new WebSocket(`${u.origin.replace(/^http/, 'ws')}/api/events`, [EVENTS_PROTOCOL, `${KEY_PROTOCOL_PREFIX}${key}`], { origin: u.origin }),
  };
}
