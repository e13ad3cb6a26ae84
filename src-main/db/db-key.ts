/**
 * The kiosk database key: 32 random bytes in a file outside the database file, so a copied
 * database (a stolen disk image without the key volume, a backup) reads as noise. Kept as 64
 * hex characters so IT can back it up on paper or in a password safe and type it back.
 * Where it lives: the caller's choice, else $YZT_DB_KEY_FILE (a separate volume, a path that a
 * TPM or the OS keystore unseals at boot), else `keys/kiosk-db.key` beside the database.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, linkSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../../src-shared/api/errors.js';

export const DB_KEY_BYTES = 32;

export function resolveKeyFile(dbFile: string, explicit?: string): string {
  if (explicit) return explicit;
  const env = process.env.YZT_DB_KEY_FILE;
  return env ? env : join(dirname(dbFile), 'keys', 'kiosk-db.key');
}

/** The key in the file, or null when there is no file. A file that is there but not a key is an error, never replaced. */
export function readDbKey(keyFile: string): Buffer | null {
  let text: string;
  try {
    text = readFileSync(keyFile, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw keyFileUnreadable(keyFile, (e as NodeJS.ErrnoException).code ?? 'read failed');
  }
  const hex = text.trim();
  if (!new RegExp(`^[0-9a-fA-F]{${DB_KEY_BYTES * 2}}$`).test(hex)) throw keyFileUnreadable(keyFile, 'not 64 hex digits');
  return Buffer.from(hex, 'hex');
}

/**
 * Makes a new key file (folder 0700, file 0600). Written under a temporary name and linked into
 * place, so two processes opening a new database at once end up with one key, never a half
 * written one; the loser reads the winner's.
 */
export function createDbKey(keyFile: string): Buffer {
  mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
  const key = randomBytes(DB_KEY_BYTES);
  const tmp = `${keyFile}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, `${key.toString('hex')}\n`);
  } finally {
    closeSync(fd);
  }
  try {
    chmodSync(tmp, 0o600); // the umask may have narrowed it further, never widened; make it exact
    linkSync(tmp, keyFile);
    return key;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      const theirs = readDbKey(keyFile);
      if (theirs) return theirs;
    }
    throw e;
  } finally {
    rmSync(tmp, { force: true });
  }
}

function keyFileUnreadable(keyFile: string, why: string): AppError {
  return new AppError(
    'db-key-unreadable',
    `数据库密钥不符或缺失：密钥文件（${keyFile}）无法读取或内容不是密钥。请勿删除数据库，请技术人员按部署手册从密钥备份恢复该文件`,
    `Database key file ${keyFile} cannot be read or is not a key (${why}); do not delete the database, restore the key file from its backup (see docs/deployment.md, Encryption at rest)`,
  );
}
