/**
 * Kiosk sync engine against a real central gateway over real HTTP on 127.0.0.1, each on its
 * own SQLite file.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { once } from 'node:events';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src-main/db/open.js';
import { FilingService } from '../../../src-main/filings/filing-service.js';
import { getFilingView } from '../../../src-main/filings/filing-store.js';
import { SyncEngine } from '../../../src-main/sync/sync-engine.js';
import { startCentral, type CentralHandle } from '../../../src-main/central/central-server.js';
import { createLogger } from '../../../src-main/log/logger.js';
import { findCourt } from '../../../src-shared/courts/court-profile.js';
import { filingDraftSchema, type FilingView } from '../../../src-shared/domain/filing.js';
import { APPLICANT, draft } from '../../support/fixtures.js';
import { tempDir } from '../../support/tmp.js';

const log = createLogger({ sink: [] });
const court = findCourt('jiaozuo-shanyang')!;

interface Kiosk {
  db: Db;
  service: FilingService;
  sync: SyncEngine;
}

describe('sync to the central gateway', () => {
  let dir: ReturnType<typeof tempDir>;
  let central: CentralHandle | null;
  const kiosks: Kiosk[] = [];

  const makeKiosk = (name: string, centralUrl: string | null): Kiosk => {
    const db = openDatabase(join(dir.path, `${name}.sqlite`), 'kiosk');
    const deviceId = `${name}-0000-4000-8000-000000000000`;
    const sync = new SyncEngine({ db, deviceId, courtCode: court.code, centralUrl, log, baseDelayMs: 20, maxDelayMs: 100, watchdogMs: 200 });
    const service = new FilingService({ db, deviceId, court, applicantKeySecret: 's', now: () => new Date(), log, onSubmitted: () => sync.kick() });
    const k = { db, service, sync };
    kiosks.push(k);
    sync.start();
    return k;
  };
  const submit = (k: Kiosk, d = draft()) => k.service.submit(filingDraftSchema.parse(d), APPLICANT);
  const accepted = (k: Kiosk, id: string) =>
    new Promise<FilingView>((resolve) => {
      const now = getFilingView(k.db, id);
      if (now?.officialNo) return resolve(now);
      const on = (v: FilingView) => {
        if (v.id === id) {
          k.sync.off('filing.updated', on);
          resolve(v);
        }
      };
      k.sync.on('filing.updated', on);
    });

  beforeEach(async () => {
    dir = tempDir();
    central = await startCentral({ dbFile: join(dir.path, 'central.sqlite'), port: 0, log });
  });
  afterEach(async () => {
    for (const k of kiosks.splice(0)) {
      await k.sync.stop();
      k.db.close();
    }
    await central?.close();
    dir.cleanup();
  });

  it('gets the official number from the central and keeps the provisional one as an alias', async () => {
    const k = makeKiosk('aaaaaaaa', central!.url);
    const v = submit(k);
    const done = await accepted(k, v.id);
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    expect(done.officialNo).toBe(`（${year}）豫0811执1号`);
    expect(done.provisionalNo).toBe(v.provisionalNo);
    expect(done.status).toBe('accepted');
    expect(k.sync.status().queueDepth).toBe(0);
  });

  it('tells the UI the central is reachable before anything is filed', async () => {
    const k = makeKiosk('ffffffff', central!.url);
    if (!k.sync.status().online) await once(k.sync, 'status');
    expect(k.sync.status()).toMatchObject({ online: true, queueDepth: 0 });
  });

  it('numbers filings from two kiosks of one court on one gapless sequence', async () => {
    const a = makeKiosk('aaaaaaaa', central!.url);
    const b = makeKiosk('bbbbbbbb', central!.url);
    const views = [submit(a), submit(b), submit(a), submit(b), submit(b)];
    const done = await Promise.all(views.map((v, i) => accepted(i === 0 || i === 2 ? a : b, v.id)));
    const seqs = done.map((d) => Number(/执(\d+)号/.exec(d.officialNo!)![1])).sort((x, y) => x - y);
    expect(seqs).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps filings while the central is down and binds the official number when it returns', async () => {
    const url = central!.url;
    await central!.close();
    central = null;
    const k = makeKiosk('cccccccc', url);
    const v = submit(k);
    await once(k.sync, 'status');
    expect(k.sync.status()).toMatchObject({ online: false, queueDepth: 1 });
    expect(k.sync.status().lastError).toMatch(/unreachable/);
    central = await startCentral({ dbFile: join(dir.path, 'central.sqlite'), port: Number(new URL(url).port), log });
    const done = await accepted(k, v.id);
    expect(done.officialNo).toMatch(/^（\d{4}）豫0811执1号$/);
    expect(k.sync.status()).toMatchObject({ online: true, queueDepth: 0, lastError: null });
  });

  it('answers a replayed mutation with the same number', async () => {
    const body = {
      protocol: 1,
      deviceId: 'dddddddd',
      courtCode: court.code,
      mutations: [{ mutationId: 1, kind: 'filing.create', filing: { ...filingRecord(), id: '11111111-1111-4111-8111-111111111111' } }],
    };
    const push = async () => (await fetch(`${central!.url}/v1/push`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } })).json();
    const first = await push();
    const second = await push();
    expect(second).toEqual(first);
    expect(first.results[0].status).toBe('accepted');
  });

  it('rejects a tampered filing in the answer body and moves on to the next', async () => {
    const bad = { ...filingRecord(), id: '22222222-2222-4222-8222-222222222222', basisNumber: 'not a number' };
    const good = { ...filingRecord(), id: '33333333-3333-4333-8333-333333333333' };
    const res = await fetch(`${central!.url}/v1/push`, {
      method: 'POST',
      body: JSON.stringify({ protocol: 1, deviceId: 'eeeeeeee', courtCode: court.code, mutations: [{ mutationId: 1, kind: 'filing.create', filing: bad }, { mutationId: 2, kind: 'filing.create', filing: good }] }),
    });
    const json = await res.json();
    expect(json.results[0]).toMatchObject({ status: 'rejected', code: 'bad-basis' });
    expect(json.results[0].reason_zh).toMatch(/执行依据文号有误/);
    expect(json.results[1]).toMatchObject({ status: 'accepted' });
  });

  it('answers a kiosk speaking another protocol version with a clear refusal', async () => {
    const res = await fetch(`${central!.url}/v1/push`, { method: 'POST', body: JSON.stringify({ protocol: 99, deviceId: 'x', courtCode: court.code, mutations: [] }) });
    expect(res.status).toBe(409);
    expect((await res.json()).message_zh).toMatch(/版本/);
  });
});

function filingRecord() {
  return {
    id: '00000000-0000-4000-8000-000000000000',
    provisionalNo: '临-DDDDDD-20261122-0001',
    courtId: 'jiaozuo-shanyang',
    courtCode: '豫0811',
    typeCode: '执',
    submittedAt: '2026-11-22T01:00:00.000Z',
    applicant: APPLICANT,
    respondents: [{ kind: 'person' as const, name: '李四' }],
    basisNumber: '（2024）豫0811民初123号',
    amountFen: 100,
  };
}
