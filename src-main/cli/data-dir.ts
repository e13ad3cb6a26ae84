import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../../src-shared/api/errors.js';
import { kioskDbFile } from '../paths.js';
import { fsProblem } from './fs-problem.js';

/** The kiosk data folder that CLI commands act on: --data, else $YZT_DATA, else ./data/kiosk. */
export function kioskDataDir(values: Record<string, unknown>): string {
  const v = values.data;
  return resolve(typeof v === 'string' && v !== '' ? v : (process.env.YZT_DATA ?? join('data', 'kiosk')));
}

export { kioskDbFile };

/**
 * Why a data folder holds no kiosk database, in words that name --data; null when it does.
 * Commands that read a kiosk refuse then rather than create an empty database that would
 * report "nothing queued, audit intact" for a folder that was simply mistyped.
 */
export function noKioskDbProblem(dataDir: string): AppError | null {
  const file = kioskDbFile(dataDir);
  if (existsSync(file)) return null;
  const hint = '请用 --data 指定终端的数据目录（默认为 $YZT_DATA 或 ./data/kiosk）';
  const hintEn = "name the kiosk's data folder with --data (default $YZT_DATA or ./data/kiosk)";
  if (!existsSync(dataDir)) return new AppError('no-data-folder', `数据目录 ${dataDir} 不存在：${hint}`, `The data folder ${dataDir} does not exist: ${hintEn}`);
  if (!statSync(dataDir).isDirectory()) return new AppError('data-not-folder', `${dataDir} 是一个文件，不是数据目录：${hint}`, `${dataDir} is a file, not a data folder: ${hintEn}`);
  return new AppError(
    'no-kiosk-db',
    `尚无本机数据库（${file}）：这个目录里还没有运行过终端。${hint}，或先运行一次终端（yzt kiosk serve）`,
    `No kiosk database yet (${file}): no kiosk has run in this folder. ${hintEn[0]!.toUpperCase()}${hintEn.slice(1)}, or start the kiosk once (yzt kiosk serve)`,
  );
}

/** The database file of an existing kiosk; throws noKioskDbProblem's refusal otherwise. */
export function existingKioskDbFile(values: Record<string, unknown>): string {
  const dataDir = kioskDataDir(values);
  const problem = noKioskDbProblem(dataDir);
  if (problem) throw problem;
  return kioskDbFile(dataDir);
}

/** The database file of a kiosk being set up (created on first open), its folder made now so a
 *  folder that cannot be made is said with --data rather than as a mkdir errno. */
export function creatableKioskDbFile(values: Record<string, unknown>): string {
  const dataDir = kioskDataDir(values);
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (e) {
    throw fsProblem(e, dataDir, '--data');
  }
  return kioskDbFile(dataDir);
}
