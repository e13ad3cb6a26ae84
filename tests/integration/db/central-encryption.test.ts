/**
 * The central's SQLite database is encrypted at rest like the kiosk's (issue 13, point 7): a real
 * `yzt central serve` leaves a file that is not readable as SQLite and holds no applicant's data in
 * the clear, with its key 0600 in a 0700 folder; a plaintext database of an earlier version is
 * encrypted in place by the first command that opens it, keeping its rows; a missing key is
 * refused with the key file and the variable named. Against the old code the file began
 * "SQLite format 3" and the ID number was in it as text.
 */
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnYzt } from '../../../src-main/proc/spawn-yzt.js';
import { spawnYztRaw } from '../../fault/support/processes.js';
import { loadMigrations, migrate } from '../../../src-main/db/migrate.js';
import { MIGRATIONS_DIR } from '../../../src-main/paths.js';
import { SqliteCentralStore } from '../../../src-main/central/sqlite-store.js';
import { filingRecord } from '../sync/support.js';
import { APPLICANT } from '../../support/fixtures.js';
import { tempDir } from '../../support/tmp.js';

async function yzt(args: string[]): Promise<{ code: number | null; out: string }> {
  const p = spawnYztRaw(args);
  const code = await p.exited;
  await new Promise((r) => setImmediate(r));
  return { code, out: p.lines.join('\n') };
}

const mode = (f: string) => statSync(f).mode & 0o777;
const header = (f: string) => readFileSync(f).subarray(0, 16).toString('latin1');

/** Every file SQLite keeps for the database, read raw. */
const rawBytes = (file: string) => Buffer.concat(['', '-wal', '-shm'].filter((s) => existsSync(file + s)).map((s) => readFileSync(file + s)));

describe('the central SQLite database at rest', { timeout: 90_000 }, () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it('is encrypted from its first start by yzt central serve, key and files 0600', async () => {
    const db = join(dir.path, 'new', 'central.sqlite');
    mkdirSync(join(dir.path, 'new'));
    const central = await spawnYzt(['central', 'serve', '--port', '0', '--db', db], /listening on (http:\/\/\S+)/);
    try {
      expect((await yzt(['central', 'enrol-code', '--court', 'jiaozuo-shanyang', '--db', db])).code).toBe(0);
    } finally {
      await central.stop();
    }
    expect(header(db)).not.toBe('SQLite format 3\0');
    expect(() => new Database(db, { readonly: true }).prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    const key = join(dir.path, 'new', 'keys', 'central-db.key');
    expect(mode(key)).toBe(0o600);
    expect(mode(join(dir.path, 'new', 'keys')) & 0o077).toBe(0);
    for (const f of readdirSync(join(dir.path, 'new')).filter((f) => f.startsWith('central.sqlite'))) expect(mode(join(dir.path, 'new', f))).toBe(0o600);
  });

  it('encrypts a plaintext database of an earlier version in place and keeps its rows', async () => {
    const db = join(dir.path, 'old', 'central.sqlite');
    mkdirSync(join(dir.path, 'old'));
    const plain = new Database(db);
    migrate(plain, loadMigrations(join(MIGRATIONS_DIR, 'central')), { target: 6 });
    const record = filingRecord();
    plain
      .prepare("INSERT INTO devices (device_id, court_code, court_id, first_seen_at, last_seen_at, enrolled_at) VALUES ('oldkiosk1', '豫0811', 'jiaozuo-shanyang', 't', 't', '2026-11-01T00:00:00Z')")
      .run();
    plain
      .prepare("INSERT INTO cases (filing_id, device_id, mutation_id, provisional_no, court_code, type_code, year, seq, official_no, status, submitted_at, accepted_at, record_json) VALUES ('f1', 'oldkiosk1', 1, '临-1', '豫0811', '执', 2026, 1, '（2026）豫0811执1号', 'filed', 't', 't', ?)")
      .run(JSON.stringify(record));
    plain.close();
    expect(header(db)).toBe('SQLite format 3\0');
    expect(rawBytes(db).includes(Buffer.from(APPLICANT.idNumber))).toBe(true);

    const listed = await yzt(['central', 'kiosks', '--db', db]);
    expect(listed.out).toContain('oldkiosk1');
    const store = new SqliteCentralStore(db);
    try {
      expect((await store.numberedCases()).map((c) => c.officialNo)).toEqual(['（2026）豫0811执1号']);
    } finally {
      await store.close();
    }
    expect(header(db)).not.toBe('SQLite format 3\0');
    expect(rawBytes(db).includes(Buffer.from(APPLICANT.idNumber))).toBe(false);
    expect(mode(db)).toBe(0o600);

    // Without its key the file is refused, naming the key file and the variable, never replaced.
    renameSync(join(dir.path, 'old', 'keys', 'central-db.key'), join(dir.path, 'old', 'key.away'));
    const refused = await yzt(['central', 'kiosks', '--db', db]);
    expect(refused.code).not.toBe(0);
    expect(refused.out).toContain('central-db.key');
    expect(refused.out).toContain('YZT_CENTRAL_DB_KEY_FILE');
  });
});
