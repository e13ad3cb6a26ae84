import { AppError } from '../../src-shared/api/errors.js';

/** Beijing wall-clock time of an instant, whatever the machine's zone: clerks read it as local time. */
function beijingTime(iso: string): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

/**
 * One message for every lock, whether the name has an account or not, so it reveals nothing.
 * `lockedUntil` is null while the last permitted attempts are still being checked.
 */
export function lockedError(code: string, what: { zh: string; en: string }, lockedUntil: string | null, lockMinutes: number): AppError {
  const zh = lockedUntil ? `${what.zh}错误次数过多，已暂停登录，请于北京时间 ${beijingTime(lockedUntil)} 后再试，或联系管理员` : `${what.zh}错误次数过多，已暂停登录约 ${lockMinutes} 分钟，请稍后再试，或联系管理员`;
  const en = lockedUntil ? `Too many wrong ${what.en}s; sign-in is paused until ${beijingTime(lockedUntil)} Beijing time, or ask an administrator` : `Too many wrong ${what.en}s; sign-in is paused for about ${lockMinutes} minutes, or ask an administrator`;
  return new AppError(code, zh, en);
}
