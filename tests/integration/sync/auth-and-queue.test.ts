/**
 * The pieces under the sync guarantees: request signatures and their time window, full-jitter
 * backoff, and renumbering a restored database's pending mutations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { startCentral, type CentralHandle } from '../../../src-main/central/central-server.js';
import { sign } from '../../../src-main/central/request-auth.js';
import { backoffDelay } from '../../../src-main/sync/backoff.js';
import { localHighWater, renumberAbove } from '../../../src-main/sync/outbox-store.js';
import { readCredential } from '../../../src-main/sync/sync-state.js';
import { HEADER_DEVICE, HEADER_PROTOCOL, HEADER_SCHEMA, HEADER_SERVER_TIME, HEADER_SIGNATURE, HEADER_TIME } from '../../../src-shared/sync/protocol.js';
import { tempDir } from '../../support/tmp.js';
import { enrol, openKiosk, quietLog, submit, type TestKiosk } from './support.js';

/** The central's refusal body; a test reads the one field it checks. */
const refusal = async (res: Response) => (await res.json()) as { error?: string; message_zh?: string };

describe('signed requests', () => {
  const dir = tempDir();
  let central: CentralHandle;
  let k: TestKiosk;
  beforeAll(async () => {
    central = await startCentral({ dbFile: join(dir.path, 'central.sqlite'), port: 0, log: quietLog, adminToken: 'court-token' });
    k = openKiosk(dir.path, 'sig00000', null);
    await enrol(k, central.store, central.url);
  });
  afterAll(async () => {
    await k.close();
    await central.close();
    dir.cleanup();
  });

  const send = (opts: { body?: string; signedBody?: string; time?: Date; secret?: string; device?: string }) => {
    const cred = readCredential(k.db)!;
    const body = opts.body ?? '{"mutations":[]}';
    const time = (opts.time ?? new Date()).toISOString();
    return fetch(`${central.url}/v1/push`, {
      method: 'POST',
      body,
      headers: {
        [HEADER_DEVICE]: opts.device ?? cred.deviceId,
        [HEADER_PROTOCOL]: '2',
        [HEADER_SCHEMA]: '4',
        [HEADER_TIME]: time,
        [HEADER_SIGNATURE]: sign(opts.secret ?? cred.secret, 'POST', '/v1/push', time, opts.signedBody ?? body),
      },
    });
  };

  it('accepts a correctly signed request', async () => {
    const res = await send({});
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ protocol: 2, results: [] });
  });

  it('refuses a changed body, a wrong secret and an unknown device', async () => {
    const tampered = await send({ body: '{"mutations":[ ]}', signedBody: '{"mutations":[]}' });
    expect(tampered.status).toBe(401);
    expect((await refusal(tampered)).error).toBe('bad-signature');
    expect((await refusal(await send({ secret: 'not-the-secret' }))).error).toBe('bad-signature');
    const unknown = await send({ device: 'nobody' });
    expect(unknown.status).toBe(401);
    expect((await refusal(unknown)).message_zh).toMatch(/尚未在法院系统登记/);
  });

  it('refuses a request signed ten minutes ago and tells the central time', async () => {
    const before = Date.now();
    const res = await send({ time: new Date(before - 10 * 60_000) });
    const after = Date.now();
    expect(res.status).toBe(401);
    expect((await refusal(res)).error).toBe('clock-skew');
    // The central's clock read while it answered: between sending and receiving, however slow the machine.
    const told = Date.parse(res.headers.get(HEADER_SERVER_TIME)!);
    expect(told).toBeGreaterThanOrEqual(before);
    expect(told).toBeLessThanOrEqual(after);
  });
});

describe('court-side API', () => {
  const dir = tempDir();
  let central: CentralHandle;
  beforeAll(async () => {
    central = await startCentral({ dbFile: join(dir.path, 'central.sqlite'), port: 0, log: quietLog, adminToken: 'court-token' });
  });
  afterAll(async () => {
    await central.close();
    dir.cleanup();
  });
  const call = (path: string, token: string | null, body?: unknown) =>
    fetch(`${central.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('answers court staff with the token only', async () => {
    expect((await call('/v1/court/related?filing=x', null)).status).toBe(403);
    expect((await call('/v1/court/related?filing=x', 'wrong')).status).toBe(403);
    // The admin token must name the court; a filing the central does not hold is not found.
    expect((await call('/v1/court/related?court=豫0811&filing=x', 'court-token')).status).toBe(404);
    expect((await call('/v1/court/related?court=豫0811', 'court-token')).status).toBe(400);
    const missing = await call('/v1/court/case', 'court-token', { action: 'accept', number: '（2026）豫0811执1号' });
    expect(missing.status).toBe(404);
    expect((await refusal(missing)).error).toBe('case-not-found');
    expect((await call('/v1/court/case', 'court-token', { action: 'fly', number: 'x' })).status).toBe(400);
  });
});

describe('backoff with full jitter', () => {
  it('stays below an exponentially growing ceiling, capped', () => {
    expect(backoffDelay(1, 100, 10_000, () => 0.999)).toBe(199);
    expect(backoffDelay(3, 100, 10_000, () => 0.999)).toBe(799);
    expect(backoffDelay(30, 100, 10_000, () => 0.999)).toBe(9_990);
    expect(backoffDelay(5, 100, 10_000, () => 0)).toBe(0);
  });
});

describe('renumbering after a restore', () => {
  it('moves pending mutations above the central mark and leaves answered ones', () => {
    const dir = tempDir();
    const k = openKiosk(dir.path, 'ren00000', null);
    try {
      const views = [submit(k), submit(k), submit(k)];
      k.db.prepare("UPDATE outbox SET done_at = 'x' WHERE mutation_id = 1").run();
      expect(renumberAbove(k.db, 10)).toBe(2);
      const rows = k.db.prepare('SELECT mutation_id, filing_id, done_at FROM outbox ORDER BY mutation_id').all() as { mutation_id: number; filing_id: string; done_at: string | null }[];
      expect(rows).toEqual([
        { mutation_id: 1, filing_id: views[0]!.id, done_at: 'x' },
        { mutation_id: 11, filing_id: views[1]!.id, done_at: null },
        { mutation_id: 12, filing_id: views[2]!.id, done_at: null },
      ]);
      expect(localHighWater(k.db)).toBe(12);
      expect(renumberAbove(k.db, 5)).toBe(0);
    } finally {
      k.db.close();
      dir.cleanup();
    }
  });
});
