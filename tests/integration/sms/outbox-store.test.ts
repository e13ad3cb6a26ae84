/**
 * The SMS outbox of the central store, alike on SQLite and PostgreSQL: a case change queues its
 * message in its own transaction, only with the applicant's consent and a mobile number, with
 * nothing but the number and status; claims, retries, history (masked) and the silent-case list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { CentralStore } from '../../../src-main/central/store.js';
import { SqliteCentralStore } from '../../../src-main/central/sqlite-store.js';
import { PgCentralStore } from '../../../src-main/central/pg-store.js';
import { hashCode, issueEnrolCode } from '../../../src-main/central/enrolment.js';
import type { FilingRecord } from '../../../src-shared/domain/filing.js';
import type { MutationResult } from '../../../src-shared/sync/protocol.js';
import { tempDir } from '../../support/tmp.js';
import { APPLICANT } from '../../support/fixtures.js';
import { court, filingRecord } from '../sync/support.js';
import { PG_SKIP_NOTE, PG_URL, dropSchema, freshSchema } from '../central/pg-support.js';
import { DEFAULT_SMS_TEMPLATES } from '../../../src-shared/sms/sms-events.js';

if (!PG_URL) console.warn(PG_SKIP_NOTE);

const PHONE = '13812341234';
const kinds = [
  {
    name: 'sqlite',
    skip: false,
    async open() {
      const dir = tempDir();
      const store = new SqliteCentralStore(join(dir.path, 'central.sqlite'));
      return { store: store as CentralStore, done: async () => (await store.close(), dir.cleanup()) };
    },
  },
  {
    name: 'postgres',
    skip: !PG_URL,
    async open() {
      const schema = freshSchema();
      const store = await PgCentralStore.open(PG_URL!, { schema, max: 4 });
      return { store: store as CentralStore, done: async () => (await store.close(), await dropSchema(schema)) };
    },
  },
];

for (const kind of kinds) {
  describe.skipIf(kind.skip)(`SMS outbox on ${kind.name}`, () => {
    let store: CentralStore;
    let done: () => Promise<void>;
    let mutation = 1;
    beforeAll(async () => {
      ({ store, done } = await kind.open());
      const issued = await issueEnrolCode(store, court.id, new Date());
      if (!issued.ok) throw new Error('code');
      await store.redeemEnrolCode(hashCode(issued.code), 'dev-sms', 'secret', new Date());
    });
    afterAll(async () => done());

    async function file(over: Partial<FilingRecord> = {}): Promise<{ officialNo: string; record: FilingRecord }> {
      const record = filingRecord({ applicant: { ...APPLICANT, phone: PHONE }, smsConsentAt: new Date().toISOString(), respondents: [{ kind: 'person', name: '李四', address: '焦作市解放区某路8号' }], ...over });
      const r = (await store.commitMutation({ deviceId: 'dev-sms', courtCode: court.code, mutation: { mutationId: mutation++, kind: 'filing.create', filing: record }, rejection: null, now: new Date() })) as Extract<MutationResult, { status: 'accepted' }>;
      return { officialNo: r.officialNo, record };
    }

    it('queues the 受理 message with the number when the court accepts, and nothing personal', async () => {
      const { officialNo, record } = await file();
      expect(await store.sms.history(officialNo)).toEqual([]);
      expect((await store.applyCaseAction({ action: 'accept', number: officialNo }, new Date())).ok).toBe(true);
      const h = (await store.sms.history(officialNo))!;
      expect(h).toHaveLength(1);
      expect(h[0]).toMatchObject({ event: 'accepted', state: 'queued', phoneMasked: '138****1234', attempts: 0 });
      expect(h[0]!.text).toBe(`【焦作市山阳区人民法院】您的执行申请已受理，案号${officialNo}。可凭案号在自助终端或执行立案窗口查询进度。`);
      for (const personal of [record.applicant.name, record.applicant.idNumber, record.applicant.address, PHONE, '李四', '解放区', String(record.amountFen / 100)]) expect(h[0]!.text).not.toContain(personal);
    });

    it('sends nothing without the consent, or without a mobile number, however the case moves', async () => {
      const noConsent = await file({ smsConsentAt: undefined });
      const landline = await file({ applicant: { ...APPLICANT, phone: '0391-1234567' } });
      for (const c of [noConsent, landline]) {
        await store.applyCaseAction({ action: 'accept', number: c.officialNo }, new Date());
        await store.applyCaseAction({ action: 'close', number: c.officialNo }, new Date());
        expect(await store.sms.history(c.officialNo)).toEqual([]);
      }
    });

    it('tells the return reasons with names, amounts and digit runs blanked', async () => {
      const { officialNo } = await file();
      await store.applyCaseAction({ action: 'return', number: officialNo, reasons_zh: ['被执行人李四的住址焦作市解放区某路8号不详', '申请金额8000元与判决不符', '账号6222020200112233445有误'] }, new Date());
      const text = (await store.sms.history(officialNo))![0]!.text;
      expect(text).toContain('已退回');
      expect(text).toContain('不详');
      for (const bad of ['李四', '解放区', '8000', '6222020200112233445']) expect(text).not.toContain(bad);
    });

    it('uses the court’s edited template and sends no event the court turned off', async () => {
      await store.sms.putTemplate(court.code, { event: 'accepted', enabled: true, template: '{{法院}}：案件{{案号}}{{状态}}。' }, '窗口1', new Date());
      await store.sms.putTemplate(court.code, { event: 'closed', enabled: false, template: DEFAULT_SMS_TEMPLATES.closed }, '窗口1', new Date());
      const { officialNo } = await file();
      await store.applyCaseAction({ action: 'accept', number: officialNo }, new Date());
      await store.applyCaseAction({ action: 'close', number: officialNo }, new Date());
      expect((await store.sms.history(officialNo))!.map((m) => m.text)).toEqual([`焦作市山阳区人民法院：案件${officialNo}已受理。`]);
      expect((await store.sms.templates(court.code)).find((t) => t.event === 'closed')!.enabled).toBe(false);
      await store.sms.putTemplate(court.code, { event: 'accepted', enabled: true, template: DEFAULT_SMS_TEMPLATES.accepted }, '窗口1', new Date());
      await store.sms.putTemplate(court.code, { event: 'closed', enabled: true, template: DEFAULT_SMS_TEMPLATES.closed }, '窗口1', new Date());
    });

    it('tells the next node deadline on acceptance once the court turns that event on', async () => {
      const past = { rule: 'a', label_zh: '已过节点', label_en: 'past', dueDate: '2020-01-02' };
      const next = { rule: 'b', label_zh: '执行通知书送达', label_en: 'notice served', dueDate: '2099-03-04' };
      const off = await file({ deadlines: [past, next] });
      await store.applyCaseAction({ action: 'accept', number: off.officialNo }, new Date());
      expect((await store.sms.history(off.officialNo))!.map((m) => m.event)).toEqual(['accepted']);
      await store.sms.putTemplate(court.code, { event: 'deadline', enabled: true, template: DEFAULT_SMS_TEMPLATES.deadline }, '窗口1', new Date());
      const on = await file({ deadlines: [past, next] });
      await store.applyCaseAction({ action: 'accept', number: on.officialNo }, new Date());
      const h = (await store.sms.history(on.officialNo))!;
      expect(h.map((m) => m.event)).toEqual(['accepted', 'deadline']);
      expect(h[1]!.text).toBe(`【焦作市山阳区人民法院】您的执行案件${on.officialNo}：执行通知书送达的期限为2099-03-04。`);
      await store.sms.putTemplate(court.code, { event: 'deadline', enabled: false, template: DEFAULT_SMS_TEMPLATES.deadline }, '窗口1', new Date());
    });

    it('hands a due message to one claimer, retries it after a failure, and records the send', async () => {
      const { officialNo } = await file();
      await store.applyCaseAction({ action: 'accept', number: officialNo }, new Date());
      const t0 = new Date(Date.now() + 1000);
      const [a, b] = await Promise.all([store.sms.claimDue(t0, 60_000, 100), store.sms.claimDue(t0, 60_000, 100)]);
      const mine = [...a, ...b].filter((m) => m.text.includes(officialNo));
      expect(mine).toHaveLength(1);
      expect(mine[0]!.phone).toBe(PHONE);
      await store.sms.markFailed(mine[0]!.id, 'submit-8', new Date(t0.getTime() + 5000), t0);
      expect((await store.sms.claimDue(new Date(t0.getTime() + 4000), 60_000, 100)).filter((m) => m.id === mine[0]!.id)).toEqual([]);
      const again = (await store.sms.claimDue(new Date(t0.getTime() + 5000), 60_000, 100)).filter((m) => m.id === mine[0]!.id);
      expect(again.map((m) => m.attempts)).toEqual([2]);
      await store.sms.markSent(mine[0]!.id, ['5a5a000000000001'], new Date(t0.getTime() + 6000));
      expect((await store.sms.claimDue(new Date(t0.getTime() + 999_999), 1, 100)).filter((m) => m.id === mine[0]!.id)).toEqual([]);
      expect((await store.sms.history(officialNo))![0]).toMatchObject({ state: 'sent', attempts: 2, sentAt: new Date(t0.getTime() + 6000).toISOString() });
    });

    it('lists the cases whose last change was not told within N days', async () => {
      const told = await file();
      const untold = await file({ smsConsentAt: undefined });
      await store.applyCaseAction({ action: 'accept', number: told.officialNo }, new Date());
      await store.applyCaseAction({ action: 'accept', number: untold.officialNo }, new Date());
      const m = (await store.sms.claimDue(new Date(Date.now() + 1000), 60_000, 100)).find((x) => x.text.includes(told.officialNo))!;
      await store.sms.markSent(m.id, ['x'], new Date(Date.now() + 1000));
      const later = new Date(Date.now() + 4 * 86_400_000);
      const silent = await store.sms.silentCases(court.code, 3, later);
      const numbers = silent.map((s) => s.officialNo);
      expect(numbers).toContain(untold.officialNo);
      expect(numbers).not.toContain(told.officialNo);
      expect(silent.find((s) => s.officialNo === untold.officialNo)).toMatchObject({ consent: false, status: 'accepted', lastToldAt: null });
      expect((await store.sms.silentCases(court.code, 5, later)).map((s) => s.officialNo)).not.toContain(untold.officialNo);
    });
  });
}
