/** The `--db FILE | --pg URL` pair every `yzt central ...` command takes. */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../command.js';
import { fsProblem } from '../fs-problem.js';
import { openCentralStore } from '../../central/open-store.js';
import type { CentralStore } from '../../central/store.js';
import { AppError } from '../../../src-shared/api/errors.js';

export const STORE_OPTIONS = { db: { type: 'string' }, pg: { type: 'string' } } as const;

export const STORE_HELP = `  --db FILE    the central's SQLite database file
  --pg URL     or its PostgreSQL database, e.g. postgres://user:pass@host/db`;

export function storeChoice(values: Record<string, unknown>): { dbFile?: string; pgUrl?: string } {
  const db = typeof values.db === 'string' && values.db !== '' ? values.db : undefined;
  const pg = typeof values.pg === 'string' && values.pg !== '' ? values.pg : (process.env.YZT_CENTRAL_PG ?? undefined);
  if (!db && !pg) throw new UsageError('请给出 --db FILE 或 --pg URL (give --db FILE or --pg URL)');
  return pg ? { pgUrl: pg } : { dbFile: db! };
}

/** Why the chosen store could not be opened, in words that name --db or --pg; null if unknown. */
export function storeProblem(e: unknown, choice: { dbFile?: string; pgUrl?: string }): AppError | null {
  const code = String((e as { code?: unknown } | undefined)?.code ?? '');
  if (choice.pgUrl) {
    if (e instanceof TypeError && /url/i.test(e.message)) return new AppError('pg-bad-url', '--pg 不是有效的数据库地址：格式为 postgres://用户:密码@主机:端口/数据库', '--pg is not a valid database URL: postgres://user:password@host:port/database');
    if (['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'EAI_AGAIN'].includes(code)) {
      return new AppError('pg-unreachable', '无法连接 PostgreSQL：请检查 --pg 地址中的主机和端口，并确认数据库服务正在运行', 'Cannot reach PostgreSQL: check the host and port in --pg and that the server is running');
    }
    if (code === '28P01' || code === '28000') return new AppError('pg-login', 'PostgreSQL 拒绝登录：请检查 --pg 地址中的用户名和密码', 'PostgreSQL refused the login: check the user and password in --pg');
    if (code === '3D000') return new AppError('pg-no-database', 'PostgreSQL 上没有 --pg 地址中的数据库：请先建立该数据库，或改正 --pg', 'The database named in --pg does not exist on that server: create it, or correct --pg');
    return null;
  }
  const file = resolve(choice.dbFile ?? '');
  if (existsSync(file) && statSync(file).isDirectory()) return new AppError('db-is-folder', `--db 指向的 ${file} 是文件夹：请给出中心数据库文件`, `--db names ${file}, a folder: give the central database file`);
  if (code === 'SQLITE_NOTADB') return new AppError('db-not-sqlite', `--db 指向的 ${file} 不是中心数据库（不是 SQLite 文件）：请检查 --db`, `--db names ${file}, which is not a central database (not a SQLite file): check --db`);
  if (code === 'SQLITE_CANTOPEN') return new AppError('db-cannot-open', `无法打开或建立中心数据库 ${file}：请检查 --db 所在的文件夹是否存在、是否有写权限`, `Cannot open or create the central database ${file}: check that the folder of --db exists and is writable`);
  if (/^E[A-Z]+$/.test(code)) return fsProblem(e, file, '--db');
  return null;
}

/**
 * Opens the store of an existing central for a management command. A SQLite file that does
 * not exist is refused: a new empty one would answer "no kiosks", "no such case".
 */
export async function withStore<T>(values: Record<string, unknown>, fn: (s: CentralStore) => Promise<T>): Promise<T> {
  const choice = storeChoice(values);
  if (choice.dbFile && !existsSync(choice.dbFile)) {
    const file = resolve(choice.dbFile);
    throw new AppError('no-central-db', `找不到中心数据库 ${file}：请用 --db 指定中心网关正在使用的数据库文件（与 yzt central serve --db 相同）`, `No central database at ${file}: give the file the gateway uses with --db (as for yzt central serve --db)`);
  }
  let store: CentralStore;
  try {
    store = await openCentralStore(choice);
  } catch (e) {
    throw storeProblem(e, choice) ?? e;
  }
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
