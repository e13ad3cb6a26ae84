/**
 * Kiosk sync engine against a real central gateway over real HTTP on 127.0.0.1, each on its
 * own SQLite file: enrolment, numbering, replay, rejection, versions, pull of case status.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { startCentral, type CentralHandle } from '../../../src-main/central/central-server.js';
import { CentralClient, SyncFailure } from '../../../src-main/sync/central-client.js';
import { readCredential } from '../../../src-main/sync/sync-state.js';
import { findCaseStatus } from '../../../src-main/sync/case-status-store.js';
import { enrolKiosk } from '../../../src-main/sync/enrol-kiosk.js';
import { issueEnrolCode } from '../../../src-main/central/enrolment.js';
import type { PushResponse } from '../../../src-shared/sync/protocol.js';
import type { FilingUpdate } from '../../../src-main/sync/outbox-store.js';
import { tempDir } from '../../support/tmp.js';
import { court, enrol, filingRecord, openKiosk, quietLog, seqOf, settled, statusWhere, submit, type TestKiosk } from './support.js';

describe('sync to the central gateway', () => {
  let dir: ReturnType<typeof tempDir>;
  let central: CentralHandle | null;
  const kiosks: TestKiosk[] = [];

  const makeKiosk = async (name: string, opts: Parameters<typeof openKiosk>[3] = {}) => {
    const k = openKiosk(dir.path, name, null, opts);
    await enrol(k, central!.store, central!.url);
    kiosks.push(k);
    k.sync.start();
    return k;
  };
  const clientOf = (k: TestKiosk, protocol = 2) => new CentralClient(readCredential(k.db)!, { protocol, schema: 4, now: () => new Date(), timeoutMs: 5000 });

  beforeEach(async () => {
    dir = tempDir();
    central = await startCentral({ dbFile: join(dir.path, 'central.sqlite'), port: 0, log: quietLog, recheckMs: 50 });
  });
  afterEach(async () => {
    for (const k of kiosks.splice(0)) await k.close();
    await central?.close();
    dir.cleanup();
  });

  it('gets the official number from the central and keeps the provisional one as an alias', async () => {
    const k = await makeKiosk('aaaaaaaa');
    const v = submit(k);
    const done = await settled(k, v.id);
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    expect(done.officialNo).toBe(`（${year}）豫0811执1号`);
    expect(done.provisionalNo).toBe(v.provisionalNo);
    expect(done.status).toBe('accepted');
    const s = await statusWhere(k, (x) => x.queueDepth === 0 && x.lastPushAt !== null);
    expect(s).toMatchObject({ online: true, enrolled: true, lastError: null });
  });

  it('refuses to sync before enrolment and says so in both languages', async () => {
    const k = openKiosk(dir.path, 'nnnnnnnn', central!.url);
    kiosks.push(k);
    k.sync.start();
    submit(k);
    const s = await statusWhere(k, (x) => x.lastErrorCode === 'not-enrolled');
    expect(s).toMatchObject({ enrolled: false, queueDepth: 1 });
    expect(s.lastError_zh).toMatch(/登记/);
  });

  it('uses an enrolment code once only', async () => {
    const issued = await issueEnrolCode(central!.store, court.id, new Date());
    if (!issued.ok) throw new Error('no code');
    const a = openKiosk(dir.path, 'eeeeeeee', null);
    const b = openKiosk(dir.path, 'ffffffff', null);
    kiosks.push(a, b);
    expect((await enrolKiosk(a.db, { centralUrl: central!.url, code: issued.code })).ok).toBe(true);
    const second = await enrolKiosk(b.db, { centralUrl: central!.url, code: issued.code });
    expect(second).toMatchObject({ ok: false, code: 'bad-enrol-code' });
  });

  it('numbers filings from two kiosks of one court on one gapless sequence', async () => {
    const a = await makeKiosk('aaaaaaaa');
    const b = await makeKiosk('bbbbbbbb');
    const views = [submit(a), submit(b), submit(a), submit(b), submit(b)];
    const done = await Promise.all(views.map((v, i) => settled(i === 0 || i === 2 ? a : b, v.id)));
    expect(done.map((d) => seqOf(d.officialNo!)).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps filings while the central is down and binds the official number when it returns', async () => {
    const k = await makeKiosk('cccccccc');
    const url = central!.url;
    await central!.close();
    central = null;
    const v = submit(k);
    const down = await statusWhere(k, (s) => s.lastErrorCode === 'unreachable' && s.queueDepth === 1);
    expect(down.lastErrorCode).toBe('unreachable');
    expect(down.lastError_zh).toMatch(/无法连接/);
    central = await startCentral({ dbFile: join(dir.path, 'central.sqlite'), port: Number(new URL(url).port), log: quietLog });
    const done = await settled(k, v.id);
    expect(done.officialNo).toMatch(/^（\d{4}）豫0811执1号$/);
    expect(await statusWhere(k, (s) => s.online && s.queueDepth === 0)).toMatchObject({ lastError: null });
  });

  it('answers a replayed mutation with the same number, and the same filing under a new id too', async () => {
    const k = await makeKiosk('dddddddd');
    await k.sync.stop();
    const c = clientOf(k);
    const filing = filingRecord();
    const first = await c.request<PushResponse>('POST', '/v1/push', { mutations: [{ mutationId: 1, kind: 'filing.create', filing }] });
    const again = await c.request<PushResponse>('POST', '/v1/push', { mutations: [{ mutationId: 1, kind: 'filing.create', filing }] });
    const renamed = await c.request<PushResponse>('POST', '/v1/push', { mutations: [{ mutationId: 2, kind: 'filing.create', filing }] });
    expect(again).toEqual(first);
    expect(first.results[0]).toMatchObject({ status: 'accepted' });
    expect(renamed.results[0]).toMatchObject({ status: 'accepted', officialNo: (first.results[0] as { officialNo: string }).officialNo });
  });

  it('rejects a failing filing in the answer body and moves on to the next', async () => {
    const k = await makeKiosk('eeeeeeee');
    await k.sync.stop();
    const bad = filingRecord({ basisNumber: 'not a number' });
    const wrongCourt = filingRecord({ courtCode: '豫0802', courtId: 'jiaozuo-jiefang' });
    const good = filingRecord();
    const json = await clientOf(k).request<PushResponse>('POST', '/v1/push', {
      mutations: [
        { mutationId: 1, kind: 'filing.create', filing: bad },
        { mutationId: 2, kind: 'filing.create', filing: wrongCourt },
        { mutationId: 3, kind: 'filing.create', filing: good },
      ],
    });
    expect(json.results[0]).toMatchObject({ status: 'rejected', code: 'rule:basis.number' });
    expect((json.results[0] as { reason_zh: string }).reason_zh).toMatch(/执行依据文号/);
    expect(json.results[1]).toMatchObject({ status: 'rejected', code: 'wrong-court' });
    expect(json.results[2]).toMatchObject({ status: 'accepted' });
  });

  it('tells a kiosk newer or older than the central which side to upgrade', async () => {
    const k = await makeKiosk('gggggggg');
    await k.sync.stop();
    const newer = await clientOf(k, 3).request('GET', '/v1/hello').catch((e: SyncFailure) => e);
    const older = await clientOf(k, 1).request('GET', '/v1/hello').catch((e: SyncFailure) => e);
    expect(newer).toBeInstanceOf(SyncFailure);
    expect((newer as SyncFailure).problem).toMatchObject({ code: 'central-too-old' });
    expect((newer as SyncFailure).problem.message_zh).toMatch(/法院系统版本过旧/);
    expect((older as SyncFailure).problem).toMatchObject({ code: 'kiosk-too-old' });
    expect((older as SyncFailure).problem.message_zh).toMatch(/终端程序版本过旧/);
  });

  it('shows a version refusal in the sync status instead of dropping it', async () => {
    const k = await makeKiosk('hhhhhhhh', { protocol: 3 });
    submit(k);
    const s = await statusWhere(k, (x) => x.lastErrorCode === 'central-too-old');
    expect(s).toMatchObject({ queueDepth: 1, online: true });
    expect(s.lastError_zh).toMatch(/升级/);
  });

  it('brings the clerk\'s status changes down by cursor and pushes them to the UI', async () => {
    const k = await makeKiosk('iiiiiiii');
    const v = submit(k);
    const numbered = await settled(k, v.id);
    const updates: FilingUpdate[] = [];
    k.sync.on('filing.updated', (x) => updates.push(x));
    const returned = new Promise<FilingUpdate>((resolve) => k.sync.on('filing.updated', (x) => x.statusReason_zh && resolve(x)));
    const r = await central!.store.applyCaseAction({ action: 'return', number: numbered.officialNo!, reasons_zh: ['请补充身份证明复印件'] }, new Date());
    expect(r.ok).toBe(true);
    expect((await returned).statusReason_zh).toBe('请补充身份证明复印件');
    const byAlias = findCaseStatus(k.db, v.provisionalNo);
    expect(byAlias).toMatchObject({ status: 'returned', officialNo: numbered.officialNo, reasons_zh: ['请补充身份证明复印件'] });
    await central!.store.applyCaseAction({ action: 'accept', number: v.provisionalNo }, new Date());
    await central!.store.applyCaseAction({ action: 'assign', number: numbered.officialNo!, team: 'fast' }, new Date());
    await new Promise<void>((resolve) => {
      const on = () => {
        if (findCaseStatus(k.db, numbered.officialNo!)?.status === 'assigned') resolve();
      };
      k.sync.on('filing.updated', on);
      on();
    });
    expect(findCaseStatus(k.db, numbered.officialNo!)).toMatchObject({ status: 'assigned', team: 'fast' });
    expect(k.sync.status().lastPullAt).not.toBeNull();
  });
});
