/**
 * Clerk accounts at the central, the authority for them: sign-in against the stored scrypt
 * verifier with a lockout, clerk sessions, an administrator's changes, a clerk's own new
 * password, and the import of a PC's local accounts while the court has none here.
 *
 * A session proves two different things, on purpose with two rules:
 * - authority (manage accounts, change a password): the session is live (not ended, not
 *   expired) and its account enabled now, with the role needed now;
 * - attribution (whose correction or record this is): the session was issued to that account
 *   by this court within ATTRIBUTION_HOURS, even if it has ended since. A counter sends its queue
 *   right after the clerk acts; work done before a clerk was disabled is still theirs.
 * Passwords and hashes never go to the log or the events.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HttpError } from '../../http/http-util.js';
import { hashPassword, passwordProblem, verifyPassword } from '../../counter/passwords.js';
import { ROLE_LABEL_ZH, type ClerkRole } from '../../../src-shared/counter/contract.js';
import { HEADER_CLERK_SESSION, MAX_ACCOUNTS_PULL, type ClerkAccountItem, type ClerkManageRequest, type ClerkSignInResponse } from '../../../src-shared/sync/clerk-accounts.js';
import type { CourtScope } from '../court-auth.js';
import type { AccountRow, ClerkAccountStore, SessionRow } from './account-sql.js';

export const CLERK_SESSION_HOURS = 10;
export const ATTRIBUTION_HOURS = 24;
export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

const BAD_LOGIN = new HttpError(401, 'bad-login', '账号或密码不正确', 'Wrong account or password');
const SIGNED_OUT = new HttpError(401, 'clerk-signed-out', '登录已失效，请重新登录', 'The clerk session has ended; sign in again');
const NOT_ADMIN = new HttpError(403, 'clerk-forbidden', '此操作需要管理员权限', 'This needs the administrator role');

let dummyHash: Promise<string> | null = null;

export function toItem(r: AccountRow): ClerkAccountItem {
  return { account: r.account, displayName: r.display_name, role: r.role, disabled: r.disabled === 1, mustChange: r.must_change === 1, version: r.version, updatedAt: r.updated_at, updatedBy: r.updated_by };
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/** The court a clerk request is for: a court token's own (the gateway's admin token has no clerks). */
function courtOf(scope: CourtScope): string {
  if (scope.court === null) throw new HttpError(400, 'court-token-needed', '请使用本院窗口终端的凭据', 'Clerk accounts are reached with a court token, not the gateway admin token');
  return scope.court;
}

export class CentralClerks {
  constructor(
    private readonly store: ClerkAccountStore,
    private readonly now: () => Date,
    /** Tests: cheaper hashing for passwords set here (reset, create, change). */
    private readonly scrypt?: { N: number; r: number; p: number },
  ) {}

  async signIn(scope: CourtScope, input: { account: string; password: string }): Promise<ClerkSignInResponse & { court: string }> {
    const court = courtOf(scope);
    const row = await this.store.account(court, input.account);
    const at = this.now();
    if (!row) {
      if ((await this.store.countAccounts(court)) === 0) {
        throw new HttpError(409, 'no-central-accounts', '法院中心尚未建立本院的窗口账号，请管理员导入本机账号', 'The central holds no accounts for this court yet; an administrator imports them');
      }
      await verifyPassword(input.password, await (dummyHash ??= hashPassword('not-a-password-0')));
      throw BAD_LOGIN;
    }
    if (row.locked_until && row.locked_until > at.toISOString()) throw locked(row.locked_until);
    if (!(await verifyPassword(input.password, row.password_hash))) {
      const failures = row.failed_count + 1;
      const until = failures >= MAX_FAILURES ? new Date(at.getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
      await this.store.setFailures(court, row.account, until ? 0 : failures, until);
      if (until) throw locked(until);
      throw BAD_LOGIN;
    }
    if (row.disabled) throw new HttpError(403, 'account-disabled', '该账号已停用，请联系管理员', 'This account is disabled; ask an administrator');
    if (row.failed_count > 0) await this.store.setFailures(court, row.account, 0, null);
    const session = `yzt-clerk-${randomBytes(24).toString('base64url')}`;
    const expiresAt = new Date(at.getTime() + CLERK_SESSION_HOURS * 3_600_000).toISOString();
    await this.store.createSession({ token_hash: digest(session), court_code: court, account: row.account, issued_at: at.toISOString(), expires_at: expiresAt });
    return { protocol: 0, court, session, expiresAt, account: toItem(row), verifier: row.password_hash };
  }

  /** The live session's account with one of `roles`; refuses otherwise. */
  async require(scope: CourtScope, req: IncomingMessage, roles?: readonly ClerkRole[]): Promise<{ row: AccountRow; session: SessionRow }> {
    const court = courtOf(scope);
    const token = sessionHeader(req);
    const s = token ? await this.store.session(digest(token)) : undefined;
    const at = this.now().toISOString();
    if (!s || s.court_code !== court || s.ended_at || s.expires_at <= at) throw SIGNED_OUT;
    const row = await this.store.account(court, s.account);
    if (!row || row.disabled) throw SIGNED_OUT;
    if (roles && !roles.includes(row.role)) throw roles.length === 1 && roles[0] === 'admin' ? NOT_ADMIN : new HttpError(403, 'clerk-forbidden', `此操作需要${roles.map((r) => ROLE_LABEL_ZH[r]).join('或')}权限`, `This needs the role ${roles.join(' or ')}`);
    return { row, session: s };
  }

  /** Whose work a request carries: the account of a session this court issued lately; null without one. */
  async attributed(scope: CourtScope, req: IncomingMessage): Promise<string | null> {
    const token = sessionHeader(req);
    if (!token || scope.court === null) return null;
    const s = await this.store.session(digest(token));
    if (!s || s.court_code !== scope.court) return null;
    return this.now().getTime() - Date.parse(s.issued_at) <= ATTRIBUTION_HOURS * 3_600_000 ? s.account : null;
  }

  /**
   * The role a triage record may carry, as the central knows it: the account's role for a
   * session this court issued lately; the lowest role when the court keeps its accounts here but
   * the request carries no such session (offline work, a tampered PC); null while the court
   * has no accounts here yet, when the counter's claim is all there is.
   */
  async verifiedRole(scope: CourtScope, req: IncomingMessage): Promise<ClerkRole | null> {
    if (scope.court === null || (await this.store.countAccounts(scope.court)) === 0) return null;
    const account = await this.attributed(scope, req);
    const row = account ? await this.store.account(scope.court, account) : undefined;
    return row && !row.disabled ? row.role : 'reception';
  }

  async signOut(scope: CourtScope, req: IncomingMessage): Promise<void> {
    const token = sessionHeader(req);
    const s = token ? await this.store.session(digest(token)) : undefined;
    if (s && s.court_code === courtOf(scope)) await this.store.endSession(s.token_hash, this.now().toISOString());
  }

  /** The clerk's own new password: needs the current one (or the temporary one an administrator set). */
  async changePassword(scope: CourtScope, req: IncomingMessage, input: { current: string; next: string }): Promise<ClerkAccountItem> {
    const { row } = await this.require(scope, req);
    if (!(await verifyPassword(input.current, row.password_hash))) throw new HttpError(401, 'bad-login', '当前密码不正确', 'The current password is wrong');
    const problem = passwordProblem(input.next);
    if (problem) throw new HttpError(400, 'weak-password', problem.message_zh, problem.message_en);
    if (input.next === input.current) throw new HttpError(400, 'weak-password', '新密码不能与原密码相同', 'The new password must differ from the old one');
    const hash = await hashPassword(input.next, this.scrypt);
    return this.write(scope, row, { password_hash: hash, must_change: false }, 'password.changed', row.account, {}, false);
  }

  /** An administrator's change; the central checks the role itself, whatever the counter showed. */
  async manage(scope: CourtScope, req: IncomingMessage, m: ClerkManageRequest): Promise<ClerkAccountItem> {
    const { row: admin } = await this.require(scope, req, ['admin']);
    const court = courtOf(scope);
    const target = await this.store.account(court, m.account);
    if (m.op === 'create') {
      if (target) throw new HttpError(409, 'account-exists', '该账号已存在', 'That account already exists');
      const hash = await this.newPassword(m.password);
      const created: AccountRow = { court_code: court, account: m.account, display_name: m.displayName, role: m.role, password_hash: hash, disabled: 0, must_change: 1, failed_count: 0, locked_until: null, version: 0, updated_at: '', updated_by: '' };
      return this.write(scope, created, {}, 'created', admin.account, { role: m.role }, false, null);
    }
    if (!target) throw new HttpError(404, 'no-account', '没有这个账号', 'No such account');
    // An administrator cannot lock the court out of its own administration by accident.
    if (target.account === admin.account && (m.op === 'disable' || (m.op === 'role' && m.role !== 'admin'))) {
      throw new HttpError(409, 'own-account', '不能停用自己的账号或取消自己的管理员权限，请由另一位管理员操作', 'An administrator cannot disable or demote their own account');
    }
    if (m.op === 'reset') return this.write(scope, target, { password_hash: await this.newPassword(m.password), must_change: true }, 'password.reset', admin.account, {}, true);
    if (m.op === 'role') return this.write(scope, target, { role: m.role }, 'role.changed', admin.account, { from: target.role, to: m.role }, false);
    return this.write(scope, target, { disabled: m.op === 'disable' }, m.op === 'disable' ? 'disabled' : 'enabled', admin.account, {}, m.op === 'disable');
  }

  /**
   * A PC's local accounts, offered by its administrator at first contact. Only while the court
   * has no accounts here: after that, accounts are managed here and a PC cannot add to them.
   * Each keeps its own password hash, so its clerk signs in as before.
   */
  async importLocal(scope: CourtScope, accounts: Array<{ account: string; displayName: string; role: ClerkRole; passwordHash: string; disabled: boolean }>): Promise<number> {
    const court = courtOf(scope);
    if ((await this.store.countAccounts(court)) > 0) throw new HttpError(409, 'accounts-held', '法院中心已有本院账号，不能再导入，请由管理员在账号管理中添加', 'The central already holds this court’s accounts; add accounts through account management');
    if (!accounts.some((a) => a.role === 'admin' && !a.disabled)) throw new HttpError(400, 'no-admin', '导入的账号中须至少有一名启用的管理员', 'The import needs at least one enabled administrator');
    let n = 0;
    for (const a of accounts) {
      const row: AccountRow = { court_code: court, account: a.account, display_name: a.displayName, role: a.role, password_hash: a.passwordHash, disabled: a.disabled ? 1 : 0, must_change: 0, failed_count: 0, locked_until: null, version: 0, updated_at: '', updated_by: '' };
      if (await this.writeOrSkip(scope, row, 'imported', `terminal:${scope.name}`)) n++;
    }
    return n;
  }

  async feed(court: string, since: number): Promise<{ accounts: ClerkAccountItem[]; cursor: number }> {
    const rows = await this.store.accountsSince(court, since, MAX_ACCOUNTS_PULL);
    return { accounts: rows.map(toItem), cursor: rows.at(-1)?.version ?? since };
  }

  private async newPassword(password: string): Promise<string> {
    const problem = passwordProblem(password);
    if (problem) throw new HttpError(400, 'weak-password', problem.message_zh, problem.message_en);
    return hashPassword(password, this.scrypt);
  }

  private async writeOrSkip(scope: CourtScope, row: AccountRow, action: string, by: string): Promise<boolean> {
    const at = this.now().toISOString();
    const v = await this.store.writeAccount(
      { court_code: row.court_code, account: row.account, display_name: row.display_name, role: row.role, password_hash: row.password_hash, disabled: row.disabled === 1, must_change: row.must_change === 1, updated_at: at, updated_by: by },
      null,
      { court_code: row.court_code, account: row.account, action, by, terminal: scope.name, at, details: { role: row.role } },
      false,
    );
    return v !== null;
  }

  private async write(
    scope: CourtScope,
    row: AccountRow,
    change: Partial<{ role: ClerkRole; password_hash: string; disabled: boolean; must_change: boolean }>,
    action: string,
    by: string,
    details: Record<string, unknown>,
    endSessions: boolean,
    expect: number | null = row.version,
  ): Promise<ClerkAccountItem> {
    const at = this.now().toISOString();
    const next = {
      court_code: row.court_code,
      account: row.account,
      display_name: row.display_name,
      role: change.role ?? row.role,
      password_hash: change.password_hash ?? row.password_hash,
      disabled: change.disabled ?? row.disabled === 1,
      must_change: change.must_change ?? row.must_change === 1,
      updated_at: at,
      updated_by: by,
    };
    const version = await this.store.writeAccount(next, expect, { court_code: row.court_code, account: row.account, action, by, terminal: scope.name, at, details }, endSessions);
    if (version === null) throw new HttpError(409, 'account-changed', '该账号刚被其他管理员修改，请刷新后重试', 'The account changed meanwhile; reload and try again');
    return { account: next.account, displayName: next.display_name, role: next.role, disabled: next.disabled, mustChange: next.must_change, version, updatedAt: at, updatedBy: by };
  }
}

function sessionHeader(req: IncomingMessage): string | null {
  const v = req.headers[HEADER_CLERK_SESSION];
  return typeof v === 'string' && v.length > 0 && v.length < 200 ? v : null;
}

function locked(until: string): HttpError {
  const t = new Date(Date.parse(until) + 8 * 3_600_000).toISOString().slice(11, 16);
  return new HttpError(423, 'locked', `密码错误次数过多，已暂停登录，请于北京时间 ${t} 后再试，或联系管理员`, `Too many wrong passwords; sign-in is paused until ${t} Beijing time`);
}
