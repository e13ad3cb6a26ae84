/**
 * A kiosk database that cannot be trusted must stop the kiosk with a message staff can act
 * on, never be half-read: a corrupted file, or one written by a newer app. Restoring a backup
 * is then safe: the sync handshake notices a database older than what the central has seen
 * and renumbers its pending mutations, and filings the central already numbered keep their
 * numbers (the central keys them by filing UUID).
 */
import { openDatabase, type Db, type OpenOptions } from '../db/open.js';
import { DatabaseFromFutureError } from '../db/migrate.js';
import { AppError } from '../../src-shared/api/errors.js';

export interface DbProblem {
  code: 'db-corrupt' | 'db-from-future' | 'db-unreadable' | 'db-key-missing' | 'db-key-mismatch' | 'db-key-unreadable';
  message_zh: string;
  message_en: string;
}

export function describeDbOpenError(e: unknown, file: string): DbProblem {
  if (e instanceof DatabaseFromFutureError) return { code: 'db-from-future', message_zh: e.message_zh, message_en: e.message };
  // The encryption key is missing or does not fit (db/kiosk-cipher.ts): its own words, never "corrupted".
  if (e instanceof AppError && (e.code === 'db-key-missing' || e.code === 'db-key-mismatch' || e.code === 'db-key-unreadable')) {
    return { code: e.code, message_zh: e.message_zh, message_en: e.message_en };
  }
  const code = (e as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return {
      code: 'db-corrupt',
      message_zh: `终端数据库文件已损坏（${file}），请技术人员从备份恢复；恢复后同步会自动核对，不会重复编号`,
      message_en: `The kiosk database ${file} is corrupted (${code}); restore it from a backup, sync reconciles it with the central without duplicate numbers`,
    };
  }
  return { code: 'db-unreadable', message_zh: `无法打开终端数据库（${file}）`, message_en: `Cannot open the kiosk database ${file}: ${e instanceof Error ? e.message : String(e)}` };
}

/**
 * Opens the kiosk database without reading every page: a file that is not a database, has the
 * wrong key or comes from a newer app still fails here. The kiosk app checks every page in a
 * worker afterwards (db/integrity-monitor.ts).
 */
export function openKioskDb(file: string, opts: OpenOptions = {}): { ok: true; db: Db } | { ok: false; problem: DbProblem } {
  try {
    return { ok: true, db: openDatabase(file, 'kiosk', opts) };
  } catch (e) {
    return { ok: false, problem: describeDbOpenError(e, file) };
  }
}

/** Opens and verifies the kiosk database (quick_check reads every page): for commands. */
export function openCheckedKioskDb(file: string, opts: OpenOptions = {}): { ok: true; db: Db } | { ok: false; problem: DbProblem } {
  let db: Db;
  try {
    db = openDatabase(file, 'kiosk', opts);
  } catch (e) {
    return { ok: false, problem: describeDbOpenError(e, file) };
  }
  try {
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    if (rows[0]?.quick_check !== 'ok') throw Object.assign(new Error(rows.map((r) => r.quick_check).join('; ')), { code: 'SQLITE_CORRUPT' });
    return { ok: true, db };
  } catch (e) {
    db.close();
    return { ok: false, problem: describeDbOpenError(e, file) };
  }
}

/** For commands: the verified database, or null after printing the problem in zh and en. */
export function openKioskDbOrSay(file: string, err: (line: string) => void): Db | null {
  const opened = openCheckedKioskDb(file);
  if (opened.ok) return opened.db;
  err(`${opened.problem.message_zh} (${opened.problem.message_en}) [${opened.problem.code}]`);
  return null;
}
