/**
 * The host shell's per-launch secret: what makes its HTTP API as private as Electron's IPC.
 * It is made at start, handed only to the page the shell opens (src-shared/api/host-launch.ts),
 * and every API request and event socket must carry it. A local process, or a page of another
 * origin, has no way to learn it. It is never logged.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { KEY_HEADER, KEY_PROTOCOL_PREFIX } from '../../src-shared/api/host-launch.js';

export function newLaunchKey(): string {
  return randomBytes(32).toString('hex');
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Constant time whatever the length of what was sent (both sides are hashed first). */
export function keyMatches(expected: string, given: string | undefined): boolean {
  if (typeof given !== 'string' || given.length === 0) return false;
  return timingSafeEqual(digest(expected), digest(given));
}

/** The secret on an API call (one header, never repeated). */
export function requestKey(req: IncomingMessage): string | undefined {
  const h = req.headers[KEY_HEADER];
  return typeof h === 'string' ? h : undefined;
}

/** The secret offered as a WebSocket protocol (a browser cannot set headers on a WebSocket). */
export function socketKey(req: IncomingMessage): string | undefined {
  const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  return offered.find((p) => p.startsWith(KEY_PROTOCOL_PREFIX))?.slice(KEY_PROTOCOL_PREFIX.length);
}
