import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { openSync, writeSync, closeSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openDatabase } from '../../../src-main/db/open.js';
import { openKioskFile } from '../../../src-main/db/kiosk-cipher.js';
import { kioskHealth } from '../../../src-main/admin/health.js';
import { importKioskConfig, readKioskConfig, type KioskConfig } from '../../../src-main/admin/kiosk-config.js';
import { appendAudit } from '../../../src-main/audit/audit-log.js';
import { APP_ROOT } from '../../../src-main/paths.js';
import { tempDir } from '../../support/tmp.js';

const run = promisify(execFile);
const yzt = (args: string[]) => run(process.execPath, [join(APP_ROOT, 'bin', 'yzt.mjs'), ...args]).then(
  (r) => ({ code: 0, ...r }),
  (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
);

const CONFIG: KioskConfig = {
  format: 'yzt-kiosk-config',
  version: 1,
  courtId: 'wuzhi',
  centralUrl: 'http://127.0.0.1:8700',
  devices: {
    idReader: { transport: 'serial', path: '/dev/ttyUSB0', baudRate: 115200, pollIntervalMs: 500 },
    scanner: { mode: 'keyboard-wedge', charset: 'auto' },
    receiptPrinter: null,
  },
};

describe('kiosk health and configuration', () => {
  let dir: ReturnType<typeof tempDir>;
  let dbFile: string;
  beforeEach(() => {
    dir = tempDir();
    dbFile = join(dir.path, 'kiosk.sqlite');
    openDatabase(dbFile, 'kiosk').close();
  });
  afterEach(() => dir.cleanup());

  const health = (o: Partial<Parameters<typeof kioskHealth>[0]> = {}) => kioskHealth({ dbFile, dataDir: dir.path, portExists: () => true, ...o });
  const byName = (r: ReturnType<typeof kioskHealth>, name: string) => r.checks.find((c) => c.name === name);

  it('reports a healthy kiosk', () => {
    const db = openDatabase(dbFile, 'kiosk');
    importKioskConfig(db, CONFIG, () => true);
    db.close();
    const r = health();
    expect(r.ok).toBe(true);
    expect(r.checks.map((c) => c.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
  });

  it('reports a dead reader and a full disk, each with what to do', () => {
    const db = openDatabase(dbFile, 'kiosk');
    importKioskConfig(db, CONFIG, () => true);
    db.close();
    const r = health({ portExists: () => false, freeBytes: () => 10 * 1024 * 1024 });
    expect(r.ok).toBe(false);
    expect(byName(r, 'id-reader')).toMatchObject({ status: 'fail' });
    expect(byName(r, 'id-reader')?.message_zh).toContain('/dev/ttyUSB0');
    expect(byName(r, 'disk')).toMatchObject({ status: 'fail' });
    expect(byName(r, 'disk')?.message_zh).toMatch(/磁盘空间不足/);
  });

  it('catches a corrupted database file and names the recovery path', () => {
    const size = statSync(dbFile).size;
    const fd = openSync(dbFile, 'r+');
    // Overwrite everything after the header page with garbage, as a failing disk would.
    writeSync(fd, Buffer.alloc(Math.max(size - 4096, 4096), 0xa5), 0, undefined, 4096);
    writeSync(fd, Buffer.from('garbage!'), 0, 8, 0);
    closeSync(fd);
    const r = health();
    expect(r.ok).toBe(false);
    expect(byName(r, 'database')).toMatchObject({ status: 'fail' });
    expect(byName(r, 'database')?.message_zh).toMatch(/备份恢复/);
  });

  it('catches an edited audit entry', () => {
    const db = openDatabase(dbFile, 'kiosk');
    appendAudit(db, { at: 't1', actor: 'system', action: 'a', subject: null, details: {} });
    appendAudit(db, { at: 't2', actor: 'system', action: 'b', subject: null, details: {} });
    db.close();
    const raw = openKioskFile(dbFile);
    raw.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET action = 'x' WHERE seq = 1");
    raw.close();
    expect(byName(health(), 'audit')).toMatchObject({ status: 'fail' });
  });

  it('refuses a bad configuration file without changing anything', () => {
    const db = openDatabase(dbFile, 'kiosk');
    const before = readKioskConfig(db);
    const r = importKioskConfig(db, { ...CONFIG, devices: { ...CONFIG.devices, idReader: { transport: 'usb', path: '' } } }, () => true);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message_zh).toMatch(/未做任何修改/);
    expect(readKioskConfig(db)).toEqual(before);
    expect(importKioskConfig(db, { ...CONFIG, courtId: 'nowhere' }, () => false).ok).toBe(false);
    db.close();
  });

  it('round-trips a configuration through the CLI between two kiosks, without identity', async () => {
    const file = join(dir.path, 'config.json');
    writeFileSync(file, JSON.stringify(CONFIG));
    const a = join(dir.path, 'a');
    const b = join(dir.path, 'b');
    expect((await yzt(['admin', 'import-config', file, '--data', a])).code).toBe(0);
    const exported = await yzt(['admin', 'export-config', '--data', a]);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toEqual(CONFIG);
    expect(exported.stdout).not.toMatch(/device\.id|keySecret|credential/i);
    writeFileSync(file, exported.stdout);
    expect((await yzt(['admin', 'import-config', file, '--data', b])).code).toBe(0);
    expect(JSON.parse((await yzt(['admin', 'export-config', '--data', b])).stdout)).toEqual(CONFIG);
    const verify = await yzt(['audit', 'verify', '--data', b, '--json']);
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, entries: 1 });
    const h = await yzt(['health', '--data', b, '--json']);
    expect(JSON.parse(h.stdout).checks.find((c: { name: string }) => c.name === 'id-reader').status).toBe('fail');
    expect(h.code).toBe(1);
  });
});

describe('log export', () => {
  it('copies the current and rotated logs for IT staff', async () => {
    const d = tempDir();
    const data = join(d.path, 'kiosk');
    const { createLogger } = await import('../../../src-main/log/logger.js');
    const log = createLogger({ file: join(data, 'logs', 'kiosk.log'), maxBytes: 300, keep: 3 });
    for (let i = 0; i < 20; i++) log.info('test.event', { i });
    const r = await yzt(['admin', 'export-logs', '--data', data, '--out', join(d.path, 'export')]);
    expect(r.code).toBe(0);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(join(d.path, 'export')).sort()).toEqual(['kiosk.log', 'kiosk.log.1', 'kiosk.log.2', 'kiosk.log.3']);
    d.cleanup();
  });
});
