/**
 * SIGTERM to a real central process (`yzt central serve`) while a kiosk pushes: the central
 * lets the running requests answer, takes no new ones, closes its store and exits 0. No push
 * is answered 500 (as one was when the store closed under it: "Cannot use a pool after calling
 * end on the pool"), and a central started again on the same store finishes the queue with
 * every filing numbered once, gaplessly. On SQLite, and on PostgreSQL when YZT_TEST_PG_URL is set.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { spawnYzt, type YztProcess } from '../../../src-main/proc/spawn-yzt.js';
import { openCentralStore } from '../../../src-main/central/open-store.js';
import type { CentralStore } from '../../../src-main/central/store.js';
import { createLogger } from '../../../src-main/log/logger.js';
import { fileLoadtestFilings } from '../../../src-main/sync/loadtest-filings.js';
import { checkNumbering } from '../../../src-main/sync/loadtest.js';
import { tempDir } from '../../support/tmp.js';
import { court, enrol, openKiosk, statusWhere, type TestKiosk } from '../sync/support.js';
import { PG_SKIP_NOTE, PG_URL, freshDatabase } from './pg-support.js';

if (!PG_URL) console.warn(PG_SKIP_NOTE);

for (const kind of ['sqlite', 'postgres'] as const) {
  describe.skipIf(kind === 'postgres' && !PG_URL)(`SIGTERM to the central on ${kind} during pushes`, () => {
    const cleanups: (() => Promise<void> | void)[] = [];
    afterEach(async () => {
      for (const c of cleanups.splice(0).reverse()) await c();
    });

    it('drains running requests, exits 0, and loses or repeats nothing', async () => {
      const dir = tempDir('yzt-central-sigterm-');
      cleanups.push(() => dir.cleanup());
      const pg = kind === 'postgres' ? await freshDatabase() : null;
      if (pg) cleanups.push(() => pg.drop());
      const storeArgs = pg ? ['--pg', pg.url] : ['--db', join(dir.path, 'central.sqlite')];
      const serve = () => spawnYzt(['central', 'serve', '--port', '0', ...storeArgs], /listening on (http:\/\/\S+)/);
      let central: YztProcess = await serve();
      cleanups.push(() => void central.stop('SIGKILL'));
      const store: CentralStore = await openCentralStore(pg ? { pgUrl: pg.url } : { dbFile: join(dir.path, 'central.sqlite') });
      cleanups.push(() => store.close());

      const kioskLog: string[] = [];
      const k: TestKiosk = openKiosk(dir.path, 'sigterm0', central.ready[1]!, { pull: false, batchCount: 20, baseDelayMs: 20, maxDelayMs: 100, log: createLogger({ sink: kioskLog }) });
      cleanups.push(() => k.close());
      await enrol(k, store, central.ready[1]!);
      fileLoadtestFilings(k.db, { deviceId: k.deviceId, court, count: 300, log: createLogger({ sink: [] }) });

      k.sync.start();
      await statusWhere(k, (s) => s.queueDepth < 280);
      expect(await central.stop('SIGTERM')).toBe(0);
      await statusWhere(k, (s) => s.lastErrorCode !== null);
      await k.sync.stop();

      expect(central.output.filter((l) => /central\.request\.failed|Cannot use a pool/.test(l))).toEqual([]);
      const failures = kioskLog.filter((l) => l.includes('sync.push.failed'));
      expect(failures.filter((l) => l.includes('"internal"'))).toEqual([]);

      central = await serve();
      k.sync.setCentralUrl(central.ready[1]!);
      k.sync.start();
      await statusWhere(k, (s) => s.queueDepth === 0);
      expect(await checkNumbering(store, [k.db])).toEqual([]);
      expect((await store.numberedCases()).length).toBe(300);
    }, 120_000);
  });
}
