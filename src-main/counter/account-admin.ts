/**
 * Account administration at the counter (issue 14 item 8): an administrator resets a password,
 * changes a role, disables or enables an account, or adds one, at the court's central, which
 * checks the administrator's own central session and role whatever this PC says; the change is
 * cached here at once and reaches the court's other PCs by their court sync. At first contact a
 * PC's local accounts can be imported (only while the central holds none for the court). The
 * administrator also reads this PC's audit log here.
 */
import type { Db } from '../db/open.js';
import type { Logger } from '../log/logger.js';
import { AppError } from '../../src-shared/api/errors.js';
import type { AccountsView, AccountOutputs } from '../../src-shared/counter/account-contract.js';
import type { ClerkManageRequest, ClerkAccountItem } from '../../src-shared/sync/clerk-accounts.js';
import { appendAudit } from '../audit/audit-log.js';
import { queryAudit, type AuditFilter } from '../audit/audit-query.js';
import { cacheAccount } from './account-cache.js';
import { callClerks, type CentralClerkEndpoint } from './central-clerk-client.js';
import type { ClerkSessions } from './accounts.js';

const ADMIN = ['admin'] as const;

export class AccountAdmin {
  constructor(
    private readonly d: { db: Db; now: () => Date; log: Logger; sessions: ClerkSessions; central?: CentralClerkEndpoint | undefined; kick: () => void },
  ) {}

  list(token: string): AccountsView {
    this.d.sessions.require(token, ADMIN);
    return this.view();
  }

  async manage(token: string, change: ClerkManageRequest): Promise<AccountsView> {
    const admin = this.d.sessions.require(token, ADMIN);
    const session = this.d.sessions.centralOf(token);
    if (!this.d.central || !session) {
      throw new AppError('counter.central-needed', '账号由法院中心统一管理：请在连接法院中心时，用中心账号登录后再操作', 'Accounts are managed at the central: sign in with a central account while it can be reached');
    }
    const r = await callClerks<{ account: ClerkAccountItem }>(this.d.central, 'POST', '/manage', change, session);
    if (r.kind === 'offline') throw new AppError('counter.central-unreachable', '暂时连不上法院中心，请稍后再试', 'The central cannot be reached; try again later');
    if (r.kind === 'refused') {
      this.d.log.warn('counter.accounts.refused', { op: change.op, account: change.account, code: r.code });
      throw new AppError(`counter.${r.code}`, r.message_zh, r.message_en);
    }
    const at = this.d.now().toISOString();
    this.d.db.transaction(() => {
      cacheAccount(this.d.db, r.body.account, at);
      // Never the password: the operation, the account and the role only.
      appendAudit(this.d.db, { at, actor: `clerk:${admin.account}`, action: `counter.user.${change.op}`, subject: change.account, details: change.op === 'role' || change.op === 'create' ? { role: change.role } : {} });
    })();
    this.d.log.info('counter.accounts.changed', { op: change.op, account: change.account, version: r.body.account.version });
    this.d.kick();
    return this.view();
  }

  /** This PC's local accounts to the central, with their own password hashes (they keep their passwords). */
  async importLocal(token: string): Promise<AccountOutputs['counter.accounts.import']> {
    const admin = this.d.sessions.require(token, ADMIN);
    if (!this.d.central) throw new AppError('counter.central-needed', '本机未设置法院中心，无法导入', 'No central is configured');
    const local = this.d.db.prepare('SELECT account, display_name, role, password_hash, disabled FROM counter_users WHERE central_version IS NULL ORDER BY account').all() as Array<{ account: string; display_name: string; role: ClerkAccountItem['role']; password_hash: string; disabled: number }>;
    if (local.length === 0) throw new AppError('counter.nothing-to-import', '本机没有待导入的账号', 'No local accounts to import');
    const body = { accounts: local.map((a) => ({ account: a.account, displayName: a.display_name, role: a.role, passwordHash: a.password_hash, disabled: a.disabled === 1 })) };
    const r = await callClerks<{ imported: number }>(this.d.central, 'POST', '/import', body);
    if (r.kind === 'offline') throw new AppError('counter.central-unreachable', '暂时连不上法院中心，请稍后再试', 'The central cannot be reached; try again later');
    if (r.kind === 'refused') throw new AppError(`counter.${r.code}`, r.message_zh, r.message_en);
    this.d.db.transaction(() => {
      // Central accounts from now on (version 0: the feed brings the real one), so this PC's
      // copies no longer sign in on their own, not even offline, until the central confirms them.
      this.d.db.prepare('UPDATE counter_users SET central_version = 0, central_confirmed_at = NULL WHERE central_version IS NULL').run();
      appendAudit(this.d.db, { at: this.d.now().toISOString(), actor: `clerk:${admin.account}`, action: 'counter.users.imported', subject: null, details: { accounts: r.body.imported } });
    })();
    this.d.kick();
    return { ...this.view(), imported: r.body.imported };
  }

  audit(token: string, filter: AuditFilter): AccountOutputs['counter.audit.list'] {
    const admin = this.d.sessions.require(token, ADMIN);
    const page = queryAudit(this.d.db, filter);
    // Reading the log is itself on the record (the filter, not what was shown).
    appendAudit(this.d.db, { at: this.d.now().toISOString(), actor: `clerk:${admin.account}`, action: 'counter.audit.read', subject: null, details: { from: filter.from ?? null, to: filter.to ?? null, action: filter.action || null, page: filter.page } });
    return page;
  }

  private view(): AccountsView {
    const now = this.d.now().toISOString();
    const rows = this.d.db.prepare('SELECT account, display_name, role, disabled, must_change, locked_until, central_version FROM counter_users ORDER BY account').all() as Array<{ account: string; display_name: string; role: ClerkAccountItem['role']; disabled: number; must_change: number; locked_until: string | null; central_version: number | null }>;
    const central = rows.some((r) => r.central_version !== null);
    return {
      accounts: rows.map((r) => ({ account: r.account, displayName: r.display_name, role: r.role, disabled: r.disabled === 1, mustChange: r.must_change === 1, locked: Boolean(r.locked_until && r.locked_until > now), central: r.central_version !== null })),
      centralConfigured: Boolean(this.d.central?.centralUrl() && this.d.central.token()),
      importable: central ? 0 : rows.length,
    };
  }
}
