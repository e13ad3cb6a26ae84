/**
 * Opening the kiosk database, and the central's SQLite database with its own role and key
 * (central-db-key.ts), encrypted at rest (SQLite3 Multiple Ciphers, cipher chacha20:
 * ChaCha20-Poly1305 per page, so a flipped byte is caught as corruption rather than read as
 * data; fast in software on kiosk CPUs without AES instructions; and it leaves header bytes
 * 16..23 in the clear, which lets us tell "encrypted, key missing" from "not a database").
 * The key is raw (x'…'), not a passphrase: it is already 32 random bytes, and a KDF would
 * only add ~50 ms to every open.
 *
 * Never a silent new database: an encrypted file without its key, or with the wrong one,
 * is refused with what to do. A plaintext database from an earlier version is encrypted in
 * place on its first read-write open.
 */
import Database from 'better-sqlite3';
import { closeSync, copyFileSync, fsyncSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { AppError } from '../../src-shared/api/errors.js';
import { createDbKey, readDbKey, resolveKeyFile } from './db-key.js';

export const KIOSK_CIPHER = 'chacha20';

/** Whose database it is, for the messages: the kiosk's, or the central gateway's (central-db-key.ts). */
export interface DbRole {
  zh: string;
  en: string;
  /** The variable that points at the key file. */
  env: string;
}

export const KIOSK_ROLE: DbRole = { zh: '终端数据库', en: 'kiosk database', env: 'YZT_DB_KEY_FILE' };

export interface KioskFileOptions {
  readonly?: boolean;
  fileMustExist?: boolean;
  /** Where the key is; default $YZT_DB_KEY_FILE, else `keys/kiosk-db.key` beside the database. */
  keyFile?: string | undefined;
  role?: DbRole;
}

type FileKind = 'absent' | 'empty' | 'plain' | 'encrypted' | 'unknown';

const PLAIN_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** What the first page says: SQLite's magic, or the clear bytes 16..23 that chacha20 leaves. */
export function kioskFileKind(file: string): FileKind {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return 'absent';
  }
  if (size === 0) return 'empty';
  const head = Buffer.alloc(24);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 24, 0);
  } finally {
    closeSync(fd);
  }
  if (head.subarray(0, 16).equals(PLAIN_MAGIC)) return 'plain';
  const pageSize = head.readUInt16BE(16);
  const validPageSize = pageSize === 1 || (pageSize >= 512 && (pageSize & (pageSize - 1)) === 0);
  const versions = [head[18], head[19]].every((v) => v === 1 || v === 2);
  const fixed = head[21] === 64 && head[22] === 32 && head[23] === 32;
  return validPageSize && versions && fixed && (head[20] ?? 0) > 0 ? 'encrypted' : 'unknown';
}

const hexKey = (key: Buffer) => `"x'${key.toString('hex')}'"`;

function applyKey(db: Database.Database, key: Buffer): void {
  db.pragma(`cipher = '${KIOSK_CIPHER}'`);
  db.pragma(`key = ${hexKey(key)}`);
}

/** Reads the schema, which is what fails (SQLITE_NOTADB) when the key does not open the file. */
function probe(db: Database.Database): void {
  db.prepare('SELECT count(*) FROM sqlite_master').get();
}

function keyMissing(file: string, keyFile: string, r: DbRole): AppError {
  return new AppError(
    'db-key-missing',
    `数据库密钥不符或缺失：${r.zh}（${file}）已加密，但找不到密钥文件（${keyFile}）。请勿删除或重建数据库；请技术人员按部署手册从密钥备份恢复该文件，或设置 ${r.env} 指向密钥所在位置`,
    `Database key missing: the ${r.en} ${file} is encrypted but its key file ${keyFile} is absent. Do not delete or recreate the database; restore the key file from its backup or point ${r.env} at it (docs/deployment.md, Encryption at rest)`,
  );
}

function keyMismatch(file: string, keyFile: string, r: DbRole): AppError {
  return new AppError(
    'db-key-mismatch',
    `数据库密钥不符或缺失：密钥文件（${keyFile}）打不开${r.zh}（${file}）。请技术人员找回与该数据库配套的密钥备份；若密钥无误，则数据库文件已损坏，请按手册从备份恢复（恢复后同步会自动核对，不会重复编号）`,
    `Database key does not match: ${keyFile} does not open the ${r.en} ${file}. Restore the key that belongs to this database from its backup; if the key is right the file is corrupted, restore the database from a backup (sync reconciles without duplicate numbers)`,
  );
}

/**
 * Encrypts a plaintext database of an earlier version. The rekey runs on a copy that then
 * replaces the original by rename, so a power cut mid-way leaves the plaintext original whole
 * (the half-done copy is thrown away at the next start) rather than a file half one, half the
 * other. rekey cannot rewrite a WAL database: the WAL is folded in first.
 */
function encryptLegacyFile(file: string, key: Buffer): void {
  const plain = new Database(file);
  try {
    probe(plain);
    plain.pragma('journal_mode = DELETE');
  } finally {
    plain.close();
  }
  const copy = `${file}.encrypting`;
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${copy}${suffix}`, { force: true });
  copyFileSync(file, copy);
  const db = new Database(copy);
  try {
    db.pragma(`cipher = '${KIOSK_CIPHER}'`);
    db.pragma(`rekey = ${hexKey(key)}`);
    probe(db);
  } finally {
    db.close();
  }
  const fd = openSync(copy, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(copy, file);
}

/**
 * Opens a kiosk database file keyed (creating the key for a new file, encrypting a plaintext
 * one), without touching its schema. Errors: AppError db-key-missing / db-key-mismatch /
 * db-key-unreadable, or SQLite's own (SQLITE_NOTADB for a file that is no database at all,
 * SQLITE_CANTOPEN for a missing one with fileMustExist).
 */
export function openKioskFile(file: string, o: KioskFileOptions = {}): Database.Database {
  const keyFile = resolveKeyFile(file, o.keyFile);
  const role = o.role ?? KIOSK_ROLE;
  const kind = kioskFileKind(file);
  const dbOptions = { readonly: o.readonly ?? false, fileMustExist: o.fileMustExist ?? false };
  if (kind === 'absent' && (dbOptions.readonly || dbOptions.fileMustExist)) return new Database(file, dbOptions); // throws SQLITE_CANTOPEN

  const existing = readDbKey(keyFile);
  if (kind === 'plain' && dbOptions.readonly) return new Database(file, dbOptions); // legacy file: encrypted at the next read-write open
  if ((kind === 'encrypted' || kind === 'unknown') && !existing) {
    if (kind === 'encrypted') throw keyMissing(file, keyFile, role);
    const db = new Database(file, dbOptions);
    try {
      probe(db); // garbage: SQLite names it SQLITE_NOTADB, which callers report as corruption
      return db;
    } catch (e) {
      db.close();
      throw e;
    }
  }
  const key = existing ?? (dbOptions.readonly ? null : createDbKey(keyFile));
  if (key && kind === 'plain') encryptLegacyFile(file, key);
  const db = new Database(file, dbOptions);
  try {
    if (key) applyKey(db, key);
    try {
      probe(db);
    } catch (e) {
      if (kind === 'encrypted' && (e as { code?: string }).code === 'SQLITE_NOTADB') throw keyMismatch(file, keyFile, role);
      throw e;
    }
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
