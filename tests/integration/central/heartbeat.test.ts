/**
 * Kiosk heartbeats over real HTTP: delivered and listed for the court (API and CLI), a kiosk
 * that stops is shown down once the central's clock passes the stale time (an injected clock,
 * no sleeps), a revoked kiosk's heartbeat is refused. On SQLite always, on PostgreSQL when
 * YZT_TEST_PG_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { startCentral, type CentralHandle } from '../../../src-main/central/central-server.js';
import { Heartbeat, type BeatOutcome } from '../../../src-main/sync/heartbeat.js';
import { verifyAudit } from '../../../src-main/audit/audit-log.js';
import { command as kiosksCommand } from '../../../src-main/cli/commands/central-kiosks.js';
import type { KioskListResponse } from '../../../src-shared/sync/protocol.js';
import { fixedClock, tempDir } from '../../support/tmp.js';
import { APPLICANT } from '../../support/fixtures.js';
import { enrol, openKiosk, quietLog, settled, submit, type TestKiosk } from '../sync/support.js';
import { startKioskApp } from '../../../src-main/app/kiosk-app.js';
import { openDatabase } from '../../../src-main/db/open.js';
import { readSetting } from '../../../src-main/kiosk/settings.js';
import { mkdirSync } from 'node:fs';
import { PG_SKIP_NOTE, PG_URL, dropSchema, freshSchema } from './pg-support.js';

if (!PG_URL) console.warn(PG_SKIP_NOTE);

const TOKEN = 'court-token';
const engines = [{ engine: 'sqlite' }, ...(PG_URL ? [{ engine: 'postgres' }] : [])];

describe.each(engines)('kiosk heartbeat on $engine', ({ engine }) => {
  const dir = tempDir();
  const schema = freshSchema();
  const clock = fixedClock(new Date().toISOString());
  const dbFile = join(dir.path, 'central.sqlite');
  let central: CentralHandle;
  let a: TestKiosk;
  let b: TestKiosk;
  const beaters: Heartbeat[] = [];

  const heartbeatOf = (k: TestKiosk, name: string, intervalMs = 60_000) => {
    const h = new Heartbeat({ db: k.db, dbFile: join(dir.path, `${name}.sqlite`), dataDir: dir.path, appVersion: '9.9.9-test', log: quietLog, intervalMs });
    beaters.push(h);
    return h;
  };
  const list = async (query = '', token = TOKEN) => {
    const res = await fetch(`${central.url}/v1/court/kiosks${query}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: (await res.json()) as KioskListResponse };
  };
  const entry = (l: KioskListResponse, k: TestKiosk) => l.kiosks.find((x) => x.deviceId === k.deviceId)!;

  beforeAll(async () => {
    central = await startCentral({
      ...(engine === 'postgres' ? { pgUrl: PG_URL, pgSchema: schema } : { dbFile }),
      port: 0,
      log: quietLog,
      adminToken: TOKEN,
      now: clock.now,
    });
    a = openKiosk(dir.path, 'hbaaaaaa', null);
    b = openKiosk(dir.path, 'hbbbbbbb', null);
    await enrol(a, central.store, central.url);
    await enrol(b, central.store, central.url);
  });
  afterAll(async () => {
    for (const h of beaters) await h.stop();
    await a.close();
    await b.close();
    await central.close();
    if (engine === 'postgres') await dropSchema(schema);
    dir.cleanup();
  });

  it('delivers a summary without personal data and lists it with the last push', async () => {
    const pending = submit(a);
    const h = heartbeatOf(a, 'hbaaaaaa');
    const beat = await h.beat();
    expect(beat).toEqual({ ok: true, receivedAt: clock.now().toISOString() });

    const first = await list();
    expect(first.status).toBe(200);
    const seen = entry(first.body, a);
    expect(seen).toMatchObject({ courtCode: '豫0811', revokedAt: null, lastHeartbeatAt: clock.now().toISOString(), lastPushAt: null, down: false });
    expect(seen.enrolledAt).not.toBeNull();
    const audit = verifyAudit(a.db);
    expect(seen.health).toMatchObject({ appVersion: '9.9.9-test', queueDepth: 1, auditHead: audit.ok ? audit.head : 'broken', auditEntries: audit.entries });
    expect(seen.health!.oldestPendingSeconds).toBeGreaterThanOrEqual(0);
    expect(seen.health!.checks).toContainEqual({ name: 'database', status: 'ok' });
    const text = JSON.stringify(seen.health);
    for (const secret of [APPLICANT.name, APPLICANT.idNumber, dir.path]) expect(text).not.toContain(secret);

    // b never sent one: it is down from the start.
    expect(entry(first.body, b)).toMatchObject({ lastHeartbeatAt: null, health: null, down: true });

    a.sync.start();
    await settled(a, pending.id);
    await h.beat();
    const after = entry((await list()).body, a);
    expect(after.lastPushAt).not.toBeNull();
    expect(after.health!.queueDepth).toBe(0);
    expect(after.health!.oldestPendingSeconds).toBeNull();
  });

  it('beats on its timer, and a kiosk that stops is down after the stale time', async () => {
    const h = heartbeatOf(b, 'hbbbbbbb', 30);
    const beats: BeatOutcome[] = [];
    const twice = new Promise<void>((resolve) =>
      h.on('beat', (o) => {
        beats.push(o);
        if (beats.length === 2) resolve();
      }),
    );
    h.start();
    await twice;
    await h.stop();
    expect(beats.every((o) => o.ok)).toBe(true);
    expect(entry((await list()).body, b).down).toBe(false);

    clock.advance(5 * 60_000 - 1);
    expect(entry((await list()).body, b).down).toBe(false);
    clock.advance(2);
    const late = await list();
    expect(late.body.staleMinutes).toBe(5);
    expect(entry(late.body, b).down).toBe(true);
    expect(entry((await list('?staleMinutes=10')).body, b).down).toBe(false);

    // The kiosk comes back: up again, stamped with the central's clock, not its own.
    await h.beat();
    expect(entry((await list()).body, b)).toMatchObject({ down: false, lastHeartbeatAt: clock.now().toISOString() });
  });

  it('refuses a revoked kiosk and lists it as revoked, not down', async () => {
    const h = heartbeatOf(a, 'hbaaaaaa');
    const before = entry((await list()).body, a).lastHeartbeatAt;
    expect(await central.store.revokeDevice(a.deviceId, clock.now())).toBe(true);
    expect(await h.beat()).toEqual({ ok: false, code: 'device-revoked' });
    clock.advance(60 * 60_000);
    const seen = entry((await list()).body, a);
    expect(seen.revokedAt).not.toBeNull();
    expect(seen).toMatchObject({ lastHeartbeatAt: before, down: false });
  });

  it('keeps the list for court staff', async () => {
    expect((await list('', 'wrong')).status).toBe(403);
    expect((await list('?staleMinutes=-1')).status).toBe(400);
  });

  // Not declared on PostgreSQL rather than skipped there: the CLI reads the gateway's SQLite
  // file, and the timer below does not depend on the store's engine.
  if (engine === 'sqlite') it('lists with `yzt central kiosks`: exit 0 when all are up, 1 when one is down', async () => {
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) };
    const run = async (values: Record<string, string | boolean>) => {
      out.length = 0;
      return kiosksCommand.run({ values: { db: dbFile, ...values }, positionals: [] }, io);
    };
    // Its own state, not the earlier tests': a revoked, b beat moments ago by the real clock the
    // CLI uses (the central's clock is at or ahead of it).
    await central.store.revokeDevice(a.deviceId, clock.now());
    expect(await heartbeatOf(b, 'hbbbbbbb').beat()).toMatchObject({ ok: true });
    expect(await run({ json: true })).toBe(0);
    const listed = JSON.parse(out.join('\n')) as KioskListResponse;
    expect(listed.kiosks.map((k) => k.deviceId).sort()).toEqual([a.deviceId, b.deviceId].sort());

    const c = openKiosk(dir.path, 'hbcccccc', null);
    try {
      await enrol(c, central.store, central.url);
      expect(await run({ 'stale-minutes': '2' })).toBe(1);
      const text = out.join('\n');
      expect(text).toMatch(new RegExp(`${a.deviceId}.*已停用 revoked`));
      expect(text).toMatch(new RegExp(`${b.deviceId}.*在线 up.*v9\\.9\\.9-test`));
      expect(text).toMatch(new RegExp(`${c.deviceId}.*无心跳 DOWN`));
      await expect(run({ 'stale-minutes': 'soon' })).rejects.toThrow(/stale-minutes/);
    } finally {
      await c.close();
    }
  });

  if (engine === 'sqlite') it('is sent by the kiosk app on its timer from start', async () => {
    const data = join(dir.path, 'app');
    mkdirSync(data);
    const kdb = openDatabase(join(data, 'kiosk.sqlite'), 'kiosk');
    await enrol({ db: kdb }, central.store, central.url);
    const deviceId = readSetting(kdb, 'device.id');
    kdb.close();
    const store = central.store;
    const record = store.recordHeartbeat.bind(store);
    const arrived = new Promise<number>((resolve) => {
      let n = 0;
      store.recordHeartbeat = async (id, summary, now) => {
        const judged = await record(id, summary, now);
        if (id === deviceId && ++n === 2) resolve(summary.checks.length);
        return judged;
      };
    });
    const app = await startKioskApp({ dataDir: data, shell: 'host', log: quietLog, reader: null, heartbeatMs: 40 });
    try {
      expect(await arrived).toBeGreaterThan(0);
    } finally {
      await app.close();
      store.recordHeartbeat = record;
    }
    expect(entry((await list()).body, { deviceId } as TestKiosk).down).toBe(false);
  });
});
