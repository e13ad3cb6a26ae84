/**
 * Follow-up filings the court creates (issue 13): `POST /v1/court/follow-up` on a real central
 * process. The central decides the type from the origin case and the event (a failed 执前督
 * becomes 执, once the central holds the clerk's record of the failure; a closed case resumed
 * becomes 执恢) and numbers it in the filings' sequence; a
 * counter token cannot name a type, nor get a follow-up the rule does not give, and another
 * court's token cannot reach this court's cases. The same decisions hold on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { spawnYzt, type YztProcess } from '../../../src-main/proc/spawn-yzt.js';
import { SqliteCentralStore } from '../../../src-main/central/sqlite-store.js';
import { PgCentralStore } from '../../../src-main/central/pg-store.js';
import type { CentralStore } from '../../../src-main/central/store.js';
import { issueCourtToken } from '../../../src-main/central/court-auth.js';
import { hashCode, issueEnrolCode } from '../../../src-main/central/enrolment.js';
import { findCourt } from '../../../src-shared/courts/court-profile.js';
import type { FilingRecord } from '../../../src-shared/domain/filing.js';
import type { FollowUpResponse } from '../../../src-shared/sync/follow-up.js';
import type { ClerkRecord, CourtFilingsResponse, MutationResult } from '../../../src-shared/sync/protocol.js';
import { tempDir } from '../../support/tmp.js';
import { filingRecord } from '../sync/support.js';
import { PG_URL, dropSchema, freshSchema } from '../central/pg-support.js';

const SHANYANG = findCourt('jiaozuo-shanyang')!;
const WUZHI = findCourt('wuzhi')!;

/** A 执前督 case, an open 执 case and a closed one, filed for the court as its kiosk would. */
async function fileCases(store: CentralStore, deviceId: string) {
  const issued = await issueEnrolCode(store, SHANYANG.id, new Date());
  if (!issued.ok) throw new Error(issued.message_en);
  await store.redeemEnrolCode(hashCode(issued.code), deviceId, 'secret', new Date());
  let m = 0;
  const file = async (f: FilingRecord) => {
    const r = (await store.commitMutation({ deviceId, courtCode: SHANYANG.code, mutation: { mutationId: ++m, kind: 'filing.create', filing: f }, rejection: null, now: new Date() })) as MutationResult;
    if (r.status !== 'accepted') throw new Error('not filed');
    return r.officialNo;
  };
  const preFiling = filingRecord({ typeCode: '执前督' });
  const pre = await file(preFiling);
  const open = await file(filingRecord());
  const closed = await file(filingRecord());
  const c = await store.applyCaseAction({ action: 'close', number: closed }, new Date(), SHANYANG.code);
  if (!c.ok) throw new Error(c.message_en);
  return { pre, open, closed, preFailed: preFailedRecord(preFiling, pre) };
}

/** The clerk's record that the 执前督 ended unpaid, as the counter sends it. */
function preFailedRecord(f: FilingRecord, officialNo: string): ClerkRecord {
  return {
    id: crypto.randomUUID(), kind: 'pre-enforcement', filingId: f.id, provisionalNo: f.provisionalNo, officialNo, court: SHANYANG.code, author: 'wang', terminal: 't', createdAt: new Date().toISOString(),
    payload: { event: 'failed', handedOverAt: new Date().toISOString(), limitDue: '2026-12-31', outcome: 'failed', convertedFilingId: null, filingDue: null },
  };
}

describe('follow-up filings the court creates', () => {
  const dir = tempDir();
  const db = join(dir.path, 'central.sqlite');
  let central: YztProcess;
  let url = '';
  let counter = '';
  let otherCourt = '';
  let cases: Awaited<ReturnType<typeof fileCases>>;

  const followUp = async (token: string, body: Record<string, unknown>) => {
    const res = await fetch(`${url}/v1/court/follow-up`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as FollowUpResponse & { error?: string; message_zh?: string } };
  };
  const numbered = async () => {
    const store = new SqliteCentralStore(db);
    try {
      return (await store.numberedCases()).map((c) => c.officialNo);
    } finally {
      await store.close();
    }
  };

  beforeAll(async () => {
    const store = new SqliteCentralStore(db);
    cases = await fileCases(store, 'dev-follow');
    const a = await issueCourtToken(store, SHANYANG.id, new Date(), '窗口1');
    const b = await issueCourtToken(store, WUZHI.id, new Date(), '武陟窗口');
    if (!a.ok || !b.ok) throw new Error('token');
    counter = a.token;
    otherCourt = b.token;
    await store.close();
    central = await spawnYzt(['central', 'serve', '--port', '0', '--db', db], /listening on (http:\/\/\S+)/);
    url = central.ready[1]!;
  });
  afterAll(async () => {
    await central?.stop();
    dir.cleanup();
  });

  it('numbers a 执 after a failed 执前督, linked to it and filed for the court; a resend or a second request answers the same case', async () => {
    const id = crypto.randomUUID();
    // Only once the central holds the clerk's record that the 执前督 failed.
    expect(await followUp(counter, { id, origin: cases.pre, event: 'pre-enforcement-failed' })).toMatchObject({ status: 409, body: { error: 'pre-not-failed' } });
    const rec = await fetch(`${url}/v1/court/records`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${counter}` }, body: JSON.stringify({ records: [cases.preFailed] }) });
    expect(rec.status).toBe(200);
    const r = await followUp(counter, { id, origin: cases.pre, event: 'pre-enforcement-failed' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ filingId: id, typeCode: '执', follows: cases.pre, event: 'pre-enforcement-failed', created: true });
    expect(r.body.officialNo).toMatch(/豫0811执3号$/);
    expect((await followUp(counter, { id, origin: cases.pre, event: 'pre-enforcement-failed' })).body).toMatchObject({ officialNo: r.body.officialNo, created: false });
    expect((await followUp(counter, { id: crypto.randomUUID(), origin: cases.pre, event: 'pre-enforcement-failed' })).body).toMatchObject({ filingId: id, officialNo: r.body.officialNo, created: false });
    const feed = (await (await fetch(`${url}/v1/court/filings?since=0`, { headers: { authorization: `Bearer ${counter}` } })).json()) as CourtFilingsResponse;
    const filed = feed.filings.find((f) => f.filing.id === id)!;
    expect(filed.officialNo).toBe(r.body.officialNo);
    expect(filed.filing.typeCode).toBe('执');
    expect(filed.filing.facts).toMatchObject({ application: { kind: 'first', priorCaseNumber: cases.pre } });
    await central.waitFor(/central\.follow-up.*窗口1/);
  });

  it('lets a counter token mint no type the rule does not give: no claimed type, no resumption of an open case, no 执 from a case that was not 执前督', async () => {
    const before = await numbered();
    const claimed = await followUp(counter, { id: crypto.randomUUID(), origin: cases.closed, event: 'resumed', typeCode: '执保' });
    expect(claimed.status).toBe(400);
    expect(claimed.body.message_zh).toContain('案件类型由法院系统确定');
    expect(await followUp(counter, { id: crypto.randomUUID(), origin: cases.open, event: 'resumed' })).toMatchObject({ status: 409, body: { error: 'origin-open' } });
    expect(await followUp(counter, { id: crypto.randomUUID(), origin: cases.pre, event: 'resumed' })).toMatchObject({ status: 409, body: { error: 'not-enforcement' } });
    expect(await followUp(counter, { id: crypto.randomUUID(), origin: cases.open, event: 'pre-enforcement-failed' })).toMatchObject({ status: 409, body: { error: 'not-pre-enforcement' } });
    expect(await followUp(counter, { id: crypto.randomUUID(), origin: cases.open, event: 'closed' })).toMatchObject({ status: 400 });
    expect(await numbered()).toEqual(before);
    // The closed case resumed: 执恢, the year's first, nothing burnt by the refusals.
    const resumed = await followUp(counter, { id: crypto.randomUUID(), origin: cases.closed, event: 'resumed' });
    expect(resumed).toMatchObject({ status: 200, body: { typeCode: '执恢', follows: cases.closed, created: true } });
    expect(resumed.body.officialNo).toMatch(/豫0811执恢1号$/);
    await central.waitFor(/central\.follow-up\.refused/);
  });

  it('numbers no 执 on a hand-over, a 履行完毕 or another court’s record of failure: only this court’s record of 未履行 or 拒绝履行 counts', async () => {
    const store = new SqliteCentralStore(db);
    const c = await fileCases(store, 'dev-follow-2');
    await store.close();
    const before = await numbered();
    const push = async (token: string, payload: Partial<ClerkRecord['payload']>) => {
      const r = { ...c.preFailed, id: crypto.randomUUID(), payload: { ...c.preFailed.payload, ...payload } } as ClerkRecord;
      const res = await fetch(`${url}/v1/court/records`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ records: [r] }) });
      return ((await res.json()) as { results: Array<{ status: string; code?: string }> }).results[0]!;
    };
    const ask = () => followUp(counter, { id: crypto.randomUUID(), origin: c.pre, event: 'pre-enforcement-failed' });
    expect(await push(counter, { event: 'handed-over', outcome: null })).toMatchObject({ status: 'stored' });
    expect(await ask()).toMatchObject({ status: 409, body: { error: 'pre-not-failed' } });
    // A failure recorded, then 履行完毕 after all: the last outcome stands.
    expect(await push(counter, { event: 'failed', outcome: 'failed' })).toMatchObject({ status: 'stored' });
    expect(await push(counter, { event: 'performed', outcome: 'performed', paidFen: 100 })).toMatchObject({ status: 'stored' });
    expect(await ask()).toMatchObject({ status: 409, body: { error: 'pre-not-failed' } });
    // Another court's counter cannot record this court's failure (its record is refused), so no 执 follows.
    expect(await push(otherCourt, { event: 'failed', outcome: 'failed' })).toMatchObject({ status: 'rejected' });
    expect(await ask()).toMatchObject({ status: 409, body: { error: 'pre-not-failed' } });
    expect(await numbered()).toEqual(before);
    // 拒绝履行 (art. 25 ¶3) is a failure too.
    expect(await push(counter, { event: 'refused', outcome: 'refused' })).toMatchObject({ status: 'stored' });
    expect(await ask()).toMatchObject({ status: 200, body: { typeCode: '执', created: true } });
  });

  it("keeps another court's token away from this court's cases, by number or by filing id", async () => {
    const before = await numbered();
    const store = new SqliteCentralStore(db);
    const preId = (await store.numberedCases()).find((c) => c.officialNo === cases.pre)!.filingId;
    await store.close();
    for (const origin of [cases.closed, preId]) {
      for (const event of ['resumed', 'pre-enforcement-failed']) {
        expect(await followUp(otherCourt, { id: crypto.randomUUID(), origin, event })).toMatchObject({ status: 404, body: { error: 'case-not-found' } });
      }
    }
    expect(await numbered()).toEqual(before);
  });
});

describe.skipIf(!PG_URL)('follow-up filings the court creates (PostgreSQL store)', () => {
  const schema = freshSchema();
  let store: PgCentralStore;
  beforeAll(async () => {
    store = await PgCentralStore.open(PG_URL!, { schema, max: 4 });
  });
  afterAll(async () => {
    await store?.close();
    await dropSchema(schema);
  });

  it('decides and numbers alike: 执 after 执前督, 执恢 for a closed case, refusals for the rest and for another court', async () => {
    const cases = await fileCases(store, 'dev-follow-pg');
    const by = { court: SHANYANG.code, name: '窗口1' };
    const id = crypto.randomUUID();
    expect(await store.createFollowUp({ id, origin: cases.pre, event: 'pre-enforcement-failed' }, by, new Date())).toMatchObject({ ok: false, code: 'pre-not-failed' });
    await store.putClerkRecords([cases.preFailed], new Date(), '窗口1');
    // Two counter PCs at once: one case, one number.
    const [x, y] = await Promise.all([store.createFollowUp({ id, origin: cases.pre, event: 'pre-enforcement-failed' }, by, new Date()), store.createFollowUp({ id: crypto.randomUUID(), origin: cases.pre, event: 'pre-enforcement-failed' }, by, new Date())]);
    expect(x).toMatchObject({ ok: true, typeCode: '执' });
    expect(y).toMatchObject({ ok: true, officialNo: (x as { officialNo: string }).officialNo });
    expect(await store.createFollowUp({ id: crypto.randomUUID(), origin: cases.open, event: 'resumed' }, by, new Date())).toMatchObject({ ok: false, code: 'origin-open' });
    expect(await store.createFollowUp({ id: crypto.randomUUID(), origin: cases.closed, event: 'resumed' }, { court: WUZHI.code, name: 'w' }, new Date())).toMatchObject({ ok: false, code: 'case-not-found' });
    expect(await store.createFollowUp({ id: crypto.randomUUID(), origin: cases.closed, event: 'resumed' }, by, new Date())).toMatchObject({ ok: true, typeCode: '执恢' });
    expect((await store.numberedCases()).map((c) => c.typeCode).sort()).toEqual(['执', '执', '执', '执前督', '执恢']);
  });
});
