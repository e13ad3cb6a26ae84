/**
 * Pages of a numbered filing while the central is down: a real `yzt central serve` process is
 * killed, the kiosk restarts and tries to upload, the pages wait in its database, and once the
 * central is started again on the same port the backoff delivers them, bytes intact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { spawnYzt, type YztProcess } from '../../../src-main/proc/spawn-yzt.js';
import { SqliteCentralStore } from '../../../src-main/central/sqlite-store.js';
import { issueEnrolCode } from '../../../src-main/central/enrolment.js';
import { enrolKiosk } from '../../../src-main/sync/enrol-kiosk.js';
import { pendingUploads } from '../../../src-main/sync/document-upload.js';
import { tempDir } from '../../support/tmp.js';
import { court, openKiosk, settled, type TestKiosk } from '../sync/support.js';
import { allUploaded, fileWithPages, localBytes } from './support.js';

describe('page uploads while the central is down', () => {
  const dir = tempDir('yzt-pages-restart-');
  const centralDb = join(dir.path, 'central.sqlite');
  let central: YztProcess | null = null;
  let url = '';
  let kiosk: TestKiosk | null = null;

  const serve = async (port: number) => {
    central = await spawnYzt(['central', 'serve', '--port', String(port), '--db', centralDb], /listening on (http:\/\/\S+)/);
    url = central.ready[1]!;
  };

  beforeAll(async () => {
    const store = new SqliteCentralStore(centralDb);
    const issued = await issueEnrolCode(store, court.id, new Date());
    await store.close();
    if (!issued.ok) throw new Error('enrol code');
    await serve(0);
    kiosk = openKiosk(dir.path, 'kioskrst', url, { uploadDocuments: false });
    const enrolled = await enrolKiosk(kiosk.db, { centralUrl: url, code: issued.code });
    if (!enrolled.ok) throw new Error(enrolled.message_en);
  });
  afterAll(async () => {
    await kiosk?.close();
    await central?.stop();
    dir.cleanup();
  });

  it('keeps the pages while the central is killed and uploads them by the backoff once it is back', { timeout: 60_000 }, async () => {
    // Numbered, but the pages not sent yet (as if the kiosk stopped right after the push).
    kiosk!.sync.start();
    const { filing, pages } = fileWithPages(kiosk!.db, kiosk!.service, new Date());
    kiosk!.sync.kick();
    expect((await settled(kiosk!, filing.id)).officialNo).toBeTruthy();
    expect(pendingUploads(kiosk!.db)).toBe(2);
    await kiosk!.close();

    const port = Number(new URL(url).port);
    await central!.stop('SIGKILL');
    central = null;
    kiosk = openKiosk(dir.path, 'kioskrst', url);
    const waiting = new Promise<{ code: string }>((resolve) => kiosk!.sync.once('document.waiting', resolve));
    kiosk.sync.start();
    expect((await waiting).code).toBe('unreachable');
    expect(pendingUploads(kiosk.db)).toBe(2);
    // IT staff see the backlog in the sync status (admin mode).
    expect(kiosk.sync.status().pagesPending).toBe(2);

    await serve(port);
    // No kick: the backoff timer the failed upload left finds the central again.
    await allUploaded(kiosk.db, filing.id, 20_000);
    expect(kiosk.sync.status().pagesPending).toBe(0);
    await kiosk.close();
    kiosk = null;
    await central!.stop();
    central = null;
    const store = new SqliteCentralStore(centralDb);
    try {
      for (const p of pages) {
        const db = openKiosk(dir.path, 'kioskrst', null);
        try {
          expect((await store.getDocument(p.id))?.data.equals(localBytes(db.db, p.id))).toBe(true);
        } finally {
          await db.close();
        }
      }
    } finally {
      await store.close();
    }
  });
});
