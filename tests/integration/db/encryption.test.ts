/**
 * The kiosk database at rest: after a real filing, the database file and its -wal and -shm hold
 * none of the applicant's ID number, name or address; a wrong or missing key is refused in
 * Chinese and English and never papered over with a new empty database; a plaintext database
 * from an earlier version is encrypted in place with its data; the key file is private.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openDatabase, type Db } from '../../../src-main/db/open.js';
import { kioskFileKind, openKioskFile } from '../../../src-main/db/kiosk-cipher.js';
import { createDbKey } from '../../../src-main/db/db-key.js';
import { backupKioskDb } from '../../../src-main/db/backup.js';
import { loadMigrations, migrate } from '../../../src-main/db/migrate.js';
import { kioskHealth } from '../../../src-main/admin/health.js';
import { openCheckedKioskDb } from '../../../src-main/sync/kiosk-db-check.js';
import { FilingService } from '../../../src-main/filings/filing-service.js';
import { findFilingByNumber } from '../../../src-main/filings/filing-store.js';
import { createLogger } from '../../../src-main/log/logger.js';
import { APP_ROOT, MIGRATIONS_DIR } from '../../../src-main/paths.js';
import { COURT_PRESETS } from '../../../src-shared/courts/court-profile.js';
import { AppError } from '../../../src-shared/api/errors.js';
import { filingDraftSchema, type ApplicantRecord } from '../../../src-shared/domain/filing.js';
import { draft, makeIdNumber } from '../../support/fixtures.js';
import { fixedClock, tempDir } from '../../support/tmp.js';

const PERSON: ApplicantRecord = {
  cardKind: 'resident',
  name: '欧阳明珠',
  idNumber: makeIdNumber('19770503', '428', '410802'),
  genderCode: '2',
  birthDate: '19770503',
  address: '河南省焦作市解放区密文测试街88号',
};

/** Every form the person's data could take in the file: UTF-8 and UTF-16, the ID number whole and its 17 digits. */
const needles = (p: ApplicantRecord) =>
  [p.idNumber, p.idNumber.slice(0, 17), p.name, p.address].flatMap((s) => [
    { what: `${s} (utf8)`, bytes: Buffer.from(s, 'utf8') },
    { what: `${s} (utf16le)`, bytes: Buffer.from(s, 'utf16le') },
  ]);

/** The labels of the needles found in the database file and its -wal and -shm (those that exist). */
function plaintextIn(file: string, p: ApplicantRecord): string[] {
  const found: string[] = [];
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    if (!existsSync(f)) continue;
    const bytes = readFileSync(f);
    for (const n of needles(p)) if (bytes.includes(n.bytes)) found.push(`${f.slice(file.length) || 'db'}: ${n.what}`);
  }
  return found;
}

function submitFiling(db: Db): string {
  const service = new FilingService({
    db,
    deviceId: 'abcdef12-0000-4000-8000-000000000000',
    court: COURT_PRESETS[1]!,
    applicantKeySecret: 'secret',
    now: fixedClock('2026-11-22T09:30:00+08:00').now,
    log: createLogger({ sink: [] }),
  });
  const d = draft({ payee: { accountName: PERSON.name, bank: '中国银行焦作分行', accountNumber: '6217000000000000018' }, applicantAddress: PERSON.address });
  return service.submit(filingDraftSchema.parse(d), PERSON).provisionalNo;
}

/** A kiosk database as an earlier version wrote it: plain SQLite, same schema. */
function plainKioskDb(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  migrate(db, loadMigrations(join(MIGRATIONS_DIR, 'kiosk')));
  return db;
}

const errorOf = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
};

describe('kiosk database encryption at rest', () => {
  let dir: ReturnType<typeof tempDir>;
  let file: string;
  let keyFile: string;
  beforeEach(() => {
    dir = tempDir();
    file = join(dir.path, 'kiosk.sqlite');
    keyFile = join(dir.path, 'keys', 'kiosk-db.key');
  });
  afterEach(() => dir.cleanup());

  it('leaves no ID number, name or address in the file, -wal or -shm after a real filing (a plain database would)', () => {
    const plainFile = join(dir.path, 'plain.sqlite');
    const plain = plainKioskDb(plainFile);
    submitFiling(plain);
    // The control: the same filing in an unencrypted file shows every needle, so the search works.
    expect(plaintextIn(plainFile, PERSON)).toEqual(expect.arrayContaining(['-wal: ' + PERSON.idNumber + ' (utf8)', '-wal: ' + PERSON.name + ' (utf8)', '-wal: ' + PERSON.address + ' (utf8)']));
    plain.close();

    const db = openDatabase(file, 'kiosk');
    const number = submitFiling(db);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    expect(plaintextIn(file, PERSON)).toEqual([]); // open: the filing sits in the WAL
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(plaintextIn(file, PERSON)).toEqual([]); // checkpointed into the main file
    db.close();
    expect(plaintextIn(file, PERSON)).toEqual([]);
    expect(kioskFileKind(file)).toBe('encrypted');

    const again = openDatabase(file, 'kiosk');
    expect(findFilingByNumber(again, number)?.provisionalNo).toBe(number);
    expect(again.pragma('secure_delete', { simple: true })).toBe(1);
    again.close();
  });

  it('keeps the key outside the database file, readable by the kiosk user only', () => {
    openDatabase(file, 'kiosk').close();
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir.path, 'keys')).mode & 0o777).toBe(0o700);
    const hex = readFileSync(keyFile, 'utf8').trim();
    expect(hex).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(file).includes(Buffer.from(hex, 'hex'))).toBe(false);
    expect(readFileSync(file).includes(Buffer.from(hex))).toBe(false);
  });

  it('refuses a wrong key in Chinese and English and changes neither the database nor the key', () => {
    const db = openDatabase(file, 'kiosk');
    const number = submitFiling(db);
    db.close();
    const before = readFileSync(file);
    const rightKey = join(dir.path, 'key-backup');
    writeFileSync(rightKey, readFileSync(keyFile));
    writeFileSync(keyFile, `${'5a'.repeat(32)}\n`);
    const e = errorOf(() => openDatabase(file, 'kiosk'));
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('db-key-mismatch');
    expect((e as AppError).message_zh).toMatch(/^数据库密钥不符或缺失/);
    expect((e as AppError).message_en).toMatch(/key does not match/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readFileSync(keyFile, 'utf8')).toBe(`${'5a'.repeat(32)}\n`);
    // The same refusal through the start-up check and health, not "corrupted".
    const checked = openCheckedKioskDb(file);
    expect(!checked.ok && checked.problem.code).toBe('db-key-mismatch');
    const h = kioskHealth({ dbFile: file, dataDir: dir.path, portExists: () => true }).checks.find((c) => c.name === 'database');
    expect(h).toMatchObject({ status: 'fail', details: { error: 'db-key-mismatch' } });
    expect(h?.message_zh).toMatch(/数据库密钥不符或缺失/);
    // The key that belongs to it still opens it, with the filing.
    const restored = openDatabase(file, 'kiosk', { keyFile: rightKey });
    expect(findFilingByNumber(restored, number)).toBeDefined();
    restored.close();
  });

  it('refuses an encrypted database whose key file is gone and does not make a new key over it', () => {
    const db = openDatabase(file, 'kiosk');
    const number = submitFiling(db);
    db.close();
    const key = readFileSync(keyFile, 'utf8');
    rmSync(keyFile);
    const before = readFileSync(file);
    const e = errorOf(() => openDatabase(file, 'kiosk'));
    expect((e as AppError).code).toBe('db-key-missing');
    expect((e as AppError).message_zh).toMatch(/^数据库密钥不符或缺失.*找不到密钥文件.*从密钥备份恢复/);
    expect(existsSync(keyFile)).toBe(false);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(errorOf(() => openKioskFile(file, { readonly: true }))).toMatchObject({ code: 'db-key-missing' });

    // The recovery path: put the backed-up key back, everything is there.
    writeFileSync(keyFile, key, { mode: 0o600 });
    const restored = openDatabase(file, 'kiosk');
    expect(findFilingByNumber(restored, number)).toBeDefined();
    restored.close();
  });

  it('says so from the command line too, with exit code 1 and no stack trace', async () => {
    openDatabase(file, 'kiosk').close();
    rmSync(keyFile);
    // audit verify words it itself; export-config relies on the CLI's catch of AppError.
    for (const args of [['audit', 'verify'], ['admin', 'export-config']]) {
      const r = await promisify(execFile)(process.execPath, [join(APP_ROOT, 'bin', 'yzt.mjs'), ...args, '--data', dir.path]).then(
        () => ({ code: 0, stderr: '' }),
        (err: { code: number; stderr: string }) => err,
      );
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/数据库密钥不符或缺失.*\[db-key-missing\]/);
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('encrypts a plaintext database from an earlier version in place, keeping its data', () => {
    const old = plainKioskDb(file);
    const number = submitFiling(old);
    old.close();
    expect(kioskFileKind(file)).toBe('plain');
    expect(plaintextIn(file, PERSON).length).toBeGreaterThan(0);
    expect(existsSync(keyFile)).toBe(false);

    const db = openDatabase(file, 'kiosk');
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(findFilingByNumber(db, number)?.provisionalNo).toBe(number);
    db.close();
    expect(kioskFileKind(file)).toBe('encrypted');
    expect(plaintextIn(file, PERSON)).toEqual([]);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    // Once only: the next open just unlocks it.
    const again = openDatabase(file, 'kiosk');
    expect(findFilingByNumber(again, number)).toBeDefined();
    again.close();
  });

  it('throws away a half-encrypted copy left by a power cut and encrypts the intact original', () => {
    const old = plainKioskDb(file);
    const number = submitFiling(old);
    old.close();
    writeFileSync(`${file}.encrypting`, Buffer.alloc(8192, 0x33)); // what an interrupted earlier attempt left
    const db = openDatabase(file, 'kiosk');
    expect(findFilingByNumber(db, number)).toBeDefined();
    db.close();
    expect(existsSync(`${file}.encrypting`)).toBe(false);
    expect(plaintextIn(file, PERSON)).toEqual([]);
  });

  it('takes the key from YZT_DB_KEY_FILE or the keyFile option, so it can live on another volume', () => {
    const elsewhere = join(dir.path, 'vault', 'kiosk.key');
    const previous = process.env.YZT_DB_KEY_FILE;
    process.env.YZT_DB_KEY_FILE = elsewhere;
    try {
      openDatabase(file, 'kiosk').close();
    } finally {
      if (previous === undefined) delete process.env.YZT_DB_KEY_FILE;
      else process.env.YZT_DB_KEY_FILE = previous;
    }
    expect(existsSync(elsewhere)).toBe(true);
    expect(existsSync(keyFile)).toBe(false);
    expect(errorOf(() => openDatabase(file, 'kiosk'))).toMatchObject({ code: 'db-key-missing' });
    openDatabase(file, 'kiosk', { keyFile: elsewhere }).close();
  });

  it('reports a damaged page of an encrypted database as corruption with the recovery path', () => {
    const db = openDatabase(file, 'kiosk');
    for (let i = 0; i < 20; i++) submitFiling(db);
    db.close();
    const size = statSync(file).size;
    expect(size).toBeGreaterThan(4096 * 4);
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, 4096 * 2 + 100); // one flipped stretch on page 3
    closeSync(fd);
    const h = kioskHealth({ dbFile: file, dataDir: dir.path, portExists: () => true }).checks.find((c) => c.name === 'database');
    expect(h).toMatchObject({ status: 'fail' });
    expect(h?.message_zh).toMatch(/数据库已损坏.*备份恢复/);
    const checked = openCheckedKioskDb(file);
    expect(!checked.ok && checked.problem.code).toBe('db-corrupt');
  });

  it('calls a file that is no database at all corrupt, not a key problem, with or without a key', () => {
    writeFileSync(file, Buffer.alloc(8192, 0x5a));
    expect(kioskFileKind(file)).toBe('unknown');
    expect(openCheckedKioskDb(file)).toMatchObject({ ok: false, problem: { code: 'db-corrupt' } });
    expect(existsSync(keyFile)).toBe(false);
    createDbKey(keyFile);
    expect(openCheckedKioskDb(file)).toMatchObject({ ok: false, problem: { code: 'db-corrupt' } });
  });

  it('backs up into a copy encrypted with the same key, which restores by copying the file back', () => {
    const db = openDatabase(file, 'kiosk');
    const number = submitFiling(db);
    const backup = join(dir.path, 'backup.sqlite');
    backupKioskDb(db, backup);
    db.close();
    expect(kioskFileKind(backup)).toBe('encrypted');
    expect(plaintextIn(backup, PERSON)).toEqual([]);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    writeFileSync(file, readFileSync(backup));
    const restored = openDatabase(file, 'kiosk');
    expect(findFilingByNumber(restored, number)).toBeDefined();
    restored.close();
  });

  it('gives two processes racing to create the key the same key', () => {
    const a = createDbKey(keyFile);
    const b = createDbKey(keyFile);
    expect(b.equals(a)).toBe(true);
  });
});
