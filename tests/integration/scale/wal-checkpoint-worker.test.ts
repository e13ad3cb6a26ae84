/**
 * WAL checkpoints run in a worker on its own connection, so the main thread's commits only
 * append to the log; the main connection checkpoints itself again when the worker cannot.
 * Real encrypted database files throughout; every wait is on an event of the checkpointer.
 */
import { spawn } from 'node:child_process';
import { once as onceEmitted } from 'node:events';
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src-main/db/open.js';
import { openKioskFile } from '../../../src-main/db/kiosk-cipher.js';
import { createDbKey, resolveKeyFile } from '../../../src-main/db/db-key.js';
import { CENTRAL_ROLE, centralKeyFile } from '../../../src-main/db/central-db-key.js';
import { MAIN_AUTOCHECKPOINT_PAGES, SAFETY_NET_AUTOCHECKPOINT_PAGES, WalCheckpointer, walCheckpoints } from '../../../src-main/db/wal-checkpointer.js';
import { SqliteCentralStore } from '../../../src-main/central/sqlite-store.js';
import { startKioskApp } from '../../../src-main/app/kiosk-app.js';
import { APP_ROOT, kioskDbFile } from '../../../src-main/paths.js';
import { createLogger } from '../../../src-main/log/logger.js';
import { tempDir } from '../../support/tmp.js';

const ROWS = 300; // ~300 commits of a 4 KB row each: well over SQLite's 1000-page automatic checkpoint

describe('WAL checkpoints in a worker', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  const folder = () => {
    const d = tempDir('yzt-wal-');
    cleanups.push(d.cleanup);
    return d.path;
  };
  const checkpointer = () => {
    const cp = new WalCheckpointer({ intervalMs: 10, truncateAboveBytes: 0, idleStopMs: 0 });
    cleanups.push(() => cp.stopWorker());
    return cp;
  };
  const kioskDb = (dir: string): { db: Db; file: string } => {
    const file = join(dir, 'kiosk.sqlite');
    const db = openDatabase(file, 'kiosk');
    cleanups.push(() => db.open && db.close());
    db.exec('CREATE TABLE filler (n INTEGER PRIMARY KEY, x BLOB)');
    return { db, file };
  };
  const fill = (db: Db, from = 0) => {
    const insert = db.prepare('INSERT INTO filler (n, x) VALUES (?, randomblob(4000))');
    for (let i = 0; i < ROWS; i++) insert.run(from + i);
  };
  const walBytes = (file: string) => statSync(`${file}-wal`).size;
  const once = <T extends unknown[]>(on: (l: (...a: T) => void) => () => void, when: (...a: T) => boolean = () => true): Promise<T> =>
    new Promise((resolve) => {
      const off = on((...a) => {
        if (!when(...a)) return;
        off();
        resolve(a);
      });
    });
  /** The log is empty now (judged when the event is handled, after every commit above it). */
  const emptied = (cp: WalCheckpointer, file: string) => once<[string, unknown]>((l) => cp.on('checkpointed', l), (f) => f === file && walBytes(file) === 0);
  /** What the database file alone holds, without its log: a copy opened by a fresh connection. */
  const rowsInFileAlone = (file: string, keyFile: string, role?: typeof CENTRAL_ROLE): number => {
    const dir = join(folder(), 'copy');
    mkdirSync(dir);
    copyFileSync(file, join(dir, 'copy.sqlite'));
    const db = openKioskFile(join(dir, 'copy.sqlite'), { readonly: true, fileMustExist: true, keyFile, ...(role ? { role } : {}) });
    try {
      return (db.prepare('SELECT count(*) AS n FROM filler').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  it('the worker copies the log of many commits into the database file; the main connection only appends', async () => {
    const { db, file } = kioskDb(folder());
    const cp = checkpointer();
    const ready = once((l) => cp.on('ready', l));
    const reg = cp.register(db, { file, schema: 'kiosk', log: createLogger({ level: 'error' }) });
    await ready;
    // The main connection checkpoints only past the safety net, far beyond what is written here.
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(SAFETY_NET_AUTOCHECKPOINT_PAGES);
    const copied = once<[string, { log: number; checkpointed: number }]>((l) => cp.on('checkpointed', l), (_f, c) => c.checkpointed > 0);
    fill(db);
    expect((await copied)[1].checkpointed).toBeGreaterThan(0);
    await emptied(cp, file);
    expect(rowsInFileAlone(file, resolveKeyFile(file))).toBe(ROWS);
    await reg.unregister();
  });

  it('a worker that cannot open the database (another key) leaves the main connection checkpointing every 1000 pages, and says so once', async () => {
    const dir = folder();
    const { db, file } = kioskDb(dir);
    const wrongKey = join(dir, 'keys', 'other.key');
    createDbKey(wrongKey);
    const cp = checkpointer();
    const lines: string[] = [];
    db.pragma(`wal_autocheckpoint = ${SAFETY_NET_AUTOCHECKPOINT_PAGES}`); // so the fallback has to set it back
    const fellBack = once<[string, string]>((l) => cp.on('fallback', l));
    cp.register(db, { file, schema: 'kiosk', keyFile: wrongKey, log: createLogger({ level: 'info', sink: lines }) });
    expect((await fellBack)[1]).toMatch(/db-key-mismatch/);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(MAIN_AUTOCHECKPOINT_PAGES);
    const logged = lines.filter((l) => l.includes('db.wal-checkpoint.fallback'));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/"level":"warn".*db-key-mismatch.*checkpoints every 1000 pages itself/);
  });

  it('a worker that dies hands every database back to its main connection, logged once', async () => {
    const dir = folder();
    const a = kioskDb(join(dir, 'a'));
    const b = kioskDb(join(dir, 'b'));
    const cp = checkpointer();
    const lines: string[] = [];
    const log = createLogger({ level: 'info', sink: lines });
    const bothReady = new Promise<void>((resolve) => {
      const seen = new Set<string>();
      cp.on('ready', (f) => seen.add(f).size === 2 && resolve());
    });
    cp.register(a.db, { file: a.file, schema: 'kiosk', log });
    cp.register(b.db, { file: b.file, schema: 'kiosk', log });
    await bothReady;
    expect(b.db.pragma('wal_autocheckpoint', { simple: true })).toBe(SAFETY_NET_AUTOCHECKPOINT_PAGES);
    const fellBack = new Set<string>();
    const bothBack = new Promise<void>((resolve) => cp.on('fallback', (f) => fellBack.add(f).size === 2 && resolve()));
    await cp.stopWorker();
    await bothBack;
    expect(a.db.pragma('wal_autocheckpoint', { simple: true })).toBe(MAIN_AUTOCHECKPOINT_PAGES);
    expect(b.db.pragma('wal_autocheckpoint', { simple: true })).toBe(MAIN_AUTOCHECKPOINT_PAGES);
    const logged = lines.filter((l) => l.includes('db.wal-checkpoint'));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/worker-stopped.*"databases":2/);
  });

  it('one worker checkpoints two databases registered with it', async () => {
    const dir = folder();
    const a = kioskDb(join(dir, 'a'));
    const b = kioskDb(join(dir, 'b'));
    const cp = checkpointer();
    const log = createLogger({ level: 'error' });
    const bothReady = new Promise<void>((resolve) => {
      const seen = new Set<string>();
      cp.on('ready', (f) => seen.add(f).size === 2 && resolve());
    });
    const regs = [cp.register(a.db, { file: a.file, schema: 'kiosk', log }), cp.register(b.db, { file: b.file, schema: 'kiosk', log })];
    await bothReady;
    fill(a.db);
    fill(b.db);
    await Promise.all([emptied(cp, a.file), emptied(cp, b.file)]);
    expect(rowsInFileAlone(a.file, resolveKeyFile(a.file))).toBe(ROWS);
    expect(rowsInFileAlone(b.file, resolveKeyFile(b.file))).toBe(ROWS);
    await Promise.all(regs.map((r) => r.unregister()));
  });

  it("the central's SQLite store is checkpointed by the process's worker, with the central's own key", async () => {
    const file = join(folder(), 'central.sqlite');
    const ready = once<[string]>((l) => walCheckpoints.on('ready', l), (f) => f === file);
    const store = new SqliteCentralStore(file, { log: createLogger({ level: 'error' }) });
    cleanups.push(() => store.close());
    await ready;
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(SAFETY_NET_AUTOCHECKPOINT_PAGES);
    store.db.exec('CREATE TABLE filler (n INTEGER PRIMARY KEY, x BLOB)');
    fill(store.db);
    const copied = once<[string, { log: number; checkpointed: number }]>(
      (l) => walCheckpoints.on('checkpointed', l),
      (f, c) => f === file && c.checkpointed === c.log && rowsInFileAlone(file, centralKeyFile(file), CENTRAL_ROLE) === ROWS,
    );
    await copied;
  });

  it('the kiosk app hands its database to the worker while it runs', async () => {
    const dir = folder();
    const file = kioskDbFile(dir);
    const ready = once<[string]>((l) => walCheckpoints.on('ready', l), (f) => f === file);
    const app = await startKioskApp({ dataDir: dir, shell: 'host', log: createLogger({ level: 'error' }), reader: null, printerPath: null });
    cleanups.push(() => app.close());
    await ready;
    expect(app.db.pragma('wal_autocheckpoint', { simple: true })).toBe(SAFETY_NET_AUTOCHECKPOINT_PAGES);
  });

  const runProcess = async (dir: string, mode: 'close' | 'leave'): Promise<{ code: number | null; out: string }> => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(APP_ROOT, 'tests', 'integration', 'scale', 'support', 'wal-checkpoint-process.ts'), dir, mode], { cwd: APP_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    const [code] = (await onceEmitted(child, 'exit')) as [number | null];
    return { code, out: out.trim() };
  };

  it('a process unregisters and closes its database with nothing else alive; the main connection, last to close, folds the log in', async () => {
    const dir = folder();
    expect(await runProcess(dir, 'close')).toEqual({ code: 0, out: 'closed' });
    expect(existsSync(join(dir, 'kiosk.sqlite-wal'))).toBe(false);
  });

  it('the worker never keeps a process alive: one that ends with its database still registered exits', async () => {
    expect(await runProcess(folder(), 'leave')).toEqual({ code: 0, out: 'left' });
  });
});
