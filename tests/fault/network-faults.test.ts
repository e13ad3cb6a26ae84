/**
 * Sync faults over real HTTP on 127.0.0.1 with real SQLite files: an answer lost after the
 * central committed, a server error at mutation k of n, a permanently invalid filing, the
 * same batch twice at once, clock skew and a clock stepping back, a revoked credential, a
 * kiosk schema older than the central accepts, and a kiosk restored from an old backup.
 */
import { backupKioskDb } from '../../src-main/db/backup.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { copyFileSync, rmSync } from 'node:fs';
import { startCentral, type CentralHandle } from '../../src-main/central/central-server.js';
import { SqliteCentralStore } from '../../src-main/central/sqlite-store.js';
import type { CentralStore } from '../../src-main/central/store.js';
import { insertFiling } from '../../src-main/filings/filing-store.js';
import { CentralClient, SyncFailure } from '../../src-main/sync/central-client.js';
import { readCredential } from '../../src-main/sync/sync-state.js';
import type { PushResponse } from '../../src-shared/sync/protocol.js';
import { tempDir } from '../support/tmp.js';
import { enrol, filingRecord, openKiosk, quietLog, settled, statusWhere, submit, type TestKiosk } from '../integration/sync/support.js';
import { startCuttingProxy } from './support/cutting-proxy.js';
import { expectConsistent } from './support/invariants.js';

/**
 * The store fails once, at the k-th case it inserts: a trigger calls a JS function that throws,
 * so the batch's transaction is rolled back half-way, as a crash inside it would leave it.
 * The counter lives in JS, so the retried batch goes through.
 */
function failingAt(inner: SqliteCentralStore, k: number): CentralStore {
  let calls = 0;
  inner.db.function('yzt_fault_point', () => {
    calls += 1;
    if (calls === k) throw new Error('injected failure');
    return 0;
  });
  inner.db.exec('CREATE TEMP TRIGGER yzt_fault BEFORE INSERT ON main.cases BEGIN SELECT yzt_fault_point(); END');
  return inner;
}

describe('sync faults over the network', () => {
  let dir: ReturnType<typeof tempDir>;
  let central: CentralHandle;
  let store: SqliteCentralStore;
  const open: TestKiosk[] = [];

  const kiosk = async (name: string, opts: Parameters<typeof openKiosk>[3] = {}, centralUrl: string | null = null) => {
    const k = openKiosk(dir.path, name, centralUrl, opts);
    open.push(k);
    if (!readCredential(k.db)) await enrol(k, central.store, central.url);
    return k;
  };
  const start = async (s: CentralStore = store) => {
    central = await startCentral({ store: s, port: 0, log: quietLog, recheckMs: 50 });
  };

  beforeEach(() => {
    dir = tempDir('yzt-netfault-');
    store = new SqliteCentralStore(join(dir.path, 'central.sqlite'));
  });
  afterEach(async () => {
    for (const k of open.splice(0)) await k.close();
    await central.close();
    dir.cleanup();
  });

  it('replays a push whose answer was cut after the central committed, without a second number', async () => {
    await start();
    const proxy = await startCuttingProxy(central.url);
    // Pull off: it would bring the lost numbers down by itself; this is about the push replay.
    const k = await kiosk('cut00000', { pull: false }, proxy.url);
    proxy.cutPushAnswers(2);
    k.sync.start();
    const views = Array.from({ length: 12 }, () => submit(k));
    await Promise.all(views.map((v) => settled(k, v.id)));
    await statusWhere(k, (s) => s.queueDepth === 0);
    expect(proxy.cuts).toBe(2);
    await expectConsistent(store, [k.db]);
    await proxy.close();
  });

  it('resumes after a server error at mutation 4 of 10', async () => {
    await start(failingAt(store, 4));
    const k = await kiosk('err00000', { batchCount: 10 });
    k.db.transaction(() => Array.from({ length: 10 }, () => submit(k)))();
    k.sync.start();
    await statusWhere(k, (s) => s.queueDepth === 0);
    await expectConsistent(store, [k.db]);
    expect((await store.numberedCases()).map((c) => c.seq)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
  });

  it('answers a permanently invalid filing as a rejection and moves the queue on', async () => {
    await start();
    const k = await kiosk('bad00000');
    const before = submit(k);
    const { provisionalNo: _omit, ...bad } = filingRecord({ id: randomUUID(), basisNumber: '随便写的' });
    void _omit;
    const tampered = insertFiling(k.db, bad, { deviceId: k.deviceId, applicantKey: 'x', now: new Date() });
    const after = submit(k);
    k.sync.start();
    const [a, t, b] = await Promise.all([settled(k, before.id), settled(k, tampered.id), settled(k, after.id)]);
    expect(t.status).toBe('rejected');
    expect(t.statusReason_zh).toMatch(/执行依据文号/);
    expect([a.officialNo, b.officialNo].map((n) => /(\d+)号/.exec(n!)![1])).toEqual(['1', '2']);
    expect(k.sync.status().queueDepth).toBe(0);
  });

  it('numbers the same batch pushed twice at once only once', async () => {
    await start();
    const k = await kiosk('dup00000');
    const client = new CentralClient(readCredential(k.db)!, { protocol: 2, schema: 4, now: () => new Date(), timeoutMs: 5000 });
    const body = { mutations: Array.from({ length: 20 }, (_, i) => ({ mutationId: i + 1, kind: 'filing.create' as const, filing: filingRecord() })) };
    const [x, y] = await Promise.all([client.request<PushResponse>('POST', '/v1/push', body), client.request<PushResponse>('POST', '/v1/push', body)]);
    expect(y).toEqual(x);
    expect((await store.numberedCases()).map((c) => c.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('syncs with the kiosk clock an hour ahead, an hour behind, and stepping back', async () => {
    await start();
    let offset = 3600_000;
    const k = await kiosk('clk00000', { now: () => new Date(Date.now() + offset) });
    k.sync.start();
    expect((await settled(k, submit(k).id)).officialNo).toMatch(/执1号/);
    offset = -3600_000; // stepped back two hours
    expect((await settled(k, submit(k).id)).officialNo).toMatch(/执2号/);
    const behind = await kiosk('clk11111', { now: () => new Date(Date.now() - 3600_000) });
    behind.sync.start();
    expect((await settled(behind, submit(behind).id)).officialNo).toMatch(/执3号/);
  });

  it('stops a revoked kiosk with a clear status and keeps its filings queued', async () => {
    await start();
    const k = await kiosk('rev00000');
    k.sync.start();
    await settled(k, submit(k).id);
    expect(await store.revokeDevice(k.deviceId, new Date())).toBe(true);
    submit(k);
    const s = await statusWhere(k, (x) => x.lastErrorCode === 'device-revoked');
    expect(s.queueDepth).toBe(1);
    expect(s.lastError_zh).toMatch(/停用/);
  });

  it('refuses a kiosk database schema older than the central accepts', async () => {
    await start();
    const k = await kiosk('old00000');
    const client = new CentralClient(readCredential(k.db)!, { protocol: 2, schema: 3, now: () => new Date(), timeoutMs: 5000 });
    const e = await client.request('GET', '/v1/hello').catch((x: SyncFailure) => x);
    expect((e as SyncFailure).problem).toMatchObject({ code: 'kiosk-schema-too-old' });
  });

  it('detects a kiosk restored from an old backup and numbers nothing twice', async () => {
    await start();
    const k = await kiosk('bak00000');
    k.sync.start();
    await Promise.all([submit(k), submit(k)].map((v) => settled(k, v.id)));
    await k.sync.stop();
    const pendingAtBackup = submit(k); // queued, not yet pushed, when the backup is taken
    const backup = join(dir.path, 'backup.sqlite');
    backupKioskDb(k.db, backup);
    k.sync.start();
    await settled(k, pendingAtBackup.id);
    await Promise.all([submit(k), submit(k)].map((v) => settled(k, v.id)));
    await k.close();
    open.splice(open.indexOf(k), 1);

    // The disk dies; IT restores last night's backup over the kiosk database.
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir.path, `bak00000.sqlite${suffix}`), { force: true });
    copyFileSync(backup, join(dir.path, 'bak00000.sqlite'));
    const again = openKiosk(dir.path, 'bak00000', null);
    open.push(again);
    again.sync.start();
    const fresh = submit(again);
    const [old, now] = await Promise.all([settled(again, pendingAtBackup.id), settled(again, fresh.id)]);
    expect(old.officialNo).toMatch(/执3号/); // the number it got before the disk died
    expect(now.officialNo).toMatch(/执6号/);
    const cases = await store.numberedCases();
    expect(cases.map((c) => c.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(cases.map((c) => c.filingId)).size).toBe(6);
  });
});

