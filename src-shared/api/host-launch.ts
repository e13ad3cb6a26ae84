/**
 * How the host shell's per-launch secret travels between the shell and its page: in the launch
 * URL's fragment (never sent to a server), then in a header on every API call and as an offered
 * protocol on the event socket. Shared so that the shell and the page cannot disagree.
 */

/** The request header that carries the secret on API calls. */
export const KEY_HEADER = 'x-yzt-key';
/** The event socket's protocol; the secret goes as a second offered protocol, `yzt-key.<secret>`. */
export const EVENTS_PROTOCOL = 'yzt-events';
export const KEY_PROTOCOL_PREFIX = 'yzt-key.';
/** Where the page keeps the secret across a reload of the same tab. */
export const KEY_STORAGE_ITEM = 'yzt.hostKey';

/** The URL that opens the kiosk, or a route of it (`/counter`, `/admin`), with the secret. */
export function launchUrl(origin: string, key: string, route = ''): string {
  return route ? `${origin}/#${route}?key=${key}` : `${origin}/#key=${key}`;
}

/** Splits a location hash into the secret it carries (if any) and the route left for the app. */
export function splitLaunchHash(hash: string): { key: string | null; hash: string } {
  const m = /(^#|[?&])key=([0-9a-f]{16,128})(?=&|$)/.exec(hash);
  if (!m?.[1] || !m[2]) return { key: null, hash };
  const rest = hash.slice(0, m.index) + (m[1] === '#' ? '#' : '') + hash.slice(m.index + m[0].length).replace(/^&/, m[1] === '#' ? '' : m[1]);
  return { key: m[2], hash: rest === '#' ? '' : rest };
}
