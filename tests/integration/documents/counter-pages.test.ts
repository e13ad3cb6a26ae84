/**
 * Counter terminal B (its own kiosk database) shows the pages of a filing made at kiosk A,
 * fetched from the central by the court token and kept locally; the signed reception scan
 * attached at A goes up and B shows it too; another court's token gets nothing; offline, B
 * says so in the page's place. SQLite and PostgreSQL centrals alike.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startCentral, type CentralHandle } from '../../../src-main/central/central-server.js';
import { issueCourtToken } from '../../../src-main/central/court-auth.js';
import { createLogger } from '../../../src-main/log/logger.js';
import { writeSetting } from '../../../src-main/kiosk/settings.js';
import { SyncEngine } from '../../../src-main/sync/sync-engine.js';
import { findCourt } from '../../../src-shared/courts/court-profile.js';
import { HEADER_FILING, HEADER_SHA256 } from '../../../src-shared/sync/protocol.js';
import type { FilingView } from '../../../src-shared/domain/filing.js';
import type { StoredDocument } from '../../../src-main/filings/document-store.js';
import { APPLICANT } from '../../support/fixtures.js';
import { tempDir } from '../../support/tmp.js';
import { counterBench, RECEPTION, type CounterBench } from '../counter/support.js';
import { enrol } from '../sync/support.js';
import { STORES, allUploaded, fileWithPages, freshSchema, localBytes, pageDataUrl } from './support.js';

const court = findCourt('jiaozuo-shanyang')!;
const other = findCourt('wuzhi')!;
const A = 'aaaaaaaa-0000-4000-8000-000000000000';
const B = 'bbbbbbbb-0000-4000-8000-000000000000';
const DEAD = 'http://127.0.0.1:9';

const bytesOf = (dataUrl: string | null) => Buffer.from(dataUrl!.split(',')[1]!, 'base64');

for (const kind of STORES) {
  describe.skipIf(kind.skip)(`pages on another counter terminal (${kind.name})`, () => {
    const dir = tempDir('yzt-counter-pages-');
    const schema = freshSchema();
    const logged: string[] = [];
    const log = createLogger({ level: 'debug', sink: logged });
    let central: CentralHandle;
    let courtToken = '';
    let otherToken = '';
    let bUrl = '';
    let a: CounterBench;
    let b: CounterBench;
    let kioskSync: SyncEngine;
    let ta = '';
    let tb = '';
    let filing: FilingView;
    let pages: StoredDocument[];

    const get = (token: string, id: string) => fetch(`${central.url}/v1/court/documents/${id}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

    beforeAll(async () => {
      central = await startCentral({ ...kind.choice(dir.path, schema), port: 0, log, adminToken: 'admin-token' });
      const t = await issueCourtToken(central.store, court.id, new Date());
      const o = await issueCourtToken(central.store, other.id, new Date());
      if (!t.ok || !o.ok) throw new Error('court token');
      courtToken = t.token;
      otherToken = o.token;
      bUrl = central.url;
      a = counterBench({ court, now: () => new Date(), log, deviceId: A, sync: { centralUrl: () => central.url, token: () => courtToken, baseDelayMs: 20, maxDelayMs: 100 } });
      b = counterBench({ court, now: () => new Date(), log, deviceId: B, sync: { centralUrl: () => bUrl, token: () => courtToken, baseDelayMs: 20, maxDelayMs: 100 } });
      // A is a kiosk too: its sync engine pushes the filing and uploads its pages.
      writeSetting(a.db, 'device.id', A);
      await enrol(a, central.store, central.url);
      kioskSync = new SyncEngine({ db: a.db, deviceId: A, courtCode: court.code, centralUrl: central.url, log, baseDelayMs: 20, maxDelayMs: 200, watchdogMs: 200, pullWaitMs: 1_000 });
      kioskSync.start();
      ta = await a.clerk('wang', 'reception');
      tb = await b.clerk('zhao', 'reception');
      ({ filing, pages } = fileWithPages(a.db, a.filings, new Date()));
      kioskSync.kick();
      await allUploaded(a.db, filing.id);
    });
    afterAll(async () => {
      await kioskSync?.stop();
      await a?.close();
      await b?.close();
      await central?.close();
      await kind.done(schema);
      dir.cleanup();
    });

    it('B lists the pages of the filing made at A, fetches one from the central and keeps it', async () => {
      await b.sync.flush();
      expect(b.counter.detail(tb, filing.id).documents.map((d) => [d.id, d.kind])).toEqual(pages.map((p) => [p.id, p.kind]));
      const shown = await b.counter.document(tb, pages[0]!.id, filing.id);
      expect(bytesOf(shown.dataUrl).equals(localBytes(a.db, pages[0]!.id))).toBe(true);
      const kept = b.db.prepare('SELECT bytes, sha256, uploaded_at FROM documents WHERE id = ?').get(pages[0]!.id) as { bytes: Buffer; sha256: string; uploaded_at: string | null };
      expect([kept.sha256, kept.uploaded_at !== null]).toEqual([pages[0]!.sha256, true]);
      // Kept: shown again with the central out of reach.
      bUrl = DEAD;
      expect(bytesOf((await b.counter.document(tb, pages[0]!.id, filing.id)).dataUrl).equals(kept.bytes)).toBe(true);
      bUrl = central.url;
    });

    it('offline, a page B does not hold says so in its place, and shows once the central answers again', async () => {
      bUrl = DEAD;
      expect(await b.counter.document(tb, pages[1]!.id, filing.id)).toMatchObject({ dataUrl: null, message_zh: '法院系统暂时无法连接，页面图像稍后可看' });
      bUrl = central.url;
      expect(bytesOf((await b.counter.document(tb, pages[1]!.id, filing.id)).dataUrl).equals(localBytes(a.db, pages[1]!.id))).toBe(true);
    });

    it('keeps each court to its own pages', async () => {
      expect((await get(otherToken, pages[0]!.id)).status).toBe(404);
      expect((await get('', pages[0]!.id)).status).toBe(403);
      const mine = await get(courtToken, pages[0]!.id);
      expect([mine.status, mine.headers.get(HEADER_SHA256)]).toEqual([200, pages[0]!.sha256]);
      const scan = Buffer.from(bytesOf(pageDataUrl('image/png')));
      const put = await fetch(`${central.url}/v1/court/documents/00000000-0000-4000-8000-0000000000aa`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${otherToken}`, 'content-type': 'image/png', [HEADER_FILING]: filing.id, [HEADER_SHA256]: 'x' },
        body: new Uint8Array(scan),
      });
      expect([put.status, ((await put.json()) as { error: string }).error]).toEqual([422, 'sha256-mismatch']);
    });

    it('sends the signed reception scan attached at A to the central, and B shows it', async () => {
      a.counter.saveReception(ta, filing.id, RECEPTION);
      await a.counter.printReception(ta, filing.id);
      const scan = pageDataUrl('image/png');
      const scanId = (await a.counter.attachScan(ta, filing.id, scan)).reception?.scanId;
      expect(scanId).toBeTruthy();
      await a.sync.flush();
      const stored = await central.store.getDocument(scanId!);
      expect([stored?.kind, stored?.filingId, stored?.data.equals(bytesOf(scan))]).toEqual(['reception-scan', filing.id, true]);
      expect(a.db.prepare('SELECT scan_uploaded_at FROM counter_receptions WHERE filing_id = ?').pluck().get(filing.id)).not.toBeNull();

      await b.sync.flush();
      await vi.waitFor(() => expect(b.counter.detail(tb, filing.id).reception?.scanId).toBe(scanId));
      expect(bytesOf((await b.counter.document(tb, scanId!, filing.id)).dataUrl).equals(bytesOf(scan))).toBe(true);
      // Another court's token may not attach a scan to this court's case.
      const put = await fetch(`${central.url}/v1/court/documents/00000000-0000-4000-8000-0000000000ab`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${otherToken}`, 'content-type': 'image/png', [HEADER_FILING]: filing.id, [HEADER_SHA256]: stored!.sha256 },
        body: new Uint8Array(bytesOf(scan)),
      });
      expect(put.status).toBe(403);
    });

    it('logs no page bytes and no applicant data', () => {
      const text = logged.join('\n');
      expect(text).toMatch(/counter\.document\.fetched/);
      for (const secret of [APPLICANT.name, APPLICANT.idNumber, '/9j/', 'iVBOR']) expect(text).not.toContain(secret);
    });
  });
}
