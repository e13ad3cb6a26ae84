/**
 * The central anchors each kiosk's audit chain: a real `yzt central serve` process receives
 * heartbeats from an enrolled kiosk (real HTTP, the kiosk's real encrypted file), and a kiosk
 * database swapped back to an older copy (a rewind) or an older copy grown with other entries (a
 * fork) is reported by `yzt central kiosks` and in the kiosk's own health view. Both copies
 * verify locally with every key, which is why the central must compare. The court clears a
 * problem it has looked into with `yzt central audit-clear`. Before this, the
 * central stored the head but never compared it: the same run listed the kiosk as healthy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnYzt, type YztProcess } from '../../../src-main/proc/spawn-yzt.js';
import { spawnYztRaw } from '../../fault/support/processes.js';
import { openDatabase, type Db } from '../../../src-main/db/open.js';
import { appendAudit, verifyAudit } from '../../../src-main/audit/audit-log.js';
import { Heartbeat } from '../../../src-main/sync/heartbeat.js';
import { kioskHealth } from '../../../src-main/admin/health.js';
import { tempDir } from '../../support/tmp.js';
import { court, enrol, openKiosk, quietLog } from '../sync/support.js';
import { openCentralStore } from '../../../src-main/central/open-store.js';
import { issueEnrolCode } from '../../../src-main/central/enrolment.js';
import { enrolKiosk as enrolWithCode } from '../../../src-main/sync/enrol-kiosk.js';
import { PG_URL, freshDatabase } from '../central/pg-support.js';

async function yzt(args: string[]): Promise<{ code: number | null; out: string }> {
  const p = spawnYztRaw(args);
  const code = await p.exited;
  await new Promise((r) => setImmediate(r));
  return { code, out: p.lines.join('\n') };
}

const engines = [{ engine: 'sqlite' }, ...(PG_URL ? [{ engine: 'postgres' }] : [])];

describe.each(engines)('audit heads anchored at the central on $engine', { timeout: 120_000 }, ({ engine }) => {
  const dir = tempDir();
  const centralDb = join(dir.path, 'central.sqlite');
  let store: string[] = ['--db', centralDb];
  let pgDb: Awaited<ReturnType<typeof freshDatabase>> | null = null;
  let central: YztProcess;

  beforeAll(async () => {
    if (engine === 'postgres') {
      pgDb = await freshDatabase();
      store = ['--pg', pgDb.url];
    }
    central = await spawnYzt(['central', 'serve', '--port', '0', ...store], /listening on (http:\/\/\S+)/);
  });
  afterAll(async () => {
    await central.stop();
    await pgDb?.drop();
    dir.cleanup();
  });

  const enrolKiosk = async (name: string): Promise<{ data: string; file: string; deviceId: string }> => {
    const data = join(dir.path, name);
    mkdirSync(data);
    const issued = await yzt(['central', 'enrol-code', '--court', 'jiaozuo-shanyang', ...store, '--json']);
    const { code } = JSON.parse(issued.out) as { code: string };
    const enrolled = await yzt(['kiosk', 'enrol', '--code', code, '--central', central.ready[1]!, '--data', data, '--json']);
    expect(enrolled.code).toBe(0);
    return { data, file: join(data, 'kiosk.sqlite'), deviceId: (JSON.parse(enrolled.out) as { deviceId: string }).deviceId };
  };
  const beat = async (k: { data: string; file: string }, db: Db) => {
    const h = new Heartbeat({ db, dbFile: k.file, dataDir: k.data, appVersion: '9.9.9-test', log: quietLog, health: () => ({ ok: true, at: new Date().toISOString(), checks: [] }) });
    expect(await h.beat()).toMatchObject({ ok: true });
  };
  const grow = (db: Db, n: number, actor: string) => {
    for (let i = 0; i < n; i++) appendAudit(db, { at: new Date().toISOString(), actor, action: 'counter.signin', subject: actor, details: {} });
  };
  const kiosksLine = async (deviceId: string) => {
    const r = await yzt(['central', 'kiosks', ...store]);
    return { code: r.code, line: r.out.split('\n').find((l) => l.startsWith(deviceId)) ?? '' };
  };

  it('reports a kiosk database rolled back to an older copy as a rewind', async () => {
    const k = await enrolKiosk('rewind');
    let db = openDatabase(k.file, 'kiosk');
    grow(db, 3, 'clerk:wang');
    await beat(k, db);
    db.close();
    copyFileSync(k.file, join(dir.path, 'rewind-copy.sqlite'));
    db = openDatabase(k.file, 'kiosk');
    grow(db, 2, 'clerk:wang');
    await beat(k, db);
    expect((await kiosksLine(k.deviceId)).line).not.toMatch(/REWIND|FORK/);
    db.close();

    copyFileSync(join(dir.path, 'rewind-copy.sqlite'), k.file);
    db = openDatabase(k.file, 'kiosk');
    expect(verifyAudit(db)).toMatchObject({ ok: true });
    await beat(k, db);
    const seen = await kiosksLine(k.deviceId);
    expect(seen.line).toMatch(/审计链回退 audit REWIND/);
    expect(seen.code).toBe(1);
    const health = kioskHealth({ dbFile: k.file, dataDir: k.data });
    db.close();
    expect(health.checks).toContainEqual(expect.objectContaining({ name: 'audit-anchor', status: 'fail' }));

    // IT has looked into it: cleared once, on record, and the listing is clean again.
    expect((await yzt(['central', 'audit-clear', '--device', k.deviceId, ...store])).code).toBe(0);
    expect((await kiosksLine(k.deviceId)).line).not.toMatch(/REWIND|FORK/);
    expect((await yzt(['central', 'audit-clear', '--device', k.deviceId, ...store])).code).toBe(1);
  });

  it('reports an older copy grown with other entries as a fork, and a kiosk that only grows as neither', async () => {
    const k = await enrolKiosk('fork');
    let db = openDatabase(k.file, 'kiosk');
    grow(db, 2, 'clerk:wang');
    await beat(k, db);
    db.close();
    copyFileSync(k.file, join(dir.path, 'fork-copy.sqlite'));
    db = openDatabase(k.file, 'kiosk');
    grow(db, 2, 'clerk:wang');
    await beat(k, db);
    grow(db, 1, 'clerk:wang');
    await beat(k, db);
    db.close();
    expect((await kiosksLine(k.deviceId)).line).not.toMatch(/REWIND|FORK/);

    copyFileSync(join(dir.path, 'fork-copy.sqlite'), k.file);
    db = openDatabase(k.file, 'kiosk');
    grow(db, 4, 'clerk:li'); // more entries than the central has seen, on another branch
    expect(verifyAudit(db)).toMatchObject({ ok: true, entries: 6 });
    await beat(k, db);
    db.close();
    const json = JSON.parse((await yzt(['central', 'kiosks', ...store, '--json'])).out) as { kiosks: Array<{ deviceId: string; audit: { problem: string } | null }> };
    expect(json.kiosks.find((x) => x.deviceId === k.deviceId)?.audit).toMatchObject({ problem: 'fork' });
    expect((await kiosksLine(k.deviceId)).line).toMatch(/审计链分叉 audit FORK/);
  });

  it('starts afresh for a kiosk the court re-enrolled on a new disk, rather than calling its new chain a rewind', async () => {
    const store = await openCentralStore(engine === 'postgres' ? { pgUrl: pgDb!.url } : { dbFile: centralDb });
    const first = join(dir.path, 'disk1');
    const second = join(dir.path, 'disk2');
    mkdirSync(first);
    mkdirSync(second);
    const old = openKiosk(first, 'reenrol', null);
    try {
      await enrol(old, store, central.ready[1]!);
      grow(old.db, 4, 'clerk:wang');
      await beat({ data: first, file: join(first, 'reenrol.sqlite') }, old.db);
      expect(await store.revokeDevice(old.deviceId, new Date())).toBe(true);
    } finally {
      await old.close();
    }
    const fresh = openKiosk(second, 'reenrol', null);
    try {
      const issued = await issueEnrolCode(store, court.id, new Date(), 1, fresh.deviceId);
      expect((await enrolWithCode(fresh.db, { centralUrl: central.ready[1]!, code: issued.ok ? issued.code : '' })).ok).toBe(true);
      await beat({ data: second, file: join(second, 'reenrol.sqlite') }, fresh.db);
      expect((await kiosksLine(fresh.deviceId)).line).not.toMatch(/REWIND|FORK/);
    } finally {
      await fresh.close();
      await store.close();
    }
  });
});
