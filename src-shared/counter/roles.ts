/** The counter's clerk roles (own file: the account contract and the counter contract both need them). */
export const CLERK_ROLES = ['reception', 'leader', 'admin'] as const;
export type ClerkRole = (typeof CLERK_ROLES)[number];
export const ROLE_LABEL_ZH: Record<ClerkRole, string> = { reception: '接待人员', leader: '团队负责人', admin: '管理员' };
