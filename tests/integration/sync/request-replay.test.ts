/**
 * A signed request is taken once by a central on SQLite (the one-process memory behind the
 * same guard the PostgreSQL gateways share), while a kiosk whose clock stands still, or that
 * sends twice in one millisecond, is never taken for a replay of itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { startCentral, type CentralHandle } from '../../../src-main/central/central-server.js';
import { sign } from '../../../src-main/central/request-auth.js';
import { CentralClient } from '../../../src-main/sync/central-client.js';
import { readCredential } from '../../../src-main/sync/sync-state.js';
import { MemoryReplayGuard } from '../../../src-main/central/request-replay.js';
import { clientAddress } from '../../../src-main/http/client-address.js';
import { HEADER_DEVICE, HEADER_PROTOCOL, HEADER_SCHEMA, HEADER_SIGNATURE, HEADER_TIME, PROTOCOL_VERSION, type PushResponse } from '../../../src-shared/sync/protocol.js';
import { tempDir } from '../../support/tmp.js';
import { enrol, filingRecord, openKiosk, quietLog, type TestKiosk } from './support.js';
import type { IncomingMessage } from 'node:http';

describe('signed requests taken once (SQLite central)', () => {
  const dir = tempDir();
  let central: CentralHandle;
  let k: TestKiosk;
  beforeAll(async () => {
    central = await startCentral({ dbFile: join(dir.path, 'central.sqlite'), port: 0, log: quietLog });
    k = openKiosk(dir.path, 'replay00', null);
    await enrol(k, central.store, central.url);
  });
  afterAll(async () => {
    await k.close();
    await central.close();
    dir.cleanup();
  });

  it('refuses the same signed request sent again', async () => {
    const cred = readCredential(k.db)!;
    const time = new Date().toISOString();
    const headers = {
      [HEADER_DEVICE]: cred.deviceId,
      [HEADER_PROTOCOL]: String(PROTOCOL_VERSION),
      [HEADER_SCHEMA]: '4',
      [HEADER_TIME]: time,
      [HEADER_SIGNATURE]: sign(cred.secret, 'POST', '/v1/heartbeat', time, '{}'),
    };
    const beat = () => fetch(`${central.url}/v1/heartbeat`, { method: 'POST', headers, body: '{}' });
    expect((await beat()).status).toBe(400); // taken (and found malformed): a replay must not even get that far
    const again = await beat();
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ error: 'replayed', message_zh: expect.stringMatching(/已经收到过/) });
  });

  it('answers a kiosk with a stopped clock sending the same push twice', async () => {
    const stopped = new Date();
    const client = new CentralClient(readCredential(k.db)!, { protocol: PROTOCOL_VERSION, schema: 4, now: () => stopped, timeoutMs: 5_000 });
    const push = { mutations: [{ mutationId: 1, kind: 'filing.create' as const, filing: filingRecord() }] };
    const [first, second] = await Promise.all([client.request<PushResponse>('POST', '/v1/push', push), client.request<PushResponse>('POST', '/v1/push', push)]);
    expect(first.results[0]).toMatchObject({ status: 'accepted' });
    expect(second).toEqual(first);
  });
});

describe('the guard and the source address on their own', () => {
  it('forgets a signature once its time has left the window', async () => {
    let t = 0;
    const guard = new MemoryReplayGuard(() => t);
    expect(await guard.firstUse('d', 's', 1_000)).toBe(true);
    expect(await guard.firstUse('d', 's', 1_000)).toBe(false);
    t = 1_000;
    expect(await guard.firstUse('d', 's', 2_000)).toBe(true);
  });

  it('reads X-Forwarded-For only from a trusted balancer, and then the last hop it did not add', () => {
    const req = (remote: string, xff?: string) => ({ socket: { remoteAddress: remote }, headers: xff ? { 'x-forwarded-for': xff } : {} }) as unknown as IncomingMessage;
    expect(clientAddress(req('::ffff:10.1.1.1', '6.6.6.6'))).toBe('10.1.1.1');
    expect(clientAddress(req('10.1.1.1', '6.6.6.6'), ['10.0.0.2'])).toBe('10.1.1.1');
    expect(clientAddress(req('10.0.0.2', '6.6.6.6, 192.168.5.9'), ['10.0.0.2'])).toBe('192.168.5.9');
    expect(clientAddress(req('10.0.0.2', '192.168.5.9, 10.0.0.3'), ['10.0.0.2', '10.0.0.3'])).toBe('192.168.5.9');
    expect(clientAddress(req('10.0.0.2'), ['10.0.0.2'])).toBe('10.0.0.2');
  });
});
