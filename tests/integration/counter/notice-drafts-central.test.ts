/**
 * Issue 14 points 5 and 7 on a real central over HTTP (SQLite and PostgreSQL): the 执行通知书 a
 * second counter drafts for a case numbered by the central and corrected 8,000 → 7,500 on the
 * first carries the corrected amount, the central's filing date (China time), the court's 一案
 * 一账户 account from its profile and the respondent as recipient, and is issued; a court
 * without an account cannot issue it, the refusal naming {{交款账户}}. A 执前督 case gets the
 * 督促履行通知书 (never the 执行通知书), not issuable before the hand-over sets its deadline.
 * The related-case search runs at the central, finds the respondent as a creditor there, and
 * the result is kept with the filing: it reaches the other counter through the central.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentral, type CentralHandle } from '../../../src-main/central/central-server.js';
import { issueCourtToken } from '../../../src-main/central/court-auth.js';
import { hashCode, issueEnrolCode } from '../../../src-main/central/enrolment.js';
import { silentLogger } from '../../../src-main/log/logger.js';
import { relatedSearch } from '../../../src-main/counter/related-search.js';
import { findCourt, type CourtProfile } from '../../../src-shared/courts/court-profile.js';
import { filingDraftSchema, type FilingRecord, type FilingView } from '../../../src-shared/domain/filing.js';
import { chinaDate } from '../../../src-shared/time/china-time.js';
import { APPLICANT, draft } from '../../support/fixtures.js';
import { fixedClock, tempDir } from '../../support/tmp.js';
import { STORES, freshSchema } from '../central/pg-support.js';
import { counterBench, refused, type CounterBench } from './support.js';

const ACCOUNT = { accountName: '焦作市山阳区人民法院', bank: '中国工商银行焦作山阳支行', accountNo: '1709 0201 0902 0000 123', perCase: true, source: 'seed 003 ch.3 一(三)2' };
const court: CourtProfile = { ...findCourt('jiaozuo-shanyang')!, paymentAccount: ACCOUNT };
const CREDITOR_ID = '410811198505056786';

for (const kind of STORES) {
  describe.skipIf(kind.skip)(`notices and related search against the central (${kind.name})`, () => {
    const dir = tempDir('yzt-notices-');
    const schema = freshSchema();
    let central: CentralHandle;
    let a: CounterBench;
    let b: CounterBench;
    let ta = '';
    let tb = '';
    let filing: FilingView;
    let officialNo = '';
    let acceptedAt = '';
    let creditorCase = '';
    let mutationId = 0;
    let courtToken = '';
    const clock = fixedClock(new Date(Date.now() - 60_000).toISOString());

    /** What the kiosk's push does: the central numbers the filing, the terminal learns the number. */
    const number = async (bench: CounterBench, id: string) => {
      const record = JSON.parse(bench.db.prepare('SELECT record_json FROM filings WHERE id = ?').pluck().get(id) as string) as FilingRecord;
      const r = await central.store.commitMutation({ deviceId: 'dev-a', courtCode: court.code, mutation: { mutationId: ++mutationId, kind: 'filing.create', filing: record }, rejection: null, now: new Date() });
      if (!('officialNo' in r) || !('acceptedAt' in r)) throw new Error('not numbered');
      bench.db.prepare("UPDATE filings SET official_no = ?, accepted_at = ?, status = 'accepted' WHERE id = ?").run(r.officialNo, r.acceptedAt, id);
      return { officialNo: r.officialNo, acceptedAt: r.acceptedAt };
    };

    beforeAll(async () => {
      central = await startCentral({ ...kind.choice(dir.path, schema), port: 0, log: silentLogger, adminToken: 'admin-token' });
      const t = await issueCourtToken(central.store, court.id, new Date());
      if (!t.ok) throw new Error('court token');
      courtToken = t.token;
      const endpoint = { centralUrl: () => central.url, token: () => t.token };
      a = counterBench({ court, now: clock.now, deviceId: 'aaaaaaaa-0000-4000-8000-000000000002', sync: { ...endpoint, baseDelayMs: 20, maxDelayMs: 100 }, related: relatedSearch({ ...endpoint, log: silentLogger }) });
      b = counterBench({ court, now: clock.now, deviceId: 'bbbbbbbb-0000-4000-8000-000000000002', sync: { ...endpoint, baseDelayMs: 20, maxDelayMs: 100 } });
      ta = await a.clerk('wang', 'reception');
      tb = await b.clerk('zhao', 'reception');
      const issued = await issueEnrolCode(central.store, court.id, new Date());
      if (!issued.ok) throw new Error('enrol code');
      await central.store.redeemEnrolCode(hashCode(issued.code), 'dev-a', 'secret', new Date());
      // Elsewhere in the court, this filing's respondent applies as the creditor (through an agent).
      const elsewhere = a.filings.submit(
        filingDraftSchema.parse(draft({ filer: 'agent', principal: { kind: 'person', name: '李四', idNumber: CREDITOR_ID, address: '焦作市示例路5号', phone: '13900000002' }, respondents: [{ kind: 'person', name: '周某' }] })),
        APPLICANT,
      );
      creditorCase = (await number(a, elsewhere.id)).officialNo;
      filing = a.filings.submit(filingDraftSchema.parse(draft({ amountYuan: '8000', respondents: [{ kind: 'person', name: '李四', idNumber: CREDITOR_ID }] })), APPLICANT);
      ({ officialNo, acceptedAt } = await number(a, filing.id));
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await central?.close();
      await kind.done(schema);
      dir.cleanup();
    });

    it('drafts and issues the 执行通知书 of a corrected case on the other counter: amount, filing date, account, recipient', async () => {
      a.counter.verify(ta, filing.id, 'amount', 'corrected', '7500', '判决主文金额为七千五百元');
      await a.sync.flush();
      expect(a.sync.lastError).toBeNull();
      expect((await central.store.caseRecord(filing.id))!.record.amountFen).toBe(750_000);
      await b.sync.flush();
      const d = await b.counter.notice(tb, filing.id, 'enforcement');
      const day = chinaDate(new Date(acceptedAt));
      const printed = `${day.slice(0, 4)}年${day.slice(5, 7)}月${day.slice(8, 10)}日`;
      expect(d.empty).toEqual([]);
      expect(d.text.startsWith('李四：')).toBe(true);
      expect(d.text).toContain(`本院已于${printed}立案执行，案号为${officialNo}`);
      expect(d.text).toContain('支付7,500.00元');
      expect(d.text).not.toContain('8,000.00');
      expect(d.text).toContain(`户名：${ACCOUNT.accountName}，开户行：${ACCOUNT.bank}，账号：${ACCOUNT.accountNo}`);
      const issued = await b.counter.notice(tb, filing.id, 'enforcement', true);
      expect(issued.fileName).not.toContain('草稿');
      expect(b.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'counter.notice.issued' AND subject = ?").pluck().get(filing.id)).toBe(1);
    });

    it('refuses to issue where the court has no account, naming the empty placeholder', async () => {
      const { paymentAccount: _p, ...without } = court;
      void _p;
      const c = counterBench({ court: without, now: clock.now });
      try {
        const t = await c.clerk('li', 'reception');
        const f = c.filings.submit(filingDraftSchema.parse(draft()), APPLICANT);
        c.db.prepare("UPDATE filings SET official_no = '（2026）豫0811执9999号', accepted_at = ? WHERE id = ?").run(new Date().toISOString(), f.id);
        const shown = await c.counter.notice(t, f.id, 'enforcement');
        expect(shown.empty).toEqual(['交款账户']);
        expect(shown.text).toContain('（一案一账户）：________');
        const e = await refused(c.counter.notice(t, f.id, 'enforcement', true));
        expect(e.code).toBe('counter.notice-empty');
        expect(e.message_zh).toContain('{{交款账户}}');
        expect(e.message_en).toContain('{{交款账户}} (payment account)');
        // Not numbered yet: the case number is blank too.
        const unnumbered = c.filings.submit(filingDraftSchema.parse(draft()), APPLICANT);
        expect((await refused(c.counter.notice(t, unnumbered.id, 'enforcement', true))).message_zh).toContain('{{案号}}、{{交款账户}}');
      } finally {
        await c.close();
      }
    });

    it('gives a 执前督 case the 督促履行通知书, never the 执行通知书, issued once the hand-over sets the deadline', async () => {
      const pre = a.filings.submit(filingDraftSchema.parse(draft({ preEnforcement: { servedByPublicNotice: false, urgent: false, applicantRefuses: false } })), APPLICANT);
      await number(a, pre.id);
      expect(a.counter.detail(ta, pre.id).noticeKinds).toEqual(['supervision']);
      const no = await refused(a.counter.notice(ta, pre.id, 'enforcement'));
      expect(no.code).toBe('counter.notice-kind');
      expect(no.message_zh).toContain('督促履行通知书');
      const d = await a.counter.notice(ta, pre.id, 'supervision');
      expect(d.text).toContain('执前督');
      expect(d.empty).toEqual(['督促期限']);
      expect((await refused(a.counter.notice(ta, pre.id, 'supervision', true))).message_zh).toContain('{{督促期限}}');
      const limit = a.counter.preEnforcement(ta, pre.id, 'handed-over').preEnforcement!.limitDue!;
      const issued = await a.counter.notice(ta, pre.id, 'supervision', true);
      expect(issued.text).toContain(`于${limit.slice(0, 4)}年${limit.slice(5, 7)}月${limit.slice(8, 10)}日前履行完毕`);
      // Supervision fails: the 执 case the central numbers shows the related search kept with its 执前督 origin.
      const searched = await a.counter.related(ta, pre.id);
      expect(searched.searchedAt).toBeTruthy();
      a.counter.preEnforcement(ta, pre.id, 'failed');
      await a.sync.flush();
      const follow = a.counter.detail(ta, pre.id).preEnforcement!.followUp!;
      expect(follow.status).toBe('numbered');
      await a.sync.flush();
      const carried = a.counter.detail(ta, follow.filingId);
      expect(carried.noticeKinds).toEqual(['acceptance', 'enforcement', 'property-report']);
      expect(carried.related?.cases).toEqual(searched.cases);
      expect(carried.related?.searchedAt).toBeTruthy();
    });

    it('finds the respondent as a creditor at the central and keeps the search with the filing for the other counter', async () => {
      const r = await a.counter.related(ta, filing.id);
      expect(r.online).toBe(true);
      expect(r.cases).toContainEqual({ number: creditorCase, role: 'creditor', status: 'filed', party: 0 });
      expect(r.advice?.map((x) => x.kind)).toContain('tell-enforcement');
      expect(r.advice?.some((x) => x.kind === 'bankruptcy')).toBe(false);
      await a.sync.flush();
      expect(a.sync.lastError).toBeNull();
      const atCentral = await central.store.clerkRecordsSince(court.code, 0, 500);
      expect(atCentral.some((s) => s.record.kind === 'related' && s.record.filingId === filing.id)).toBe(true);
      await b.sync.flush();
      const onB = b.counter.detail(tb, filing.id).related;
      expect(onB?.cases).toContainEqual({ number: creditorCase, role: 'creditor', status: 'filed', party: 0 });
      expect(onB?.searchedAt).toBeTruthy();
      expect(onB?.by).toBeTruthy();
    });

    it('stores the search as the central finds it, not as a terminal claims it', async () => {
      const claimed = {
        id: randomUUID(), kind: 'related', filingId: filing.id, provisionalNo: filing.provisionalNo, officialNo, court: court.code, author: 'x', terminal: 'rogue', createdAt: new Date().toISOString(),
        payload: { searchedAt: '2020-01-01T00:00:00.000Z', message_zh: '未检索到关联案件', message_en: 'No related cases found', cases: [], advice: [] },
      };
      const res = await fetch(`${central.url}/v1/court/records`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${courtToken}` }, body: JSON.stringify({ records: [claimed] }) });
      expect(res.status).toBe(200);
      const kept = (await central.store.clerkRecordsSince(court.code, 0, 500)).find((s) => s.record.id === claimed.id)!.record;
      if (kept.kind !== 'related') throw new Error('kind');
      expect(kept.payload.cases).toContainEqual({ number: creditorCase, role: 'creditor', status: 'filed', party: 0 });
      expect(kept.payload.searchedAt).not.toBe('2020-01-01T00:00:00.000Z');
      expect(kept.payload.advice.map((a) => a.kind)).toContain('tell-enforcement');
    });
  });
}
