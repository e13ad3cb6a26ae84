/**
 * The single entry from either shell into the services: checks the method name against the
 * contract, validates the input with the contract's schema, and turns every failure into a
 * UserError. Nothing the renderer sends reaches a handler unvalidated.
 */
import { apiInputs, type ApiHandlers, type ApiMethod, type ApiResult, type UserError } from '../../src-shared/api/contract.js';
import { AppError, INTERNAL_ERROR } from '../../src-shared/api/errors.js';
import type { Logger } from '../log/logger.js';

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiInputs, name);
}

function validationError(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string; code: string }>): UserError {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    // zod's own messages are English; ours (set in the schemas) are Chinese.
    const chinese = /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : '内容格式不正确';
    fields[key] ??= chinese;
  }
  return { code: 'validation', message_zh: '请按提示修改标出的内容', message_en: 'Please correct the marked fields', fields };
}

export async function dispatch(handlers: ApiHandlers, method: string, input: unknown, log: Logger): Promise<ApiResult<unknown>> {
  if (!isApiMethod(method)) {
    log.warn('api.unknown-method', { method: method.slice(0, 64) });
    return { ok: false, error: { code: 'unknown-method', message_zh: '不支持的操作', message_en: 'Unknown operation' } };
  }
  const parsed = apiInputs[method].safeParse(input);
  if (!parsed.success) {
    log.info('api.invalid-input', { method, issues: parsed.error.issues.map((i) => `${i.path.join('.')}:${i.code}`) });
    return { ok: false, error: validationError(parsed.error.issues) };
  }
  try {
    const handler = handlers[method] as (i: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (e) {
    if (e instanceof AppError) {
      log.info('api.refused', { method, code: e.code, fields: e.fields ? Object.keys(e.fields) : undefined });
      return { ok: false, error: e.toUserError() };
    }
    log.error('api.failed', { method, error: e });
    return { ok: false, error: INTERNAL_ERROR };
  }
}
