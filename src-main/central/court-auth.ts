/**
 * Bearer tokens for the court-side API. The gateway's admin token (`--admin-token`) acts for
 * every court on the gateway; a court token (`issueCourtToken`, only its SHA-256 stored) acts
 * for its own court only, so on a gateway shared by a city's courts one court's counter
 * terminals cannot read or write another court's clerk records or cases.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { findCourt } from '../../src-shared/courts/court-profile.js';
import { HttpError } from '../http/http-util.js';
import type { CentralStore } from './store.js';

/** `court` null: the admin token, any court. */
export interface CourtScope {
  court: string | null;
  /** Who the central authenticated: the token's terminal name, or the gateway's admin token. */
  name: string;
}

const FORBIDDEN = new HttpError(403, 'forbidden', '无权操作', 'Court API token missing or wrong');

const digest = (s: string) => createHash('sha256').update(s).digest();

export function hashToken(token: string): string {
  return digest(token).toString('hex');
}

export function bearer(req: IncomingMessage): string {
  return /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
}

export function isAdminToken(adminToken: string | undefined, given: string): boolean {
  return Boolean(adminToken) && timingSafeEqual(digest(adminToken!), digest(given));
}

export async function courtScope(store: CentralStore, adminToken: string | undefined, req: IncomingMessage): Promise<CourtScope> {
  const given = bearer(req);
  if (isAdminToken(adminToken, given)) return { court: null, name: '法院中心管理员' };
  const court = given ? await store.courtOfToken(hashToken(given)) : null;
  if (!court) throw FORBIDDEN;
  return { court: court.courtCode, name: court.name };
}

/** The court a request reads: a court token's own; the admin token must name one. */
export function readCourt(scope: CourtScope, asked: string | null): string {
  if (scope.court !== null) {
    if (asked && asked !== scope.court) throw new HttpError(403, 'wrong-court', '不能查看其他法院的记录', 'A court token reads its own court only');
    return scope.court;
  }
  if (!asked) throw new HttpError(400, 'bad-request', '请指明法院代字（court）', 'The admin token must name the court (court=...)');
  return asked;
}

export type CourtTokenOutcome = { ok: true; token: string; courtCode: string } | { ok: false; message_zh: string; message_en: string };

/** `name`: the counter terminal it is for (窗口1…); the records it sends are stored under it. */
export async function issueCourtToken(store: CentralStore, courtId: string, now: Date, name: string | null = null): Promise<CourtTokenOutcome> {
  const court = findCourt(courtId);
  if (!court) return { ok: false, message_zh: `未知的法院：${courtId}（见 yzt courts list）`, message_en: `Unknown court ${courtId}; see yzt courts list` };
  const token = `yzt-court-${randomBytes(24).toString('base64url')}`;
  await store.createCourtToken(hashToken(token), court.id, court.code, now, name?.trim().slice(0, 40) || null);
  return { ok: true, token, courtCode: court.code };
}
