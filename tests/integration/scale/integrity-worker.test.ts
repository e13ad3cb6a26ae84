/**
 * The deep check (quick_check and the audit chain) runs in a worker on its own connection,
 * so the kiosk's main thread never reads every page; a damaged database found there stops new
 * filings with words for the applicant.
 */
import { openSync, writeSync, closeSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startKioskApp, type KioskApp } from '../../../src-main/app/kiosk-app.js';
import { IntegrityMonitor } from '../../../src-main/db/integrity-monitor.js';
import { createLogger } from '../../../src-main/log/logger.js';
import { kioskDbFile } from '../../../src-main/paths.js';
import { filingDraftSchema } from '../../../src-shared/domain/filing.js';
import { draft } from '../../support/fixtures.js';
import { tempDir } from '../../support/tmp.js';

describe('integrity check off the main thread', () => {
  const dirs: Array<ReturnType<typeof tempDir>> = [];
  const apps: KioskApp[] = [];
  afterEach(async () => {
    for (const a of apps.splice(0)) await a.close();
    for (const d of dirs.splice(0)) d.cleanup();
  });

  const kiosk = async (): Promise<{ dir: string; app: KioskApp; lines: string[] }> => {
    const dir = tempDir('yzt-integrity-');
    dirs.push(dir);
    const lines: string[] = [];
    const app = await startKioskApp({ dataDir: dir.path, shell: 'host', log: createLogger({ level: 'debug', sink: lines }), reader: null, printerPath: null });
    apps.push(app);
    return { dir: dir.path, app, lines };
  };

  it('reports a sound database, with the audit chain, from a worker', async () => {
    const { dir } = await kiosk();
    const monitor = new IntegrityMonitor({ dbFile: kioskDbFile(dir), log: createLogger({ level: 'error' }) });
    const check = await monitor.runNow();
    expect(check?.quickCheck).toEqual(['ok']);
    expect(check?.audit.ok).toBe(true);
    expect(monitor.latest).toBe(check);
    await monitor.stop();
  });

  it('a check asked for while one runs is a new one, shared by everyone who asks meanwhile', async () => {
    const { dir } = await kiosk();
    const monitor = new IntegrityMonitor({ dbFile: kioskDbFile(dir), log: createLogger({ level: 'error' }) });
    let checks = 0;
    monitor.on('checked', () => checks++);
    const first = monitor.runNow();
    const second = monitor.runNow();
    const third = monitor.runNow();
    expect(third).toBe(second);
    expect(second).not.toBe(first);
    await Promise.all([first, second, third]);
    // The first may have read the file before the caller's change; the second starts after it.
    expect(checks).toBe(2);
    await monitor.stop();
  });

  it('a page damaged on disk is found, and the kiosk then refuses new filings in plain words', async () => {
    const { dir, app, lines } = await kiosk();
    // Grow the file past its first pages, then overwrite one in the middle: open still works.
    app.db.exec("CREATE TABLE filler (x BLOB); INSERT INTO filler SELECT randomblob(4000) FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) SELECT i FROM n)");
    app.db.pragma('wal_checkpoint(TRUNCATE)');
    const file = kioskDbFile(dir);
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 20, 0x5a), 0, 4096 * 20, Math.floor(statSync(file).size / 2 / 4096) * 4096);
    closeSync(fd);
    const problem = new Promise((r) => app.integrity.on('problem', r));
    await app.integrity.runNow();
    expect(await problem).toMatch(/database|unreadable/);
    const refused = await Promise.resolve()
      .then(() => app.handlers['filing.submit'](filingDraftSchema.parse(draft())))
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'kiosk.out-of-service', message_zh: '本机暂时不能受理申请，请到窗口办理或呼叫工作人员' });
    expect(lines.join('\n')).toMatch(/kiosk\.db-damaged/);
  });
});
