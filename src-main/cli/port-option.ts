/**
 * TCP ports given on the command line: checked before anything starts, and a port that cannot
 * be listened on (taken, privileged) said in words that name --port, not as a listen errno.
 */
import { AppError } from '../../src-shared/api/errors.js';
import { UsageError } from './command.js';

export function portOption(values: Record<string, unknown>, name: string, fallback: number): number {
  const v = values[name];
  if (v === undefined) return fallback;
  const n = Number(v);
  if (typeof v !== 'string' || v.trim() === '' || !Number.isInteger(n) || n < 0 || n > 65535) {
    throw new UsageError(`--${name} 须为 0 到 65535 之间的端口号（0 表示自动选一个空闲端口） (--${name} takes a port number from 0 to 65535; 0 picks a free one)`);
  }
  return n;
}

/** The listen failure of a server started on `port`, for the person who chose it. */
export function listenProblem(e: unknown, port: number, host = '127.0.0.1'): AppError | null {
  const errno = (e as NodeJS.ErrnoException | undefined)?.code;
  if (errno === 'EADDRINUSE') {
    return new AppError('port-in-use', `端口 ${port} 已被占用：请用 --port 换一个端口，或先停止占用它的程序`, `Port ${port} is already in use: choose another with --port, or stop the program using it`);
  }
  if (errno === 'EACCES' || errno === 'EPERM') {
    return new AppError('port-not-allowed', `没有权限使用端口 ${port}（1024 以下的端口需要管理员权限）：请用 --port 换一个端口`, `Not allowed to listen on port ${port} (ports below 1024 need administrator rights): choose another with --port`);
  }
  if (errno === 'EADDRNOTAVAIL' || errno === 'ENOTFOUND') {
    return new AppError('host-unavailable', `本机没有地址 ${host}：请用 --host 指定本机的地址`, `This machine has no address ${host}: give one of its addresses with --host`);
  }
  return null;
}
