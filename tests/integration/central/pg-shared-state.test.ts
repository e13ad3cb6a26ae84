/**
 * The pieces two gateways share through PostgreSQL, each on its own: notices between two
 * listeners (and across a lost listening connection), attempt windows that start again once
 * ended, and signatures taken once. Skipped (with a note) without YZT_TEST_PG_URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { once } from 'node:events';
import { PgCentralStore } from '../../../src-main/central/pg-store.js';
import { PgChangeNotifier } from '../../../src-main/central/pg-notify.js';
import { PgAttemptLimiter } from '../../../src-main/central/db-rate-limit.js';
import { PgReplayGuard } from '../../../src-main/central/request-replay.js';
import { HttpError } from '../../../src-main/http/http-util.js';
import { createLogger } from '../../../src-main/log/logger.js';
import { PG_SKIP_NOTE, PG_URL, dropSchema, freshSchema } from './pg-support.js';

if (!PG_URL) console.warn(PG_SKIP_NOTE);

const log = createLogger({ sink: [] });

describe.skipIf(!PG_URL)('gateway state shared through PostgreSQL', () => {
  const schema = freshSchema();
  let store: PgCentralStore;
  const notifiers: PgChangeNotifier[] = [];
  const stop = new AbortController();

  beforeAll(async () => {
    store = await PgCentralStore.open(PG_URL!, { schema, max: 4 });
  });
  afterAll(async () => {
    stop.abort();
    for (const n of notifiers) await n.close();
    await store.close();
    await dropSchema(schema);
  });

  const gateway = async () => {
    const n = await PgChangeNotifier.start(store.pool, log);
    notifiers.push(n);
    return n;
  };
  /** A wait that only a notice (or the end of the suite) ends: far longer than any test. */
  const woken = (n: PgChangeNotifier, key: string) => n.wait(key, 10 * 60_000, stop.signal);

  it("wakes a waiter of one gateway on the other's notice, and only for its key", async () => {
    const [one, other] = [await gateway(), await gateway()];
    let otherKeyWoke = false;
    void woken(other, 'help:豫0802').then(() => (otherKeyWoke = true));
    const waiting = woken(other, '豫0811');
    one.notify('豫0811');
    expect(await waiting).toBe('notice');
    expect(otherKeyWoke).toBe(false);
  });

  it('listens again after its connection is cut, waking every waiter to re-read', async () => {
    const [one, other] = [await gateway(), await gateway()];
    const held = woken(other, 'help-call:during-outage');
    const pid = await other.listenerPid();
    const back = once(other.events, 'listening');
    await store.pool.query('SELECT pg_terminate_backend($1)', [pid]);
    await back;
    expect(await held).toBe('notice'); // one may have been lost while cut: everyone re-reads
    expect(await other.listenerPid()).not.toBe(pid);
    const after = woken(other, '豫0811');
    one.notify('豫0811');
    expect(await after).toBe('notice');
  });

  it('counts attempts across limiters on one database, and starts a window again once it ends', async () => {
    let t = 1_000_000;
    const policy = { max: 3, windowMs: 60_000 };
    const [one, other] = [new PgAttemptLimiter(store.pool, 'enrol', policy, () => t), new PgAttemptLimiter(store.pool, 'enrol', policy, () => t)];
    await one.take('10.0.0.1');
    await other.take('10.0.0.1');
    await one.take('10.0.0.1');
    await expect(other.check('10.0.0.1')).rejects.toMatchObject({ status: 429 });
    const refused = await other.take('10.0.0.1').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HttpError);
    expect((refused as HttpError & { retryAfterSeconds: number }).retryAfterSeconds).toBe(60);
    await expect(one.check('10.0.0.2')).resolves.toBeUndefined();
    await expect(new PgAttemptLimiter(store.pool, 'court-token', policy, () => t).take('10.0.0.1')).resolves.toBeUndefined();
    t += 60_000;
    await expect(other.take('10.0.0.1')).resolves.toBeUndefined();
  });

  it('takes a signature once, whichever gateway sees it', async () => {
    const [one, other] = [new PgReplayGuard(store.pool), new PgReplayGuard(store.pool)];
    expect(await one.firstUse('dev-1', 'sig-a', Date.now() + 300_000)).toBe(true);
    expect(await other.firstUse('dev-1', 'sig-a', Date.now() + 300_000)).toBe(false);
    expect(await other.firstUse('dev-2', 'sig-a', Date.now() + 300_000)).toBe(true);
  });
});
