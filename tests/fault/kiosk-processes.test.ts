/**
 * Faults with real processes: a kiosk process SIGKILLed during its local writes and during a
 * push, restarted on the same files; the central process SIGKILLed and restarted; a central
 * database newer than the gateway; a corrupted kiosk database. Afterwards every filing has
 * exactly one official number and the sequence has no gap.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { spawnYzt, type YztProcess } from '../../src-main/proc/spawn-yzt.js';
import { SqliteCentralStore } from '../../src-main/central/sqlite-store.js';
import { issueEnrolCode } from '../../src-main/central/enrolment.js';
import { enrolKiosk } from '../../src-main/sync/enrol-kiosk.js';
import { openDatabase } from '../../src-main/db/open.js';
import { CENTRAL_ROLE, centralKeyFile } from '../../src-main/db/central-db-key.js';
import { openKioskFile } from '../../src-main/db/kiosk-cipher.js';
import { tempDir } from '../support/tmp.js';
import { spawnWorker, spawnYztRaw } from './support/processes.js';
import { expectConsistent } from './support/invariants.js';

// Child processes start tsx each; on a loaded two-core CI machine that takes seconds.
const SLOW = { timeout: 90_000 };

describe('sync faults with real processes', () => {
  let dir: ReturnType<typeof tempDir>;
  let central: YztProcess | null = null;
  let centralUrl = '';
  const centralDb = () => join(dir.path, 'central.sqlite');

  const startCentral = async (port = 0) => {
    central = await spawnYzt(['central', 'serve', '--port', String(port), '--db', centralDb()], /listening on (http:\/\/\S+)/);
    centralUrl = central.ready[1] ?? '';
  };
  const enrolledKioskDir = async (name: string) => {
    const data = join(dir.path, name);
    mkdirSync(data, { recursive: true });
    const db = openDatabase(join(data, 'kiosk.sqlite'), 'kiosk');
    const store = new SqliteCentralStore(centralDb());
    const issued = await issueEnrolCode(store, 'jiaozuo-shanyang', new Date());
    await store.close();
    if (!issued.ok) throw new Error('code');
    expect((await enrolKiosk(db, { centralUrl, code: issued.code })).ok).toBe(true);
    db.close();
    return data;
  };
  const check = async (dataDirs: string[]) => {
    const store = new SqliteCentralStore(centralDb());
    const dbs = dataDirs.map((d) => openKioskFile(join(d, 'kiosk.sqlite'), { readonly: true }));
    try {
      return await expectConsistent(store, dbs);
    } finally {
      dbs.forEach((d) => d.close());
      await store.close();
    }
  };

  beforeEach(async () => {
    dir = tempDir('yzt-fault-');
    await startCentral();
  });
  afterEach(async () => {
    await central?.stop();
    central = null;
    dir.cleanup();
  });

  it('survives a kiosk killed during its local writes and again during a push', SLOW, async () => {
    const data = await enrolledKioskDir('k1');
    const first = spawnWorker([data, centralUrl, '400', '5']);
    await first.waitFor(/^stored 40 /);
    await first.stop('SIGKILL'); // mid-write: the loop commits one filing after another
    const stored = first.lines.filter((l) => l.startsWith('stored ')).map((l) => l.split(' ')[2]!);

    const second = spawnWorker([data, centralUrl, '60', '5']);
    await second.waitFor(/^numbered /);
    await second.stop('SIGKILL'); // mid-push: batches of 5 are in flight

    const storedLater = second.lines.filter((l) => l.startsWith('stored ')).length;
    const third = spawnWorker([data, centralUrl, '0', '5']);
    await third.waitFor(/^drained$/);
    await third.stop();
    const db = openKioskFile(join(data, 'kiosk.sqlite'), { readonly: true });
    const ids = new Set((db.prepare('SELECT id FROM filings').all() as { id: string }[]).map((r) => r.id));
    db.close();
    for (const id of stored) expect(ids.has(id), `reported stored ${id} survives SIGKILL`).toBe(true);
    const { filings } = await check([data]);
    expect(filings).toBeGreaterThanOrEqual(stored.length + storedLater);
  });

  it('survives the central killed mid-push and restarted on the same port', SLOW, async () => {
    const a = await enrolledKioskDir('ka');
    const b = await enrolledKioskDir('kb');
    const wa = spawnWorker([a, centralUrl, '100', '10']);
    const wb = spawnWorker([b, centralUrl, '100', '10']);
    await wa.waitFor(/^numbered /);
    await central!.stop('SIGKILL');
    await startCentral(Number(new URL(centralUrl).port));
    await Promise.all([wa.waitFor(/^drained$/), wb.waitFor(/^drained$/)]);
    await Promise.all([wa.stop(), wb.stop()]);
    expect((await check([a, b])).filings).toBe(200);
  });

  it('refuses a central database newer than the gateway with a clear message', SLOW, async () => {
    await central!.stop();
    central = null;
    const db = openKioskFile(centralDb(), { keyFile: centralKeyFile(centralDb()), role: CENTRAL_ROLE }); // encrypted like the kiosk's
    db.pragma('user_version = 99');
    db.close();
    const p = spawnYztRaw(['central', 'serve', '--port', '0', '--db', centralDb()]);
    expect(await p.exited).toBe(1);
    expect(p.lines.join('\n')).toMatch(/数据库版本（99）高于本程序支持的版本/);
  });

  it('detects a corrupted kiosk database and a kiosk database from a newer app', SLOW, async () => {
    const bad = join(dir.path, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, 'kiosk.sqlite'), Buffer.alloc(8192, 0x5a));
    const p = spawnYztRaw(['sync', 'status', '--data', bad, '--json']);
    expect(await p.exited).toBe(1);
    expect(p.lines.join('\n')).toMatch(/终端数据库文件已损坏.*\[db-corrupt\]/);

    const future = await enrolledKioskDir('future');
    const db = openKioskFile(join(future, 'kiosk.sqlite'));
    db.pragma('user_version = 99');
    db.close();
    const q = spawnYztRaw(['sync', 'status', '--data', future]);
    expect(await q.exited).toBe(1);
    expect(q.lines.join('\n')).toMatch(/高于本程序支持的版本.*\[db-from-future\]/);
  });
});
