/**
 * A device identity cannot be taken (issue 13, point 1), tried against a real central process.
 * Device ids are public, so an attacker holding any enrolment code (here one of another
 * court) posts it with a live kiosk's id. Against the old code this replaced the kiosk's
 * secret, moved it to the other court and cleared a revocation; here it is refused, the kiosk
 * keeps working, a revocation holds, and only a code the court issued for that revoked device
 * re-enrols it, with every step kept as a device event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { spawnYzt, type YztProcess } from '../../../src-main/proc/spawn-yzt.js';
import { SqliteCentralStore } from '../../../src-main/central/sqlite-store.js';
import { issueEnrolCode } from '../../../src-main/central/enrolment.js';
import { CentralClient, SyncFailure } from '../../../src-main/sync/central-client.js';
import { readCredential } from '../../../src-main/sync/sync-state.js';
import { enrolKiosk } from '../../../src-main/sync/enrol-kiosk.js';
import { PROTOCOL_VERSION } from '../../../src-shared/sync/protocol.js';
import { tempDir } from '../../support/tmp.js';
import { court, enrol, openKiosk, type TestKiosk } from '../sync/support.js';

describe('enrolment binds a device id once', () => {
  const dir = tempDir();
  const centralDb = join(dir.path, 'central.sqlite');
  let central: YztProcess;
  let url = '';
  let kiosk: TestKiosk;
  let store: SqliteCentralStore;

  const codeFor = async (courtId: string, forDevice: string | null = null) => {
    const r = await issueEnrolCode(store, courtId, new Date(), 1, forDevice);
    if (!r.ok) throw new Error(r.message_en);
    return r.code;
  };
  const postEnrol = async (code: string, deviceId: string) => {
    const res = await fetch(`${url}/v1/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, deviceId, protocol: PROTOCOL_VERSION }) });
    return { status: res.status, body: (await res.json()) as { error?: string; secret?: string } };
  };
  const hello = () => new CentralClient(readCredential(kiosk.db)!, { protocol: PROTOCOL_VERSION, schema: 4, now: () => new Date(), timeoutMs: 5000 }).request('GET', '/v1/hello');

  beforeAll(async () => {
    central = await spawnYzt(['central', 'serve', '--port', '0', '--db', centralDb], /listening on (http:\/\/\S+)/);
    url = central.ready[1] ?? '';
    store = new SqliteCentralStore(centralDb);
    kiosk = openKiosk(dir.path, 'bindme', null);
    await enrol(kiosk, store, url);
  });
  afterAll(async () => {
    await kiosk?.close();
    await store?.close();
    await central?.stop();
    dir.cleanup();
  });

  it("refuses another court's code for a live kiosk's id, and the kiosk keeps its secret and court", async () => {
    const taken = await postEnrol(await codeFor('wuzhi'), kiosk.deviceId);
    expect(taken.status).toBe(409);
    expect(taken.body.error).toBe('device-bound');
    expect(taken.body.secret).toBeUndefined();
    await expect(hello()).resolves.toBeDefined();
    expect((await store.device(kiosk.deviceId))?.courtCode).toBe(court.code);
  });

  it('keeps a revocation: a plain code does not bring the device back', async () => {
    expect(await store.revokeDevice(kiosk.deviceId, new Date())).toBe(true);
    const back = await postEnrol(await codeFor(court.id), kiosk.deviceId);
    expect(back.status).toBe(409);
    expect((await store.device(kiosk.deviceId))?.revokedAt).not.toBeNull();
    const refused = await hello().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SyncFailure);
    expect((refused as SyncFailure).problem).toMatchObject({ code: 'device-revoked' });
  });

  it('re-enrols only with a code issued for that revoked device, and records each step', async () => {
    // A live device gets no re-enrolment code, and a code for this device serves no other.
    const other = openKiosk(dir.path, 'otherdev', null);
    try {
      await enrol(other, store, url);
      expect((await issueEnrolCode(store, court.id, new Date(), 1, other.deviceId)).ok).toBe(false);
    } finally {
      await other.close();
    }
    const code = await codeFor(court.id, kiosk.deviceId);
    expect((await postEnrol(code, 'someone-else')).status).toBe(403);
    const r = await enrolKiosk(kiosk.db, { centralUrl: url, code });
    expect(r.ok).toBe(true);
    await expect(hello()).resolves.toBeDefined();
    expect((await store.deviceEvents(kiosk.deviceId)).map((e) => e.action)).toEqual(['enrolled', 'takeover-refused', 'revoked', 'takeover-refused', 're-enrol-code', 're-enrolled']);
  });
});
