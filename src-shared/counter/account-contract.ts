/**
 * The counter's account administration and audit reading (issue 14 item 8), part of the
 * `counter.*` contract: an administrator manages the court's accounts (held at the central) and
 * reads this PC's audit log, filtered and paged; a clerk changes their own password.
 */
import { z } from 'zod';
import { CLERK_ROLES, type ClerkRole } from './roles.js';
import type { SignInResult } from './contract.js';

const token = z.string().min(10).max(200);
const account = z.string().trim().regex(/^[A-Za-z0-9._-]{2,40}$/, { message: '账号为 2-40 位字母、数字、点、下划线或连字符' });
const newPassword = z.string().min(1, { message: '请输入新密码' }).max(200);

export const accountInputs = {
  'counter.password.change': z.strictObject({ token, current: z.string().min(1, { message: '请输入当前密码' }).max(200), next: newPassword }),
  'counter.accounts.list': z.strictObject({ token }),
  'counter.accounts.manage': z.strictObject({
    token,
    change: z.discriminatedUnion('op', [
      z.strictObject({ op: z.literal('reset'), account, password: newPassword }),
      z.strictObject({ op: z.literal('role'), account, role: z.enum(CLERK_ROLES) }),
      z.strictObject({ op: z.literal('disable'), account }),
      z.strictObject({ op: z.literal('enable'), account }),
      z.strictObject({ op: z.literal('create'), account, displayName: z.string().trim().min(1, { message: '请输入姓名' }).max(40), role: z.enum(CLERK_ROLES), password: newPassword }),
    ]),
  }),
  'counter.accounts.import': z.strictObject({ token }),
  'counter.audit.list': z.strictObject({
    token,
    /** China dates, inclusive. */
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    actor: z.string().trim().max(60).default(''),
    action: z.string().trim().max(60).default(''),
    /** A case by official or provisional number, or a filing id. */
    caseNo: z.string().trim().max(64).default(''),
    page: z.number().int().min(1).max(100_000).default(1),
    pageSize: z.number().int().min(1).max(100).default(20),
  }),
} as const;

export interface AccountRowView {
  account: string;
  displayName: string;
  role: ClerkRole;
  disabled: boolean;
  mustChange: boolean;
  locked: boolean;
  /** Held at the court's central (else only on this PC, to be imported). */
  central: boolean;
}

export interface AccountsView {
  accounts: AccountRowView[];
  /** The PC signs in against the central. */
  centralConfigured: boolean;
  /** Local-only accounts an administrator may import (the central holds none for the court yet). */
  importable: number;
}

export interface AuditRowView {
  seq: number;
  at: string;
  /** The same time in China time, as shown. */
  atChina: string;
  actor: string;
  action: string;
  subject: string | null;
  /** The case the entry is about, by its number, when the subject is a filing held here. */
  caseNumber: string | null;
  /** The details as JSON text, people's data masked. */
  details: string;
}

export interface AccountOutputs {
  'counter.password.change': SignInResult;
  'counter.accounts.list': AccountsView;
  'counter.accounts.manage': AccountsView;
  'counter.accounts.import': AccountsView & { imported: number };
  'counter.audit.list': { rows: AuditRowView[]; total: number; page: number; pageSize: number };
}
