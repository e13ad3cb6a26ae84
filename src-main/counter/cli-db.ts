/** For the `yzt counter ...` commands: the kiosk database opened for one command, refusals printed in both languages. */
import type { CliIO } from '../cli/command.js';
import { creatableKioskDbFile, existingKioskDbFile } from '../cli/data-dir.js';
import { openDatabase, type Db } from '../db/open.js';
import { describeDbOpenError } from '../sync/kiosk-db-check.js';
import { AppError } from '../../src-shared/api/errors.js';

/**
 * `create`: the command sets a kiosk up (an account before its first start), so a new database
 * is made; otherwise a folder without one is refused, naming --data.
 */
export async function withKioskDb(values: Record<string, unknown>, io: CliIO, run: (db: Db) => Promise<number> | number, opts: { create?: boolean } = {}): Promise<number> {
  const file = opts.create ? creatableKioskDbFile(values) : existingKioskDbFile(values);
  let db: Db;
  try {
    db = openDatabase(file, 'kiosk');
  } catch (e) {
    // A missing or wrong key, a corrupted file, a newer schema: said to IT, not a stack trace.
    const p = describeDbOpenError(e, file);
    io.err(`${p.message_zh} (${p.message_en}) [${p.code}]`);
    return 1;
  }
  try {
    return await run(db);
  } catch (e) {
    if (e instanceof AppError) {
      io.err(`${e.message_zh} (${e.message_en})`);
      return 1;
    }
    throw e;
  } finally {
    db.close();
  }
}
