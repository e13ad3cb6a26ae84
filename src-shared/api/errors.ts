import type { UserError } from './contract.js';

/** Thrown by services for conditions the person at the screen can act on. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly message_zh: string,
    readonly message_en: string,
    readonly fields?: Record<string, string>,
  ) {
    super(`${code}: ${message_en}`);
    this.name = 'AppError';
  }

  toUserError(): UserError {
    const e: UserError = { code: this.code, message_zh: this.message_zh, message_en: this.message_en };
    if (this.fields) e.fields = this.fields;
    return e;
  }
}

export const INTERNAL_ERROR: UserError = {
  code: 'internal',
  message_zh: '系统暂时出了问题，您填写的内容已保留，请稍后再试或联系工作人员',
  message_en: 'Something went wrong. What you entered is kept; try again or ask the staff',
};
