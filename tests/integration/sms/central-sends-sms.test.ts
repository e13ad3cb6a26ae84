/**
 * A real `yzt central serve` configured (--sms FILE) against the CMPP simulator, on SQLite and
 * on PostgreSQL: a kiosk files with SMS consent, the court accepts over HTTP, the simulator
 * receives the 受理 SMS with the official number once; a refused submit is retried; a message
 * queued while the gateway was unreachable is sent once after the central restarts; the secret
 * never reaches the log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnYzt, type YztProcess } from '../../../src-main/proc/spawn-yzt.js';
import { SqliteCentralStore } from '../../../src-main/central/sqlite-store.js';
import { PgCentralStore } from '../../../src-main/central/pg-store.js';
import type { CentralStore } from '../../../src-main/central/store.js';
import { issueCourtToken } from '../../../src-main/central/court-auth.js';
import { tempDir } from '../../support/tmp.js';
import { draft } from '../../support/fixtures.js';
import { court, enrol, openKiosk, settled, submit, type TestKiosk } from '../sync/support.js';
import { PG_SKIP_NOTE, PG_URL, freshDatabase } from '../central/pg-support.js';
import { CmppSimulator } from '../../support/cmpp-sim/simulator.js';
import type { SmsHistoryEntry, SmsSilentResponse } from '../../../src-shared/sync/sms.js';

if (!PG_URL) console.warn(PG_SKIP_NOTE);

const SECRET = 'Sms-Secret-Not-For-Logs';
const PHONE = '13912345678';

const backends = [
  { name: 'SQLite', skip: false },
  { name: 'PostgreSQL', skip: !PG_URL },
];

for (const backend of backends) {
  describe.skipIf(backend.skip)(`progress SMS from a real central on ${backend.name}`, () => {
    const dir = tempDir();
    const sim = new CmppSimulator({ sourceAddr: '901234', secret: SECRET });
    let storeArgs: string[];
    let openStore: () => Promise<CentralStore>;
    let dropDb: (() => Promise<void>) | null = null;
    let central: YztProcess | null = null;
    let url = '';
    let token = '';
    let kiosk: TestKiosk;
    const smsFile = join(dir.path, 'sms.json');

    const writeSmsConfig = (port: number) =>
      writeFileSync(smsFile, JSON.stringify({ host: '127.0.0.1', port, sourceAddr: '901234', serviceId: 'YZTFY', srcId: '10690811', retryBaseMs: 100, retryMaxMs: 400, pollMs: 100, responseTimeoutMs: 3000, activeTestMs: 0 }));
    // A restart keeps the port, so the enrolled kiosk finds the central again.
    const startCentral = async (port = '0') => {
      central = await spawnYzt(['central', 'serve', '--port', port, ...storeArgs, '--sms', smsFile], /listening on (http:\/\/\S+)/, { env: { YZT_SMS_SECRET: SECRET } });
      url = central.ready[1]!;
    };
    const court$ = async (method: string, path: string, body?: unknown) => {
      const r = await fetch(`${url}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
      return { status: r.status, json: (await r.json()) as Record<string, unknown> };
    };
    const fileWithConsent = async (progressSms = true) => {
      const v = submit(kiosk, draft({ applicantPhone: PHONE, consent: { kioskFiling: true, personalData: true, progressSms } }));
      return (await settled(kiosk, v.id)).officialNo!;
    };

    beforeAll(async () => {
      await sim.start();
      writeSmsConfig(sim.port);
      if (backend.name === 'SQLite') {
        const file = join(dir.path, 'central.sqlite');
        storeArgs = ['--db', file];
        openStore = async () => new SqliteCentralStore(file);
      } else {
        const db = await freshDatabase();
        dropDb = db.drop;
        storeArgs = ['--pg', db.url];
        openStore = () => PgCentralStore.open(db.url, { max: 2 });
      }
      await startCentral();
      const store = await openStore();
      kiosk = openKiosk(dir.path, backend.name === 'SQLite' ? 'smsaaaaa' : 'smsbbbbb', null);
      await enrol(kiosk, store, url);
      const issued = await issueCourtToken(store, court.id, new Date(), '窗口1');
      if (!issued.ok) throw new Error(issued.message_en);
      token = issued.token;
      await store.close();
      kiosk.sync.start();
    }, 60_000);

    afterAll(async () => {
      await kiosk?.close();
      await central?.stop();
      await sim.stop();
      await dropDb?.();
      dir.cleanup();
    });

    it('accepting a consented filing sends the 受理 SMS with the official number, once, and the history shows it masked', async () => {
      const officialNo = await fileWithConsent();
      expect((await court$('POST', '/v1/court/case', { action: 'accept', number: officialNo })).status).toBe(200);
      const [sms] = await sim.waitFor(1);
      expect(sms).toMatchObject({ phone: PHONE, srcId: '10690811', serviceId: 'YZTFY', sourceAddr: '901234' });
      expect(sms!.text).toBe(`【焦作市山阳区人民法院】您的执行申请已受理，案号${officialNo}。可凭案号在自助终端或执行立案窗口查询进度。`);
      const history = await court$('GET', `/v1/court/sms/history?number=${encodeURIComponent(officialNo)}`);
      await central!.waitFor(/central\.sms\.sent/);
      const messages = (await court$('GET', `/v1/court/sms/history?number=${encodeURIComponent(officialNo)}`)).json.messages as SmsHistoryEntry[];
      expect(history.status).toBe(200);
      expect(messages).toEqual([expect.objectContaining({ event: 'accepted', state: 'sent', phoneMasked: '139****5678', attempts: 1 })]);
      expect(sim.received.filter((m) => m.text.includes(officialNo))).toHaveLength(1);
      expect(central!.output.join('\n')).not.toContain(SECRET);
      expect(central!.output.join('\n')).not.toContain(PHONE);
    });

    it('a submit the gateway refuses is tried again and received once', async () => {
      const officialNo = await fileWithConsent();
      const refusedBefore = sim.refusedSubmits;
      const before = sim.received.length;
      sim.failSubmits(1, 8);
      await court$('POST', '/v1/court/case', { action: 'accept', number: officialNo });
      await sim.waitFor(before + 1);
      expect(sim.refusedSubmits).toBe(refusedBefore + 1);
      expect(sim.received.filter((m) => m.text.includes(officialNo)).map((m) => m.text)).toEqual([expect.stringContaining('已受理')]);
      await court$('POST', '/v1/court/case', { action: 'return', number: officialNo, reasons_zh: ['缺少生效证明'] });
      const returned = (await sim.waitFor(before + 2)).filter((m) => m.text.includes(officialNo) && m.text.includes('已退回'));
      expect(returned.map((m) => m.text)).toEqual([expect.stringContaining('原因：缺少生效证明')]);
    });

    it('a message queued while the gateway is down is sent once after the central restarts', async () => {
      const officialNo = await fileWithConsent();
      await sim.stop();
      await court$('POST', '/v1/court/case', { action: 'accept', number: officialNo });
      await central!.waitFor(/central\.sms\.retry/);
      await central!.stop();
      await sim.start();
      writeSmsConfig(sim.port);
      await startCentral(new URL(url).port);
      const got = (await sim.waitFor(sim.received.length + 1)).filter((m) => m.text.includes(officialNo));
      expect(got).toHaveLength(1);
      await central!.waitFor(/central\.sms\.sent/);
      const messages = (await court$('GET', `/v1/court/sms/history?number=${encodeURIComponent(officialNo)}`)).json.messages as SmsHistoryEntry[];
      expect(messages.map((m) => m.state)).toEqual(['sent']);
      expect(sim.received.filter((m) => m.text.includes(officialNo))).toHaveLength(1);
    });

    it('templates are the court’s to edit, a personal-data template is refused, and the monitoring list answers', async () => {
      const put = await court$('PUT', '/v1/court/sms/templates', { templates: [{ event: 'assigned', enabled: false, template: '【{{法院}}】案件{{案号}}{{状态}}。' }] });
      expect(put.status).toBe(200);
      expect((put.json.templates as { event: string; enabled: boolean }[]).find((t) => t.event === 'assigned')!.enabled).toBe(false);
      const bad = await court$('PUT', '/v1/court/sms/templates', { templates: [{ event: 'closed', enabled: true, template: '申请人{{姓名}}的案件{{案号}}已结案' }] });
      expect(bad.status).toBe(400);
      expect(bad.json.message_zh).toContain('{{姓名}}');
      const refused = await fileWithConsent(false);
      await court$('POST', '/v1/court/case', { action: 'accept', number: refused });
      const silent = await court$('GET', '/v1/court/sms/silent?days=0');
      expect(silent.status).toBe(200);
      expect((silent.json as unknown as SmsSilentResponse).court).toBe(court.code);
      expect((silent.json as unknown as SmsSilentResponse).cases.find((c) => c.officialNo === refused)).toMatchObject({ status: 'accepted', consent: false, lastToldAt: null });
      expect(sim.received.some((m) => m.text.includes(refused))).toBe(false);
    });
  });
}
