/**
 * Two counter terminals of one court (two kiosk databases, two counter services) on one real
 * central over HTTP, on SQLite and on PostgreSQL: a correction, a first-reception record with
 * its signed scan, and a no-reception reason made on A show on B after sync, under the name of
 * A's court token with the clerk A named beside it; a resend is stored once; the record the
 * central took last is what both show, whatever the terminals' clocks say; one court's token
 * neither reads nor writes another court's records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentral, type CentralHandle } from '../../../src-main/central/central-server.js';
import { hashToken, issueCourtToken } from '../../../src-main/central/court-auth.js';
import { hashCode, issueEnrolCode } from '../../../src-main/central/enrolment.js';
import { createLogger } from '../../../src-main/log/logger.js';
import { findCourt } from '../../../src-shared/courts/court-profile.js';
import { filingDraftSchema, type FilingRecord, type FilingView } from '../../../src-shared/domain/filing.js';
import type { ClerkRecord, ClerkRecordsPullResponse, ClerkRecordsPushResponse } from '../../../src-shared/sync/protocol.js';
import { APPLICANT, draft } from '../../support/fixtures.js';
import { fixedClock, tempDir } from '../../support/tmp.js';
import { STORES, freshSchema } from '../central/pg-support.js';
import { counterBench, PNG_1PX, RECEPTION, type CounterBench, verifyAll } from './support.js';
import { filedFields } from '../../../src-main/counter/case-fields.js';
import { pullRecords } from '../../../src-main/counter/record-sync.js';

const court = findCourt('jiaozuo-shanyang')!;
const other = findCourt('wuzhi')!;
for (const kind of STORES) {
  describe.skipIf(kind.skip)(`clerk records between two counter terminals (${kind.name})`, () => {
    const dir = tempDir('yzt-records-');
    const schema = freshSchema();
    let central: CentralHandle;
    let courtToken = '';
    let tokenB = '';
    /** A's own sync has its token only while this is true (a test holds A's records back). */
    let aSyncs = true;
    let otherToken = '';
    let a: CounterBench;
    let b: CounterBench;
    let ta = '';
    let tb = '';
    /** What B's sync announced (the app pushes it to the screen as counter.changed). */
    const pulledOnB: string[][] = [];
    const clockA = fixedClock(new Date(Date.now() - 60_000).toISOString());
    const clockB = fixedClock(new Date(Date.now() - 60_000).toISOString());
    const filings: FilingView[] = [];
    // Everything the central and both counters log, to check that no personal data is in it.
    const logged: string[] = [];
    const log = createLogger({ level: 'debug', sink: logged });

    const post = (token: string, path: string, body: unknown) =>
      fetch(`${central.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    const get = (token: string, path: string) => fetch(`${central.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

    beforeAll(async () => {
      central = await startCentral({ ...kind.choice(dir.path, schema), port: 0, log, adminToken: 'admin-token' });
      // Each counter PC has its own token, issued under the terminal's name.
      const t = await issueCourtToken(central.store, court.id, new Date(), '窗口1');
      const tb2 = await issueCourtToken(central.store, court.id, new Date(), '窗口2');
      const o = await issueCourtToken(central.store, other.id, new Date());
      if (!t.ok || !tb2.ok || !o.ok) throw new Error('court token');
      courtToken = t.token;
      tokenB = tb2.token;
      otherToken = o.token;
      const endpoint = { centralUrl: () => central.url, baseDelayMs: 20, maxDelayMs: 100 };
      a = counterBench({ court, now: clockA.now, log, deviceId: 'aaaaaaaa-0000-4000-8000-000000000000', sync: { ...endpoint, token: () => (aSyncs ? courtToken : null) } });
      b = counterBench({ court, now: clockB.now, log, deviceId: 'bbbbbbbb-0000-4000-8000-000000000000', sync: { ...endpoint, token: () => tokenB, onPulled: (ids) => pulledOnB.push(ids) } });
      ta = await a.clerk('wang', 'leader');
      tb = await b.clerk('zhao', 'leader');
      // Two filings made on A reach the central as A's kiosk sync would push them.
      const issued = await issueEnrolCode(central.store, court.id, new Date());
      if (!issued.ok) throw new Error('enrol code');
      await central.store.redeemEnrolCode(hashCode(issued.code), 'dev-a', 'secret', new Date());
      for (let i = 0; i < 2; i++) {
        const v = a.filings.submit(filingDraftSchema.parse(draft()), APPLICANT);
        filings.push(v);
        const filing = JSON.parse((a.db.prepare('SELECT record_json FROM filings WHERE id = ?').get(v.id) as { record_json: string }).record_json) as FilingRecord;
        await central.store.commitMutation({ deviceId: 'dev-a', courtCode: court.code, mutation: { mutationId: i + 1, kind: 'filing.create', filing }, rejection: null, now: new Date() });
      }
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await central?.close();
      await kind.done(schema);
      dir.cleanup();
    });

    it('shows on B the correction, the reception record with its scan, and the no-reception reason made on A', async () => {
      const [f1, f2] = [filings[0]!, filings[1]!];
      a.counter.verify(ta, f1.id, 'amount', 'corrected', '12000.00 元', '判决主文金额为一万二千元');
      a.counter.verify(ta, f1.id, 'parties', 'verified');
      a.counter.saveReception(ta, f1.id, RECEPTION);
      await a.counter.printReception(ta, f1.id);
      await a.counter.attachScan(ta, f1.id, PNG_1PX);
      a.counter.noReception(ta, f2.id, '申请人委托代理人到场，本人未到');
      await a.sync.flush();
      expect(a.sync.lastError).toBeNull();
      expect(a.db.prepare('SELECT count(*) AS n FROM clerk_record_outbox WHERE sent_at IS NULL').get()).toEqual({ n: 0 });

      pulledOnB.length = 0;
      await b.sync.flush();
      expect(b.sync.lastError).toBeNull();
      // B's open screens are told which filings changed, so they show A's work without a reopen.
      expect(pulledOnB.flat()).toEqual(expect.arrayContaining([f1.id, f2.id]));
      pulledOnB.length = 0;
      await b.sync.flush();
      expect(pulledOnB).toEqual([]);
      const seen = b.counter.detail(tb, f1.id);
      const onA = a.counter.detail(ta, f1.id);
      expect(seen.row.officialNo).toMatch(/执\d+号$/);
      expect(seen.fields.amount).toBe('12,000.00 元');
      expect(seen.verifications).toEqual(onA.verifications);
      // Both show who the central authenticated (A's token, 窗口1) with the clerk A named beside it.
      expect(seen.verifications[0]).toMatchObject({ field: 'amount', verdict: 'corrected', originalValue: onA.verifications[0]!.originalValue, reason: '判决主文金额为一万二千元', clerk: '窗口1（wang）' });
      expect(seen.reception).toMatchObject({ ...RECEPTION, printedAt: onA.reception!.printedAt, scanSha256: onA.reception!.scanSha256 });
      expect(seen.reception!.scanSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(seen.row.stage).toBe('received');
      expect(b.counter.detail(tb, f2.id).noReceptionReason).toBe('申请人委托代理人到场，本人未到');
      // B may now finish the case A received without reception: the reason is there.
      verifyAll(b.counter, tb, f2.id);
      expect(b.counter.done(tb, f2.id).row.stage).toBe('done');
    });

    it('stores a resent record once, and applying it again changes nothing', async () => {
      // B's "done" above went out in the background: let it land before counting.
      await Promise.all([a.sync.flush(), b.sync.flush()]);
      const rows = a.db.prepare('SELECT r.record_json FROM clerk_record_outbox o JOIN clerk_records r ON r.id = o.record_id ORDER BY o.seq').all() as Array<{ record_json: string }>;
      const records = rows.map((r) => JSON.parse(r.record_json) as ClerkRecord);
      const before = (await (await get(courtToken, '/v1/court/records?since=0')).json()) as ClerkRecordsPullResponse;
      const res = (await (await post(courtToken, '/v1/court/records', { records })).json()) as ClerkRecordsPushResponse;
      expect(res.results.map((r) => r.status)).toEqual(records.map(() => 'stored'));
      expect(res.results.map((r) => (r.status === 'stored' ? r.seq : 0))).toEqual(records.map((r) => before.records.find((s) => s.record.id === r.id)!.seq));
      const after = (await (await get(courtToken, '/v1/court/records?since=0')).json()) as ClerkRecordsPullResponse;
      expect(after.records.length).toBe(before.records.length);
      // Pulling everything again (cursor reset) leaves both views as they were.
      const trail = b.counter.detail(tb, filings[0]!.id).verifications.length;
      b.db.prepare('DELETE FROM counter_cursors').run();
      a.db.prepare('DELETE FROM counter_cursors').run();
      await Promise.all([a.sync.flush(), b.sync.flush()]);
      expect(b.counter.detail(tb, filings[0]!.id).verifications.length).toBe(trail);
      expect(a.counter.detail(ta, filings[0]!.id).verifications.length).toBe(trail);
    });

    // Before the central attested records this test had B's correction win because B's clock
    // said it was later, though the central took A's after it. A terminal's clock is only its
    // claim: one set fast (or a forged createdAt) would pin its value over every later
    // correction. The central's acceptance order is the one order all terminals share.
    it("shows the correction the central took last on both terminals, whatever the terminals' clocks say", async () => {
      const f1 = filings[0]!;
      // B has the filing (pulled from the central), whatever ran before.
      await b.sync.flush();
      // B's clock runs twenty minutes ahead of A's: by the clocks B's correction is the later one.
      clockA.advance(60_000);
      clockB.advance(20 * 60_000);
      b.counter.verify(tb, f1.id, 'basis-number', 'corrected', '（2025）豫0811民初2号', 'B 的更正');
      await b.sync.flush();
      a.counter.verify(ta, f1.id, 'basis-number', 'corrected', '（2025）豫0811民初1号', 'A 的更正');
      await a.sync.flush();
      await b.sync.flush();
      expect(a.counter.detail(ta, f1.id).fields['basis-number']).toBe('（2025）豫0811民初1号');
      expect(b.counter.detail(tb, f1.id).fields['basis-number']).toBe('（2025）豫0811民初1号');
      // Both corrections stay on the record, in the central's order, with its times.
      const trail = b.counter.detail(tb, f1.id).verifications.filter((v) => v.field === 'basis-number');
      expect(trail.map((v) => v.reason)).toEqual(['B 的更正', 'A 的更正']);
      expect(trail.map((v) => v.clerk)).toEqual(['窗口2（zhao）', '窗口1（wang）']);
      expect(trail[0]!.at < trail[1]!.at).toBe(true);
      expect(a.counter.detail(ta, f1.id).verifications).toEqual(b.counter.detail(tb, f1.id).verifications);
    });

    it("shows this terminal's own correction at once, provisionally, over what the central took before it", async () => {
      const f1 = filings[0]!;
      // B's correction reaches the central first; A corrects before it has pulled B's.
      await Promise.all([a.sync.flush(), b.sync.flush()]);
      aSyncs = false;
      b.counter.verify(tb, f1.id, 'amount', 'corrected', '11000.00 元', 'B 先更正');
      await b.sync.flush();
      a.counter.verify(ta, f1.id, 'amount', 'corrected', '10000.00 元', 'A 后更正');
      // A pulls (the sync's pull leg alone) before its own correction is sent: B's arrives, yet A
      // shows its own, by its signed-in clerk, since the central will take it after B's.
      const pulled = await pullRecords({ db: a.db, log, url: central.url, token: courtToken, court: court.code, now: clockA.now, applicantKey: (id) => a.filings.applicantKey(id) });
      expect(pulled).toMatchObject({ ok: true, filingIds: expect.arrayContaining([f1.id]) });
      const before = a.counter.detail(ta, f1.id);
      expect(before.verifications.map((v) => v.reason)).toContain('B 先更正');
      expect(before.fields.amount).toBe('10,000.00 元');
      expect(before.verifications.at(-1)).toMatchObject({ reason: 'A 后更正', clerk: 'wang' });
      expect(before.pendingSync).toBeGreaterThan(0);
      aSyncs = true;
      await a.sync.flush();
      await b.sync.flush();
      for (const [bench, token] of [[a, ta], [b, tb]] as const) {
        const d = bench.counter.detail(token, f1.id);
        expect(d.fields.amount).toBe('10,000.00 元');
        expect(d.verifications.at(-1)).toMatchObject({ reason: 'A 后更正', clerk: '窗口1（wang）' });
      }
    });

    it("keeps one court's token out of another court's records and cases", async () => {
      const f1 = filings[0]!;
      const mine = (a.db.prepare('SELECT r.record_json FROM clerk_record_outbox o JOIN clerk_records r ON r.id = o.record_id LIMIT 1').get() as { record_json: string }).record_json;
      const record = JSON.parse(mine) as ClerkRecord;
      // Reading: court Y cannot ask for court X, and its own feed holds none of X's records.
      expect((await get(otherToken, `/v1/court/records?since=0&court=${encodeURIComponent(court.code)}`)).status).toBe(403);
      const own = (await (await get(otherToken, '/v1/court/records?since=0')).json()) as ClerkRecordsPullResponse;
      expect(own.records).toEqual([]);
      expect(((await (await get(otherToken, '/v1/court/filings?since=0')).json()) as { filings: unknown[] }).filings).toEqual([]);
      // Writing: a record for court X, or one naming X's case under court Y, is refused.
      const fresh = (over: Partial<ClerkRecord>) => ({ ...record, id: crypto.randomUUID(), ...over });
      const res = (await (await post(otherToken, '/v1/court/records', { records: [fresh({}), fresh({ court: other.code })] })).json()) as ClerkRecordsPushResponse;
      expect(res.results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual(['wrong-court', 'wrong-court']);
      // Nor can it move X's case through the case API.
      const action = await post(otherToken, '/v1/court/case', { action: 'accept', number: f1.id });
      expect(action.status).toBe(404);
      // A wrong token, or the admin token without a court, is refused plainly.
      expect((await get('no-such-token', '/v1/court/records?since=0')).status).toBe(403);
      const adminNoCourt = await get('admin-token', '/v1/court/records?since=0');
      expect(adminNoCourt.status).toBe(400);
      expect(((await adminNoCourt.json()) as { message_zh: string }).message_zh).toMatch(/法院代字/);
      expect((await get('admin-token', `/v1/court/records?since=0&court=${encodeURIComponent(court.code)}`)).status).toBe(200);
    });

    it('stops a revoked court token at once (a counter PC lost or retired)', async () => {
      const spare = await issueCourtToken(central.store, court.id, new Date());
      if (!spare.ok) throw new Error(spare.message_en);
      expect((await get(spare.token, '/v1/court/records?since=0')).status).toBe(200);
      expect(await central.store.revokeCourtToken(hashToken(spare.token), new Date())).toBe(true);
      expect((await get(spare.token, '/v1/court/records?since=0')).status).toBe(403);
      expect(await central.store.revokeCourtToken(hashToken(spare.token), new Date())).toBe(false);
    });

    it('shows the restated basis content beside the basis kind for the clerk to check', () => {
      const record = JSON.parse((a.db.prepare('SELECT record_json FROM filings WHERE id = ?').get(filings[0]!.id) as { record_json: string }).record_json) as FilingRecord;
      const { basisContent: _, ...withoutContent } = record;
      // Records filed before the basis content was carried show the kind alone.
      expect(filedFields(withoutContent as FilingRecord)['basis-content']).not.toContain('判决主文');
      expect(filedFields({ ...record, basisContent: '偿还借款一万二千元' } as FilingRecord)['basis-content']).toMatch(/\n判决主文：偿还借款一万二千元$/);
    });

    it('carries the basis content with the filing, for verification on the other terminal', async () => {
      const v = a.filings.submit(filingDraftSchema.parse(draft()), APPLICANT);
      const filing = JSON.parse((a.db.prepare('SELECT record_json FROM filings WHERE id = ?').get(v.id) as { record_json: string }).record_json) as FilingRecord;
      expect(filing.basisContent).toBe('被告李四于判决生效后十日内偿还原告借款12345.67元');
      const r = await central.store.commitMutation({ deviceId: 'dev-a', courtCode: court.code, mutation: { mutationId: 10, kind: 'filing.create', filing }, rejection: null, now: new Date() });
      expect(r).toMatchObject({ status: 'accepted' });
      await b.sync.flush();
      expect(b.counter.detail(tb, v.id).fields['basis-content']).toContain('判决主文：被告李四于判决生效后十日内偿还原告借款12345.67元');
    });

    it('logs ids, kinds and counts, never what the records say about people', () => {
      const text = logged.join('\n');
      expect(text).toContain('central.records.stored');
      for (const secret of [APPLICANT.idNumber, APPLICANT.name, RECEPTION.serviceAddress, RECEPTION.contact, RECEPTION.interviewee, '12000.00 元', '判决主文金额为一万二千元', '申请人委托代理人到场']) {
        expect(text).not.toContain(secret);
      }
    });

    it('refuses a malformed record on its own and stores the rest of the batch', async () => {
      const mine = JSON.parse((a.db.prepare("SELECT record_json FROM clerk_records WHERE kind = 'no-reception' LIMIT 1").get() as { record_json: string }).record_json) as ClerkRecord;
      const good = { ...mine, id: crypto.randomUUID() };
      const bad = { ...mine, id: crypto.randomUUID(), payload: { reason: '' } };
      const res = (await (await post(courtToken, '/v1/court/records', { records: [bad, good] })).json()) as ClerkRecordsPushResponse;
      expect(res.results.map((r) => r.status)).toEqual(['rejected', 'stored']);
      expect(res.results[0]).toMatchObject({ id: bad.id, code: 'malformed' });
    });
  });
}
