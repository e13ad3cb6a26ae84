/**
 * The court-side clerk account API (court token, issue 14 item 8). Accounts are held at the
 * central for each court; a counter PC signs a clerk in here and receives a clerk session token,
 * which it sends (header `x-yzt-clerk-session`) with the court-token requests made for that
 * clerk, so the central knows the clerk from its own session rather than from a name in a body.
 *
 * - POST `/v1/court/clerks/sign-in` {account, password}: session, account, `mustChange`, and the
 *   scrypt verifier the counter may cache for offline sign-in (see docs/clerk-accounts.md).
 * - POST `/v1/court/clerks/password` {current, next} (session): the clerk's own new password.
 * - POST `/v1/court/clerks/sign-out` (session).
 * - GET `/v1/court/clerks?since=` : the court's account changes after a version (no hashes).
 * - POST `/v1/court/clerks/manage` (an administrator's session): reset, role, disable, enable, create.
 * - POST `/v1/court/clerks/import`: a PC's local accounts, only while the court has none at the central.
 */
import { z } from 'zod';
import { CLERK_ROLES, type ClerkRole } from '../counter/contract.js';

export const CLERKS_PATH = '/v1/court/clerks';
export const HEADER_CLERK_SESSION = 'x-yzt-clerk-session';
export const MAX_ACCOUNTS_PULL = 200;

const account = z.string().trim().regex(/^[A-Za-z0-9._-]{2,40}$/);
const displayName = z.string().trim().min(1).max(40).regex(/^[^\u0000-\u001f\u007f]*$/u);
const password = z.string().min(1).max(200);
const scryptHash = z.string().regex(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/).max(300);

export const clerkSignInSchema = z.strictObject({ account: z.string().trim().min(1).max(40), password });
export const clerkPasswordSchema = z.strictObject({ current: password, next: password });
export const clerkManageSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('reset'), account, password }),
  z.strictObject({ op: z.literal('role'), account, role: z.enum(CLERK_ROLES) }),
  z.strictObject({ op: z.literal('disable'), account }),
  z.strictObject({ op: z.literal('enable'), account }),
  z.strictObject({ op: z.literal('create'), account, displayName, role: z.enum(CLERK_ROLES), password }),
]);
export type ClerkManageRequest = z.output<typeof clerkManageSchema>;
export const clerkImportSchema = z.strictObject({
  accounts: z.array(z.strictObject({ account, displayName, role: z.enum(CLERK_ROLES), passwordHash: scryptHash, disabled: z.boolean() })).min(1).max(200),
});

/** An account as every counter of the court learns it: never its password hash. */
export interface ClerkAccountItem {
  account: string;
  displayName: string;
  role: ClerkRole;
  disabled: boolean;
  mustChange: boolean;
  version: number;
  /** The central's clock. */
  updatedAt: string;
  updatedBy: string;
}

export interface ClerkSignInResponse {
  protocol: number;
  session: string;
  expiresAt: string;
  account: ClerkAccountItem;
  /** The scrypt verifier, for the counter's offline sign-in cache; given only after the right password. */
  verifier: string;
}

export interface ClerkAccountsResponse {
  protocol: number;
  accounts: ClerkAccountItem[];
  cursor: number;
}
