/**
 * HTTP for clerk accounts (src-shared/sync/clerk-accounts.ts), behind the court token. The log
 * gets the court, the account name and codes: never a password, a hash or a session token.
 */
import type { IncomingMessage } from 'node:http';
import { HttpError, parseJson } from '../../http/http-util.js';
import type { Logger } from '../../log/logger.js';
import { CLERKS_PATH, clerkImportSchema, clerkManageSchema, clerkPasswordSchema, clerkSignInSchema, type ClerkAccountsResponse } from '../../../src-shared/sync/clerk-accounts.js';
import { readCourt, type CourtScope } from '../court-auth.js';
import type { ChangeNotifier } from '../change-notifier.js';
import { CentralClerks } from './central-clerks.js';

export function clerkAccountRoutes(o: { clerks: CentralClerks; log: Logger; notifier: ChangeNotifier; protocol: number }) {
  const parse = <T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[] }> } } }, body: Buffer): T => {
    const r = schema.safeParse(parseJson(body));
    if (!r.success) throw new HttpError(400, 'bad-request', '账号请求格式不对（账号为 2-40 位字母或数字）', `Malformed clerk account request at ${r.error.issues[0]?.path.join('.') ?? ''}`);
    return r.data;
  };
  const changed = (court: string | null) => court && o.notifier.notify(`clerks:${court}`);

  /** Answers when the path is a clerk account route; null when it is not. */
  return async (scope: CourtScope, req: IncomingMessage, url: URL, body: Buffer): Promise<object | null> => {
    const path = url.pathname;
    if (!path.startsWith(CLERKS_PATH)) return null;
    const sub = path.slice(CLERKS_PATH.length);
    if (req.method === 'GET' && sub === '') {
      const court = readCourt(scope, url.searchParams.get('court'));
      const since = Math.max(0, Math.floor(Number(url.searchParams.get('since') ?? 0)) || 0);
      const answer: ClerkAccountsResponse = { protocol: o.protocol, ...(await o.clerks.feed(court, since)) };
      return answer;
    }
    if (req.method !== 'POST') throw new HttpError(405, 'method', '不支持的请求', 'GET or POST only');
    if (sub === '/sign-in') {
      const input = parse(clerkSignInSchema, body);
      try {
        const { court, ...r } = await o.clerks.signIn(scope, input);
        o.log.info('central.clerk.signed-in', { court, account: r.account.account, mustChange: r.account.mustChange });
        return { ...r, protocol: o.protocol };
      } catch (e) {
        if (e instanceof HttpError) o.log.warn('central.clerk.sign-in-refused', { court: scope.court, terminal: scope.name, code: e.code });
        throw e;
      }
    }
    if (sub === '/sign-out') {
      await o.clerks.signOut(scope, req);
      return { protocol: o.protocol, signedOut: true };
    }
    if (sub === '/password') {
      const account = await o.clerks.changePassword(scope, req, parse(clerkPasswordSchema, body));
      changed(scope.court);
      o.log.info('central.clerk.password-changed', { court: scope.court, account: account.account });
      return { protocol: o.protocol, account };
    }
    if (sub === '/manage') {
      const m = parse(clerkManageSchema, body);
      try {
        const account = await o.clerks.manage(scope, req, m);
        changed(scope.court);
        o.log.info('central.clerk.managed', { court: scope.court, op: m.op, account: m.account, by: account.updatedBy, version: account.version });
        return { protocol: o.protocol, account };
      } catch (e) {
        if (e instanceof HttpError) o.log.warn('central.clerk.manage-refused', { court: scope.court, terminal: scope.name, op: m.op, account: m.account, code: e.code });
        throw e;
      }
    }
    if (sub === '/import') {
      const n = await o.clerks.importLocal(scope, parse(clerkImportSchema, body).accounts);
      changed(scope.court);
      o.log.info('central.clerk.imported', { court: scope.court, terminal: scope.name, accounts: n });
      return { protocol: o.protocol, imported: n };
    }
    throw new HttpError(404, 'not-found', '地址不存在', 'Not found');
  };
}
