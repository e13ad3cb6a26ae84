/**
 * Clerk accounts and sign-in, with session tokens held in memory (a restart signs every clerk
 * out). With a central configured, the clerk signs in against the court's accounts there
 * (issue 14 item 8) and the central's clerk session is kept with the counter's session, to be
 * sent with the clerk's work; this PC's rows are then a cache (account-cache.ts) used only when
 * the central cannot be reached. Without a central, or while the central holds no accounts for
 * the court yet, the PC's own accounts sign in as before. Every sign-in, failure and lockout
 * goes to the audit log by account name, never by password or personal data.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/open.js';
import { AppError } from '../../src-shared/api/errors.js';
import { CLERK_ROLES, ROLE_LABEL_ZH, type ClerkRole, type ClerkView, type SignInResult } from '../../src-shared/counter/contract.js';
import { appendAudit } from '../audit/audit-log.js';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import { LockoutGate, MemoryLockStores, type LockStore } from '../auth/lockout-gate.js';
import { lockedError } from '../auth/lock-message.js';
import { terminalAttempts, type TerminalAttempts } from '../auth/terminal-attempts.js';
import { callClerks, type CentralClerkEndpoint } from './central-clerk-client.js';
import { cacheAccount, cachedAccount, holdsCentralAccounts, offlineAllowed } from './account-cache.js';
import type { ClerkAccountItem, ClerkSignInResponse } from '../../src-shared/sync/clerk-accounts.js';

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;
export const SESSION_HOURS = 10;
/** A clerk who steps away is signed out: the counter screen faces the public. */
export const IDLE_MINUTES = 30;

interface UserRow {
  account: string;
  display_name: string;
  role: ClerkRole;
  password_hash: string;
  failed_count: number;
  locked_until: string | null;
  disabled: number;
}

export interface ClerkSession {
  clerk: ClerkView;
  expiresAt: number;
  lastSeen: number;
  /** The central's clerk session (null: signed in from this PC's cache or a local account). */
  central: string | null;
  /** A reset asked for a new password: nothing else until it is changed. */
  mustChange: boolean;
}

/** How long the central's session is kept for sending the clerk's queued work after sign-out. */
const ATTRIBUTION_MS = 20 * 3_600_000;

const BAD_LOGIN = new AppError('counter.bad-login', '账号或密码不正确', 'Wrong account or password');
const SIGNED_OUT = new AppError('counter.signed-out', '登录已失效，请重新登录', 'Your session has ended; please sign in again');

/** A hash to verify against when the account does not exist, so timing does not tell. */
let dummyHash: Promise<string> | null = null;

/** `scrypt`: other parameters for tests that sign in many times; every real account takes the default. */
export async function addClerk(
  db: Db,
  input: { account: string; displayName?: string; role: string; password: string; scrypt?: { N: number; r: number; p: number } },
  now: Date,
  actor = 'admin:cli',
): Promise<ClerkView> {
  const account = input.account.trim();
  if (!/^[A-Za-z0-9._-]{2,40}$/.test(account)) throw new AppError('counter.bad-account', '账号只能由 2-40 位字母、数字、点、下划线或连字符组成', 'Account: 2-40 letters, digits, dot, underscore or hyphen');
  if (!(CLERK_ROLES as readonly string[]).includes(input.role)) throw new AppError('counter.bad-role', `角色须为 ${CLERK_ROLES.join(' / ')}`, `Role must be one of ${CLERK_ROLES.join(', ')}`);
  const problem = passwordProblem(input.password);
  if (problem) throw new AppError('counter.weak-password', problem.message_zh, problem.message_en);
  const hash = await hashPassword(input.password, input.scrypt);
  const displayName = (input.displayName ?? account).trim() || account;
  db.transaction(() => {
    const exists = db.prepare('SELECT 1 FROM counter_users WHERE account = ?').get(account);
    if (exists) throw new AppError('counter.account-exists', '该账号已存在', 'That account already exists');
    db.prepare('INSERT INTO counter_users (account, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)').run(account, displayName, input.role, hash, now.toISOString());
    appendAudit(db, { at: now.toISOString(), actor, action: 'counter.user.added', subject: account, details: { role: input.role } });
  })();
  return { account, displayName, role: input.role as ClerkRole };
}

export interface ClerkAccountView extends ClerkView {
  locked: boolean;
  disabled: boolean;
  failures: number;
}

export function listClerks(db: Db, now: Date): ClerkAccountView[] {
  const rows = db.prepare('SELECT account, display_name, role, failed_count, locked_until, disabled FROM counter_users ORDER BY account').all() as Array<Omit<UserRow, 'password_hash'>>;
  return rows.map((r) => ({ account: r.account, displayName: r.display_name, role: r.role, locked: Boolean(r.locked_until && r.locked_until > now.toISOString()), disabled: r.disabled === 1, failures: r.failed_count }));
}

/** An administrator's change to an account: lift a lockout, or turn the account off or on. */
export function changeClerk(db: Db, account: string, change: 'unlock' | 'disable' | 'enable', now: Date, actor = 'admin:cli'): void {
  db.transaction(() => {
    const sql = { unlock: 'failed_count = 0, locked_until = NULL', disable: 'disabled = 1', enable: 'disabled = 0' }[change];
    const r = db.prepare(`UPDATE counter_users SET ${sql} WHERE account = ?`).run(account);
    if (r.changes === 0) throw new AppError('counter.no-account', '没有这个账号', 'No such account');
    appendAudit(db, { at: now.toISOString(), actor, action: `counter.user.${change}`, subject: account, details: {} });
  })();
}

export class ClerkSessions {
  private readonly sessions = new Map<string, ClerkSession>();
  private readonly unknownNames = new MemoryLockStores();
  private readonly gate = new LockoutGate({ maxFailures: MAX_FAILURES, lockMinutes: LOCK_MINUTES });
  private readonly terminal: TerminalAttempts;
  /** Each account's latest central session on this PC, for the court sync to send its work with. */
  private readonly centralSessions = new Map<string, { session: string; at: number }>();

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    private readonly central?: CentralClerkEndpoint,
  ) {
    this.terminal = terminalAttempts(db, now);
  }

  /** The central session to send an account's work with; null when none is held (work then goes under the terminal's name). */
  centralSessionOf(account: string): string | null {
    const s = this.centralSessions.get(account);
    if (!s) return null;
    if (this.now().getTime() - s.at > ATTRIBUTION_MS) {
      this.centralSessions.delete(account);
      return null;
    }
    return s.session;
  }

  /** The central session of a live counter session (for account changes the central checks). */
  centralOf(token: string): string | null {
    return this.sessions.get(token)?.central ?? null;
  }

  async signIn(account: string, password: string): Promise<SignInResult> {
    const name = account.trim().slice(0, 40);
    this.terminal.check();
    if (this.central) {
      this.terminal.reserve();
      let wrong = true;
      let answer: Awaited<ReturnType<typeof callClerks<ClerkSignInResponse>>>;
      try {
        answer = await callClerks<ClerkSignInResponse>(this.central, 'POST', '/sign-in', { account: name, password });
        wrong = answer.kind === 'refused' && answer.code === 'bad-login';
      } finally {
        this.terminal.settle(wrong);
      }
      if (answer.kind === 'ok') return this.signedInAtCentral(answer.body);
      // No accounts at the central for this court (or a gateway admin token, which has no court): this PC's own accounts.
      if (answer.kind === 'refused' && !['no-central-accounts', 'court-token-needed', 'not-found'].includes(answer.code)) {
        if (answer.code === 'account-disabled') this.db.prepare('UPDATE counter_users SET disabled = 1 WHERE account = ? AND central_version IS NOT NULL').run(name);
        this.audit(answer.code === 'locked' ? 'counter.signin.locked' : 'counter.signin.failed', name, { central: answer.code });
        throw new AppError(answer.code === 'bad-login' ? 'counter.bad-login' : `counter.${answer.code}`, answer.message_zh, answer.message_en);
      }
      // Offline: only a cached central account the central confirmed lately (account-cache.ts).
      if (answer.kind === 'offline' && holdsCentralAccounts(this.db) && !offlineAllowed(cachedAccount(this.db, name), this.now())) {
        this.audit('counter.signin.offline-refused', name, {});
        throw new AppError('counter.central-unreachable', '暂时连不上法院中心，本机无法核验该账号，请稍后再试或联系管理员', 'The central cannot be reached and this PC cannot check this account offline; try again later');
      }
    }
    return this.signInHere(name, password);
  }

  /** Changes the clerk's own password at the central (after a reset, or at will). */
  async changePassword(token: string, current: string, next: string): Promise<SignInResult> {
    const s = this.sessions.get(token);
    this.require(token, CLERK_ROLES, { allowMustChange: true });
    if (!s?.central || !this.central) throw new AppError('counter.central-unreachable', '修改密码须连接法院中心，请稍后再试', 'Changing a password needs the central; try again later');
    const problem = passwordProblem(next);
    if (problem) throw new AppError('counter.weak-password', problem.message_zh, problem.message_en);
    const r = await callClerks<{ account: ClerkAccountItem }>(this.central, 'POST', '/password', { current, next }, s.central);
    if (r.kind === 'offline') throw new AppError('counter.central-unreachable', '暂时连不上法院中心，请稍后再试', 'The central cannot be reached; try again later');
    if (r.kind === 'refused') throw new AppError(`counter.${r.code}`, r.message_zh, r.message_en);
    const at = this.now().toISOString();
    this.db.transaction(() => {
      // The new password's verifier is not sent back: this PC caches it at the next online sign-in.
      cacheAccount(this.db, r.body.account, at);
      appendAudit(this.db, { at, actor: `clerk:${s.clerk.account}`, action: 'counter.password.changed', subject: s.clerk.account, details: {} });
    })();
    s.mustChange = false;
    return { token, clerk: s.clerk, expiresAt: new Date(s.expiresAt).toISOString(), mustChange: false };
  }

  private signedInAtCentral(r: ClerkSignInResponse): SignInResult {
    const at = this.now();
    this.db.transaction(() => cacheAccount(this.db, r.account, at.toISOString(), r.verifier))();
    const token = randomBytes(24).toString('base64url');
    const clerk: ClerkView = { account: r.account.account, displayName: r.account.displayName, role: r.account.role };
    const expiresAt = Math.min(at.getTime() + SESSION_HOURS * 3_600_000, Date.parse(r.expiresAt));
    this.sessions.set(token, { clerk, expiresAt, lastSeen: at.getTime(), central: r.session, mustChange: r.account.mustChange });
    this.centralSessions.set(clerk.account, { session: r.session, at: at.getTime() });
    this.audit('counter.signin', clerk.account, { role: clerk.role, central: true, ...(r.account.mustChange ? { mustChange: true } : {}) });
    return { token, clerk, expiresAt: new Date(expiresAt).toISOString(), mustChange: r.account.mustChange };
  }

  /** Against this PC's rows: a local account, or (offline) a cached central account. */
  private async signInHere(name: string, password: string): Promise<SignInResult> {
    const row = this.db.prepare('SELECT account, display_name, role, password_hash, disabled FROM counter_users WHERE account = ?').get(name) as Omit<UserRow, 'failed_count' | 'locked_until'> | undefined;
    // A disabled or unknown name is counted in memory like a real one, so neither the answer nor
    // the lock tells whether the account exists.
    const store = row && !row.disabled ? this.rowStore(row.account) : this.unknownNames.for(name);
    const admission = this.gate.admit(name, store, this.now());
    if (!admission.admitted) {
      this.audit('counter.signin.locked', name, {});
      throw lockedError('counter.locked', { zh: '密码', en: 'password' }, admission.lockedUntil, LOCK_MINUTES);
    }
    this.terminal.reserve();
    let right = false;
    try {
      right = Boolean(row && !row.disabled ? await verifyPassword(password, row.password_hash) : (await verifyPassword(password, await (dummyHash ??= hashPassword('not-a-password-0'))), false));
    } finally {
      this.terminal.settle(!right || !row);
    }
    if (!right || !row) {
      const settled = this.gate.fail(name, store, this.now());
      this.audit(settled.locked ? 'counter.user.locked' : 'counter.signin.failed', name, { failures: settled.failures, ...(row ? {} : { why: 'unknown-or-disabled' }) });
      if (settled.locked) throw lockedError('counter.locked', { zh: '密码', en: 'password' }, settled.lockedUntil, LOCK_MINUTES);
      throw BAD_LOGIN;
    }
    const at = this.now();
    const cleared = this.gate.succeed(name, store, at);
    if (!cleared.admitted) {
      this.audit('counter.signin.locked', row.account, {});
      throw lockedError('counter.locked', { zh: '密码', en: 'password' }, cleared.lockedUntil, LOCK_MINUTES);
    }
    const token = randomBytes(24).toString('base64url');
    const clerk: ClerkView = { account: row.account, displayName: row.display_name, role: row.role };
    const expiresAt = at.getTime() + SESSION_HOURS * 3_600_000;
    this.sessions.set(token, { clerk, expiresAt, lastSeen: at.getTime(), central: null, mustChange: false });
    this.audit('counter.signin', row.account, { role: row.role, ...(this.central ? { offline: true } : {}) });
    return { token, clerk, expiresAt: new Date(expiresAt).toISOString(), mustChange: false };
  }

  signOut(token: string): void {
    const s = this.sessions.get(token);
    if (!s) return;
    this.sessions.delete(token);
    this.audit('counter.signout', s.clerk.account, {});
    // The central's session stays in centralSessions a while: the clerk's queued work still goes under their name.
    if (s.central && this.central) void callClerks(this.central, 'POST', '/sign-out', {}, s.central);
  }

  /** The clerk behind a token; refuses when signed out, expired or lacking the role. */
  require(token: string, roles: readonly ClerkRole[] = CLERK_ROLES, opts: { allowMustChange?: boolean } = {}): ClerkView {
    const s = this.sessions.get(token);
    const now = this.now().getTime();
    if (!s || s.expiresAt <= now || now - s.lastSeen > IDLE_MINUTES * 60_000) {
      if (s) {
        this.sessions.delete(token);
        this.audit('counter.signout.expired', s.clerk.account, {});
      }
      throw SIGNED_OUT;
    }
    // Read each time, so disabling an account (here or by `yzt counter` in another process)
    // ends its live sessions at once rather than at their expiry.
    // A reset made at the central (learned by the court sync) ends the sessions begun before it.
    const live = this.db.prepare('SELECT role, disabled, must_change FROM counter_users WHERE account = ?').get(s.clerk.account) as { role: ClerkRole; disabled: number; must_change: number } | undefined;
    if (!live || live.disabled || (live.must_change && !s.mustChange)) {
      this.sessions.delete(token);
      this.audit(live?.must_change && !live.disabled ? 'counter.signout.reset' : 'counter.signout.disabled', s.clerk.account, {});
      throw SIGNED_OUT;
    }
    s.lastSeen = now;
    // A role changed at the central counts from the next request, on every PC.
    s.clerk = { ...s.clerk, role: live.role };
    if (s.mustChange && !opts.allowMustChange) throw new AppError('counter.must-change', '管理员已重置您的密码，请先设置新密码', 'An administrator reset your password; set a new one first');
    if (!roles.includes(s.clerk.role)) {
      throw new AppError('counter.forbidden', `此操作需要${roles.map((r) => ROLE_LABEL_ZH[r]).join('或')}权限`, `This needs the role ${roles.join(' or ')}`);
    }
    return s.clerk;
  }

  /** The account's lock state in its own row, read and written in one transaction. */
  private rowStore(account: string): LockStore {
    return {
      update: (fn) =>
        this.db.transaction(() => {
          const r = this.db.prepare('SELECT failed_count, locked_until FROM counter_users WHERE account = ?').get(account) as { failed_count: number; locked_until: string | null };
          const { next, result } = fn({ failures: r.failed_count, lockedUntil: r.locked_until });
          this.db.prepare('UPDATE counter_users SET failed_count = ?, locked_until = ? WHERE account = ?').run(next.failures, next.lockedUntil, account);
          return result;
        })(),
    };
  }

  private audit(action: string, subject: string, details: Record<string, unknown>): void {
    appendAudit(this.db, { at: this.now().toISOString(), actor: `clerk:${subject}`, action, subject, details });
  }
}
