/**
 * The whole sync path with the central gateway on PostgreSQL: enrolment, numbering from two
 * kiosks, and a clerk's status change pulled back down. Skipped (with a note) without
 * YZT_TEST_PG_URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentral, type CentralHandle } from '../../../src-main/central/central-server.js';
import type { FilingUpdate } from '../../../src-main/sync/outbox-store.js';
import { findCaseStatus } from '../../../src-main/sync/case-status-store.js';
import { tempDir } from '../../support/tmp.js';
import { enrol, openKiosk, quietLog, seqOf, settled, submit, type TestKiosk } from '../sync/support.js';
import { PG_SKIP_NOTE, PG_URL, dropSchema, freshDatabase, freshSchema } from './pg-support.js';
import { spawnYzt } from '../../../src-main/proc/spawn-yzt.js';

if (!PG_URL) console.warn(PG_SKIP_NOTE);

describe.skipIf(!PG_URL)('sync with the central gateway on PostgreSQL', () => {
  const schema = freshSchema();
  const dir = tempDir();
  let central: CentralHandle;
  const kiosks: TestKiosk[] = [];

  beforeAll(async () => {
    central = await startCentral({ pgUrl: PG_URL, pgSchema: schema, port: 0, log: quietLog, recheckMs: 50 });
  });
  afterAll(async () => {
    for (const k of kiosks) await k.close();
    await central.close();
    await dropSchema(schema);
    dir.cleanup();
  });

  it('numbers filings of two kiosks gaplessly and brings a returned case back down', async () => {
    for (const name of ['pgaaaaaa', 'pgbbbbbb']) {
      const k = openKiosk(dir.path, name, null);
      await enrol(k, central.store, central.url);
      k.sync.start();
      kiosks.push(k);
    }
    const [a, b] = kiosks as [TestKiosk, TestKiosk];
    const views = Array.from({ length: 10 }, (_, i) => ({ k: i % 2 ? a : b, v: submit(i % 2 ? a : b) }));
    const done = await Promise.all(views.map(({ k, v }) => settled(k, v.id)));
    expect(done.map((d) => seqOf(d.officialNo!)).sort((x, y) => x - y)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    const target = done[0]!;
    const owner = views[0]!.k;
    const returned = new Promise<FilingUpdate>((resolve) => owner.sync.on('filing.updated', (x) => x.id === target.id && x.statusReason_zh && resolve(x)));
    expect((await central.store.applyCaseAction({ action: 'return', number: target.officialNo!, reasons_zh: ['金额与判决不符'] }, new Date())).ok).toBe(true);
    expect((await returned).statusReason_zh).toBe('金额与判决不符');
    expect(findCaseStatus(owner.db, target.provisionalNo)?.status).toBe('returned');
  });

  it('runs as `yzt central serve --pg URL`', { timeout: 60_000 }, async () => {
    const db = await freshDatabase();
    const p = await spawnYzt(['central', 'serve', '--port', '0', '--pg', db.url], /listening on (http:\/\/\S+) \(postgres\)/);
    try {
      expect(await (await fetch(`${p.ready[1]}/v1/health`)).json()).toMatchObject({ ok: true, protocol: 2 });
    } finally {
      await p.stop();
      await db.drop();
    }
  });
});
