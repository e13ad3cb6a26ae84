/**
 * Every `yzt` command meets a missing, empty or wrong data folder, database key, central
 * database or port with words that name the option to fix (--data, --db, --pg, --port) or the
 * fix itself, never a raw errno; commands that only read refuse rather than create an empty
 * database in a mistyped folder. Real processes, real files.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../src-main/db/open.js';
import { APP_ROOT, kioskDbFile } from '../../../src-main/paths.js';
import { tempDir } from '../../support/tmp.js';

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** One `yzt` process with nothing on stdin (a command that asks would see end of input). */
function yztOnce(args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(APP_ROOT, 'bin', 'yzt.mjs'), ...args], { env: { ...process.env, YZT_DATA: '', YZT_DB_KEY_FILE: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.stdin.end();
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// Two shared cores: a few processes at a time, not dozens.
let running = 0;
const queue: (() => void)[] = [];
async function yzt(args: string[]): Promise<Result> {
  if (running >= 3) await new Promise<void>((go) => queue.push(go));
  running++;
  try {
    return await yztOnce(args);
  } finally {
    running--;
    queue.shift()?.();
  }
}

// Up to 18 processes per test, three at a time, on a loaded machine.
vi.setConfig({ testTimeout: 180_000 });

const RAW = /\b(ENOENT|EEXIST|ENOTDIR|EISDIR|EACCES|EADDRINUSE|ECONNREFUSED|ERR_[A-Z_]+)\b|statfs|mkdir '|at .+:\d+:\d+/;

/** A refusal said in words: exit 1 (2 for usage), the option named, no errno, no stack. */
function expectWords(r: Result, option: string, exit = 1): void {
  expect(r.code, r.stderr).toBe(exit);
  expect(r.stderr).toContain(option);
  expect(r.stderr).not.toMatch(RAW);
}

const dir = tempDir('yzt-cli-errors-');
const missing = join(dir.path, 'no-such-folder');
const empty = join(dir.path, 'empty');
const aFile = join(dir.path, 'a-file');
const noKey = join(dir.path, 'no-key');
const wrongKey = join(dir.path, 'wrong-key');

beforeAll(() => {
  mkdirSync(empty);
  writeFileSync(aFile, 'not a folder');
  for (const d of [noKey, wrongKey]) openDatabase(kioskDbFile(d), 'kiosk').close();
  rmSync(join(noKey, 'keys'), { recursive: true });
  writeFileSync(join(wrongKey, 'keys', 'kiosk-db.key'), 'ab'.repeat(32));
});
afterAll(() => dir.cleanup());

const READERS: string[][] = [
  ['sync', 'status'],
  ['audit', 'verify'],
  ['privacy', 'purge', '--dry-run'],
  ['counter', 'users'],
  ['counter', 'register', '--from', '2026-01-01', '--to', '2026-01-31'],
  ['admin', 'export-config'],
];

describe('yzt on a data folder where no kiosk ran', () => {
  it('health still reports the disk, the devices the machine has, and that there is no kiosk database yet', async () => {
    const [text, json] = await Promise.all([yzt(['health', '--data', missing]), yzt(['health', '--data', missing, '--json'])]);
    expect(text.code).toBe(1);
    expect(text.stderr).toBe('');
    expect(text.stdout).toMatch(/^OK {3}disk/m);
    expect(text.stdout).toContain('尚无本机数据库');
    expect(text.stdout).toContain('No kiosk database yet');
    expect(text.stdout).toContain('--data');
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { ok: boolean; checks: { name: string; status: string; details?: { serialPorts?: string[] } }[] };
    expect(report.ok).toBe(false);
    expect(report.checks.map((c) => [c.name, c.status])).toEqual([
      ['disk', 'ok'],
      ['database', 'fail'],
      ['devices', 'warn'],
    ]);
    expect(Array.isArray(report.checks[2]!.details!.serialPorts)).toBe(true);
    expect(existsSync(missing)).toBe(false);
  });

  it('commands that read a kiosk refuse a missing, empty or non-folder --data and create nothing', async () => {
    const cases = READERS.flatMap((args) => [missing, empty, aFile].map((data) => ({ args: [...args, '--data', data], data })));
    const results = await Promise.all(cases.map((c) => yzt(c.args)));
    results.forEach((r, i) => {
      const { args, data } = cases[i]!;
      expectWords(r, '--data');
      expect(r.stderr, args.join(' ')).toMatch(data === missing ? /\[no-data-folder\]/ : data === empty ? /尚无本机数据库.*\[no-kiosk-db\]/ : /\[data-not-folder\]/);
    });
    expect(existsSync(missing)).toBe(false);
    expect(existsSync(kioskDbFile(empty))).toBe(false);
  });

  it('commands that set a kiosk up say when --data is not a folder they can use', async () => {
    const results = await Promise.all([
      yzt(['admin', 'set-pin', '--data', aFile]),
      yzt(['counter', 'set-token', '--data', aFile, '--clear']),
      yzt(['kiosk', 'serve', '--data', join(aFile, 'kiosk')]),
      yzt(['admin', 'export-logs', '--out', join(dir.path, 'out'), '--data', missing]),
    ]);
    for (const r of results) expectWords(r, '--data');
  });
});

describe('yzt with a kiosk database whose key is missing or wrong', () => {
  it('names the key file and the fix, for every command that opens the database', async () => {
    const results = await Promise.all([...READERS, ['health']].flatMap((args) => [yzt([...args, '--data', noKey]), yzt([...args, '--data', wrongKey])]));
    results.forEach((r, i) => {
      expect(r.code).toBe(1);
      const said = r.stdout + r.stderr;
      expect(said).toContain('kiosk-db.key');
      expect(said).toMatch(i % 2 === 0 ? /YZT_DB_KEY_FILE/ : /密钥不符/);
      expect(said).not.toMatch(RAW);
    });
  });
});

describe('yzt with a wrong port or central database', () => {
  let taken: Server;
  let takenPort = 0;
  beforeAll(async () => {
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    takenPort = (taken.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

  it('refuses a port that is not a port number before starting anything', async () => {
    const results = await Promise.all([
      yzt(['central', 'serve', '--port', '99999', '--db', join(dir.path, 'c.sqlite')]),
      yzt(['central', 'serve', '--port', 'abc', '--db', join(dir.path, 'c.sqlite')]),
      yzt(['kiosk', 'serve', '--port', '-1', '--data', join(dir.path, 'k')]),
    ]);
    for (const r of results) expectWords(r, '--port', 2);
    expect(existsSync(join(dir.path, 'c.sqlite'))).toBe(false);
  });

  it('says a serial --port that is missing or no serial port in plain words', async () => {
    const [gone, notTty] = await Promise.all([
      yzt(['device', 'read-id', '--port', join(dir.path, 'ttyUSB9'), '--timeout', '500']),
      yzt(['device', 'read-id', '--port', aFile, '--timeout', '500']),
    ]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain('找不到串口');
    expect(notTty.code).toBe(1);
    expect(notTty.stderr).toContain('不是串口设备');
    for (const r of [gone, notTty]) expect(r.stderr).not.toMatch(RAW);
  });

  it('says a port is taken, naming --port', async () => {
    const r = await yzt(['central', 'serve', '--port', String(takenPort), '--db', join(dir.path, 'central.sqlite')]);
    expectWords(r, '--port');
    expect(r.stderr).toContain('[port-in-use]');
  });

  it('central management commands refuse a missing --db file rather than answer from a new empty one', async () => {
    const db = join(dir.path, 'no-central', 'central.sqlite');
    const results = await Promise.all([
      yzt(['central', 'kiosks', '--db', db]),
      yzt(['central', 'enrol-code', '--court', 'jiaozuo-shanyang', '--db', db]),
      yzt(['central', 'court-token', '--court', 'jiaozuo-shanyang', '--db', db]),
      yzt(['central', 'revoke', '--device', 'x', '--db', db]),
      yzt(['central', 'case', 'accept', '（2026）豫0811执1号', '--db', db]),
      yzt(['central', 'kiosks', '--db', empty]),
      yzt(['central', 'serve', '--port', '0', '--db', empty]),
    ]);
    results.slice(0, 5).forEach((r) => {
      expectWords(r, '--db');
      expect(r.stderr).toContain('[no-central-db]');
    });
    for (const r of results.slice(5)) {
      expectWords(r, '--db');
      expect(r.stderr).toContain('[db-is-folder]');
    }
    expect(existsSync(db)).toBe(false);
  });

  it('says PostgreSQL cannot be reached, naming --pg', async () => {
    // A port that was free a moment ago: nothing listens there.
    const free = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as { port: number };
        s.close(() => resolve(port));
      });
    });
    const r = await yzt(['central', 'kiosks', '--pg', `postgres://nobody:x@127.0.0.1:${free}/nodb`]);
    expectWords(r, '--pg');
  });
});
