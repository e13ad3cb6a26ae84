/**
 * The central store's promises, run alike on SQLite and on PostgreSQL (real servers, real
 * files): gapless numbers under concurrent commits, replays, the same batch twice at once,
 * mutation ids reused for another filing, case actions and their cursor, enrolment, revocation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { CentralStore } from '../../../src-main/central/store.js';
import { isConflict } from '../../../src-main/central/store.js';
import { SqliteCentralStore } from '../../../src-main/central/sqlite-store.js';
import { PgCentralStore } from '../../../src-main/central/pg-store.js';
import { hashCode, issueEnrolCode } from '../../../src-main/central/enrolment.js';
import type { MutationResult } from '../../../src-shared/sync/protocol.js';
import { tempDir } from '../../support/tmp.js';
import { court, filingRecord, seqOf } from '../sync/support.js';
import { PG_SKIP_NOTE, PG_URL, dropSchema, freshSchema } from './pg-support.js';

if (!PG_URL) console.warn(PG_SKIP_NOTE);

const kinds: { name: string; open(): Promise<{ store: CentralStore; done(): Promise<void> }>; skip: boolean }[] = [
  {
    name: 'sqlite',
    skip: false,
    async open() {
      const dir = tempDir();
      const store = new SqliteCentralStore(join(dir.path, 'central.sqlite'));
      return { store, done: async () => (await store.close(), dir.cleanup()) };
    },
  },
  {
    name: 'postgres',
    skip: !PG_URL,
    async open() {
      const schema = freshSchema();
      const store = await PgCentralStore.open(PG_URL!, { schema, max: 12 });
      return { store, done: async () => (await store.close(), await dropSchema(schema)) };
    },
  },
];

async function enrolDevice(store: CentralStore, deviceId: string): Promise<void> {
  const issued = await issueEnrolCode(store, court.id, new Date());
  if (!issued.ok) throw new Error('code');
  expect(await store.redeemEnrolCode(hashCode(issued.code), deviceId, 'secret', new Date())).toEqual({ ok: true, courtId: court.id, courtCode: court.code, kind: 'new' });
}

const commit = (store: CentralStore, deviceId: string, mutationId: number, filing = filingRecord()) =>
  store.commitMutation({ deviceId, courtCode: court.code, mutation: { mutationId, kind: 'filing.create', filing }, rejection: null, now: new Date() });

for (const kind of kinds) {
  describe.skipIf(kind.skip)(`central store on ${kind.name}`, () => {
    let store: CentralStore;
    let done: () => Promise<void>;
    beforeAll(async () => {
      ({ store, done } = await kind.open());
      for (let d = 0; d < 8; d++) await enrolDevice(store, `dev-${d}`);
    });
    afterAll(async () => done());

    it('numbers 200 concurrent filings from 8 devices without a gap or a duplicate', async () => {
      const results = await Promise.all(Array.from({ length: 200 }, (_, i) => commit(store, `dev-${i % 8}`, 1000 + Math.floor(i / 8))));
      const seqs = results.map((r) => seqOf((r as Extract<MutationResult, { status: 'accepted' }>).officialNo)).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
      const cases = await store.numberedCases();
      expect(new Set(cases.map((c) => c.officialNo)).size).toBe(cases.length);
    });

    it('answers the same batch pushed twice at once with one number per filing', async () => {
      const batch = Array.from({ length: 10 }, (_, i) => ({ id: 5000 + i, filing: filingRecord() }));
      const push = () => Promise.all(batch.map((m) => commit(store, 'dev-1', m.id, m.filing)));
      const [a, b] = await Promise.all([push(), push()]);
      expect(b).toEqual(a);
      const cases = await store.numberedCases();
      const mine = cases.filter((c) => batch.some((m) => m.filing.id === c.filingId));
      expect(mine).toHaveLength(10);
    });

    it('stores a rejection so that its replay answers the same, and spends no number on it', async () => {
      const before = (await store.numberedCases()).length;
      const rejection: MutationResult = { mutationId: 7000, status: 'rejected', code: 'rule:x', reason_zh: '不符合', reason_en: 'no' };
      const filing = filingRecord();
      const input = { deviceId: 'dev-2', courtCode: court.code, mutation: { mutationId: 7000, kind: 'filing.create' as const, filing }, rejection, now: new Date() };
      expect(await store.commitMutation(input)).toEqual(rejection);
      expect(await store.commitMutation({ ...input, rejection: null })).toEqual(rejection);
      expect((await store.numberedCases()).length).toBe(before);
    });

    it('reports a mutation id reused for another filing as a conflict with the high-water mark', async () => {
      await commit(store, 'dev-3', 9001);
      const r = await commit(store, 'dev-3', 9001);
      expect(isConflict(r)).toBe(true);
      expect(r).toMatchObject({ lastMutationId: 9001 });
    });

    it('moves a case through clerk actions and serves the changes in version order', async () => {
      const r = (await commit(store, 'dev-4', 9500)) as Extract<MutationResult, { status: 'accepted' }>;
      const start = (await store.changesSince(court.code, 0, 10_000)).at(-1)!.version;
      expect((await store.applyCaseAction({ action: 'triage', number: r.officialNo, team: 'fast' }, new Date())).ok).toBe(false);
      const steps = [
        { action: 'return' as const, number: r.officialNo, reasons_zh: ['缺少执行依据生效证明'] },
        { action: 'accept' as const, number: r.officialNo },
        { action: 'assign' as const, number: r.officialNo, team: 'large' },
        { action: 'close' as const, number: r.officialNo },
      ];
      for (const s of steps) expect((await store.applyCaseAction(s, new Date())).ok).toBe(true);
      const changes = await store.changesSince(court.code, start - 1, 100);
      expect(changes.map((c) => c.status)).toEqual(['filed', 'returned', 'accepted', 'assigned', 'closed']);
      expect(changes[1]!.reasons_zh).toEqual(['缺少执行依据生效证明']);
      expect(changes[3]!.team).toBe('large');
      expect(changes.map((c) => c.version)).toEqual(changes.map((_, i) => start + i));
      expect(await store.applyCaseAction({ action: 'accept', number: 'nope' }, new Date())).toMatchObject({ ok: false, code: 'case-not-found' });
    });

    it('finds unclosed cases by respondent or by the applicant as a respondent', async () => {
      const mk = (name: string, idNumber?: string) => filingRecord({ respondents: [{ kind: 'person', name, ...(idNumber ? { idNumber } : {}) }] });
      const a = mk('王关联');
      const b = mk('赵某', '410811199001011234');
      const closed = mk('王关联');
      for (const [i, f] of [a, b, closed].entries()) await commit(store, 'dev-5', 9800 + i, f);
      const closedNo = (await store.numberedCases()).find((c) => c.filingId === closed.id)!.officialNo;
      expect((await store.applyCaseAction({ action: 'close', number: closedNo }, new Date())).ok).toBe(true);
      const found = await store.relatedCases({ respondents: ['王关联'], applicant: '410811199001011234', exclude: null, courts: [court.code] });
      expect(await store.relatedCases({ respondents: ['王关联'], applicant: '410811199001011234', exclude: null, courts: ['豫0823'] })).toEqual([]);
      expect(found.map((f) => f.role).sort()).toEqual(['applicant', 'respondent']);
      expect(found.some((f) => f.number === closedNo)).toBe(false);
      expect(await store.relatedCases({ respondents: ['王关联'], applicant: null, exclude: a.id, courts: [court.code] })).toEqual([]);
    });

    it('finds the respondent as the applying creditor elsewhere, the principal (not the agent) being the applying party', async () => {
      const creditor = '410811198505056786';
      // Elsewhere the respondent applies, through an agent: the principal is the creditor.
      const elsewhere = filingRecord({
        filer: 'agent',
        principal: { kind: 'person', name: '钱债权', idNumber: creditor, address: '焦作市示例路2号', phone: '13900000000' },
        respondents: [{ kind: 'person', name: '孙某' }],
      });
      const here = filingRecord({ respondents: [{ kind: 'person', name: '孙某甲' }, { kind: 'person', name: '钱债权', idNumber: creditor }] });
      for (const [i, f] of [elsewhere, here].entries()) await commit(store, 'dev-8', 9960 + i, f);
      const found = await store.relatedCases({ respondents: ['孙某甲', creditor], applicant: null, exclude: here.id, courts: [court.code] });
      const elsewhereNo = (await store.numberedCases()).find((c) => c.filingId === elsewhere.id)!.officialNo;
      expect(found.filter((f) => f.number === elsewhereNo)).toEqual([{ number: elsewhereNo, role: 'creditor', status: 'filed', party: 1 }]);
      // The agent who filed elsewhere is not the creditor there.
      expect((await store.relatedCases({ respondents: [elsewhere.applicant.idNumber], applicant: null, exclude: null, courts: [court.code] })).some((f) => f.number === elsewhereNo && f.role === 'creditor')).toBe(false);
      expect(await store.relatedCases({ respondents: [creditor], applicant: null, exclude: here.id, courts: ['豫0823'] })).toEqual([]);
    });

    it('lists the cases of a court on its basis numbers for the duplicate check', async () => {
      const basisNumber = '（2025）豫0811民初4242号';
      const f = filingRecord({ basisNumber });
      await commit(store, 'dev-6', 9900, f);
      const found = (await store.casesByBasis(court.code, [basisNumber])).get(basisNumber)!;
      expect(found.map((c) => c.filingId)).toEqual([f.id]);
      expect(JSON.parse(found[0]!.record).basisNumber).toBe(basisNumber);
      expect((await store.casesByBasis('京0101', [basisNumber])).get(basisNumber)).toEqual([]);
      // A push asks for all its basis numbers at once: each gets its own cases, in numbering order.
      const other = '（2025）豫0811民初4243号';
      const g = filingRecord({ basisNumber: other });
      const h = filingRecord({ basisNumber: other });
      await commit(store, 'dev-6', 9901, g);
      await commit(store, 'dev-6', 9902, h);
      const both = await store.casesByBasis(court.code, [basisNumber, other, '（2025）豫0811民初1号']);
      expect(both.get(basisNumber)!.map((c) => c.filingId)).toEqual([f.id]);
      expect(both.get(other)!.map((c) => c.filingId)).toEqual([g.id, h.id]);
      expect(both.get('（2025）豫0811民初1号')).toEqual([]);
      // After a push, only numbers with an earlier case come back: the one-case number is left out.
      const shared = await store.casesByBasis(court.code, [basisNumber, other], 'shared');
      expect(shared.get(basisNumber)).toEqual([]);
      expect(shared.get(other)!.map((c) => c.filingId)).toEqual([g.id, h.id]);
    });

    it('takes a correction only for a returned case, with the same applicant and basis, and files it again', async () => {
      const f = filingRecord();
      const created = await commit(store, 'dev-7', 9950, f);
      if (!('status' in created) || created.status !== 'accepted') throw new Error('not numbered');
      const correct = (mutationId: number, filing: typeof f) => store.commitMutation({ deviceId: 'dev-7', courtCode: court.code, mutation: { mutationId, kind: 'filing.correct', filing }, rejection: null, now: new Date() });
      expect(await correct(9951, f)).toMatchObject({ status: 'rejected', code: 'not-returned' });
      expect((await store.applyCaseAction({ action: 'return', number: created.officialNo, reasons_zh: ['地址不详'] }, new Date())).ok).toBe(true);
      expect(await correct(9952, { ...f, basisNumber: '（2025）豫0811民初9999号' })).toMatchObject({ status: 'rejected', code: 'correction-mismatch' });
      const fixed = { ...f, respondents: f.respondents.map((r) => ({ ...r, address: '新地址1号' })) };
      expect(await correct(9953, fixed)).toMatchObject({ status: 'accepted', officialNo: created.officialNo });
      const latest = (await store.changesSince(court.code, 0, 1000)).filter((c) => c.filingId === f.id).at(-1);
      expect(latest?.status).toBe('filed');
      expect(JSON.parse((await store.casesByBasis(court.code, [f.basisNumber])).get(f.basisNumber)!.find((c) => c.filingId === f.id)!.record).respondents[0].address).toBe('新地址1号');
    });

    it('uses an enrolment code once and revokes a device', async () => {
      const issued = await issueEnrolCode(store, court.id, new Date());
      if (!issued.ok) throw new Error('code');
      expect(await store.redeemEnrolCode(hashCode(issued.code), 'dev-x', 's', new Date())).toMatchObject({ ok: true });
      expect(await store.redeemEnrolCode(hashCode(issued.code), 'dev-y', 's', new Date())).toEqual({ ok: false, reason: 'bad-code' });
      expect(await store.revokeDevice('dev-x', new Date())).toBe(true);
      expect((await store.device('dev-x'))?.revokedAt).not.toBeNull();
      expect(await store.revokeDevice('dev-x', new Date())).toBe(false);
    });

    it('never re-binds an enrolled device id; re-enrols a revoked one only with a code for it', async () => {
      const redeem = async (deviceId: string, forDevice: string | null = null, secret = 'new-secret') => {
        const issued = await issueEnrolCode(store, court.id, new Date(), 1, forDevice);
        if (!issued.ok) throw new Error(issued.message_en);
        return store.redeemEnrolCode(hashCode(issued.code), deviceId, secret, new Date());
      };
      expect(await redeem('dev-bind', null, 'first-secret')).toMatchObject({ ok: true, kind: 'new' });
      expect(await redeem('dev-bind')).toEqual({ ok: false, reason: 'device-bound' });
      expect((await store.device('dev-bind'))?.secret).toBe('first-secret');
      expect((await issueEnrolCode(store, court.id, new Date(), 1, 'dev-bind')).ok).toBe(false);
      await store.revokeDevice('dev-bind', new Date());
      expect(await redeem('dev-bind')).toEqual({ ok: false, reason: 'device-bound' });
      expect(await redeem('dev-bind', 'dev-bind')).toMatchObject({ ok: true, kind: 're-enrol' });
      expect(await store.device('dev-bind')).toMatchObject({ secret: 'new-secret', revokedAt: null, courtCode: court.code });
      expect((await store.deviceEvents('dev-bind')).map((e) => e.action)).toEqual(['enrolled', 'takeover-refused', 'revoked', 'takeover-refused', 're-enrol-code', 're-enrolled']);
    });
  });
}
