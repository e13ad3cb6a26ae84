/**
 * Two real `yzt central serve` processes on one PostgreSQL, kiosks and counters split between
 * them (issue 16 point 6): a change made through one wakes the long-poll held on the other, a
 * signed request taken by one is refused by the other, attempt limits count across both, and
 * numbering stays gapless and duplicate-free while kiosks push to both at once.
 * A long-poll is known to be held, and what ended its wait (a notice, not its deadline), from
 * the gateway's own debug lines, never from a sleep: a pull re-reads at its deadline too, so
 * the change in its answer alone would not show that a notice woke it. Skipped (with a note)
 * without YZT_TEST_PG_URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { spawnYzt, type YztProcess } from '../../../src-main/proc/spawn-yzt.js';
import { PgCentralStore } from '../../../src-main/central/pg-store.js';
import { issueCourtToken } from '../../../src-main/central/court-auth.js';
import { sign } from '../../../src-main/central/request-auth.js';
import { CentralClient } from '../../../src-main/sync/central-client.js';
import { readCredential } from '../../../src-main/sync/sync-state.js';
import { schemaVersion } from '../../../src-main/db/migrate.js';
import { HEADER_DEVICE, HEADER_PROTOCOL, HEADER_SCHEMA, HEADER_SIGNATURE, HEADER_TIME, PROTOCOL_VERSION, type CaseChange, type PullResponse, type PushResponse } from '../../../src-shared/sync/protocol.js';
import type { HelpCallView } from '../../../src-shared/api/help.js';
import { tempDir } from '../../support/tmp.js';
import { court, enrol, filingRecord, openKiosk, seqOf, settled, submit, type TestKiosk } from '../sync/support.js';
import { PG_SKIP_NOTE, PG_URL, freshDatabase } from './pg-support.js';

if (!PG_URL) console.warn(PG_SKIP_NOTE);

const READY = /listening on (http:\/\/\S+) \(postgres\)/;
const LONG_POLL_MS = 25_000;

describe.skipIf(!PG_URL)('two central gateways on one PostgreSQL', () => {
  const dir = tempDir('yzt-two-gateways-');
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let a: YztProcess;
  let b: YztProcess;
  let store: PgCentralStore;
  const opened: TestKiosk[] = [];
  const clients = new Map<string, { k: TestKiosk; client: CentralClient }>();
  let mutationId = 0;

  beforeAll(async () => {
    db = await freshDatabase();
    // Both start at once on a new database: one migrates, the other waits for it.
    const serve = () => spawnYzt(['central', 'serve', '--port', '0', '--pg', db.url, '--trust-proxy', '127.0.0.1'], READY, { env: { YZT_LOG_LEVEL: 'debug' }, timeoutMs: 90_000 });
    [a, b] = await Promise.all([serve(), serve()]);
    store = await PgCentralStore.open(db.url, { max: 4 });
  }, 120_000);
  afterAll(async () => {
    for (const k of opened) await k.close();
    await a?.stop();
    await b?.stop();
    await store?.close();
    await db?.drop();
    dir.cleanup();
  });

  const urlOf = (g: YztProcess) => g.ready[1]!;

  /** A kiosk enrolled through gateway `g` that the test drives by hand (no sync engine). Names
   * are hex, so the device id reads in the log as it is (not as a run of digits). */
  const kioskOn = async (g: YztProcess, name: string) => {
    const held = clients.get(name);
    if (held) return held;
    const k = openKiosk(dir.path, name, null);
    opened.push(k);
    await enrol(k, store, urlOf(g));
    const client = new CentralClient(readCredential(k.db)!, { protocol: PROTOCOL_VERSION, schema: schemaVersion(k.db), now: () => new Date(), timeoutMs: LONG_POLL_MS + 15_000 });
    const entry = { k, client };
    clients.set(name, entry);
    return entry;
  };

  const pushOne = async (client: CentralClient) => {
    const r = await client.request<PushResponse>('POST', '/v1/push', { mutations: [{ mutationId: ++mutationId, kind: 'filing.create', filing: filingRecord() }] });
    const result = r.results[0]!;
    if (result.status !== 'accepted') throw new Error(`push not accepted: ${JSON.stringify(result)}`);
    return result.officialNo;
  };

  /** Holds a pull on the kiosk's gateway; resolves once that gateway says it waits, with the pull's answer to come. */
  const holdPull = async (g: YztProcess, kiosk: { k: TestKiosk; client: CentralClient }) => {
    const since = (await kiosk.client.request<PullResponse>('GET', '/v1/pull?since=0&wait=0')).cursor;
    const answer = kiosk.client.request<PullResponse>('GET', `/v1/pull?since=${since}&wait=${LONG_POLL_MS}`);
    await g.waitFor(new RegExp(`"central\\.pull\\.waiting","deviceId":"${kiosk.k.deviceId}","since":${since}\\b`));
    /** What ended the wait, as the gateway says: 'notice', or 'deadline' when nothing woke it. */
    const woken = async () => (await g.waitFor(new RegExp(`"central\\.pull\\.woke","deviceId":"${kiosk.k.deviceId}","since":${since},"by":"(\\w+)"`), LONG_POLL_MS + 10_000))[1];
    return { answer, woken };
  };

  const courtCall = (g: YztProcess, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${urlOf(g)}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('tells the load balancer both are ready: database answering, notices heard', async () => {
    for (const g of [a, b]) {
      const r = await fetch(`${urlOf(g)}/v1/health/ready`);
      expect(r.status).toBe(200);
      expect(await r.json()).toEqual({ ok: true, database: true, notices: true });
    }
  });

  it("wakes a kiosk's pull on one gateway when a counter returns a case through the other", { timeout: 60_000 }, async () => {
    const onA = await kioskOn(a, 'a1000001');
    const onB = await kioskOn(b, 'b1000001');
    const officialNo = await pushOne(onA.client);
    const token = await issueCourtToken(store, court.id, new Date(), '窗口1');
    if (!token.ok) throw new Error(token.message_en);
    // The pull is the court's: the kiosk on B hears of a case filed and returned through A.
    const held = await holdPull(b, onB);
    const returned = await courtCall(a, '/v1/court/case', token.token, { action: 'return', number: officialNo, reasons_zh: ['金额与判决不符'] });
    expect(returned.status).toBe(200);
    expect(await held.woken()).toBe('notice');
    const change = (await held.answer).changes.find((c: CaseChange) => c.officialNo === officialNo);
    expect(change).toMatchObject({ status: 'returned', reasons_zh: ['金额与判决不符'] });
  });

  it("wakes a kiosk's pull on one gateway when a counter acts on the case through the other", { timeout: 60_000 }, async () => {
    const onA = await kioskOn(a, 'a1000001');
    const officialNo = await pushOne(onA.client);
    const token = await issueCourtToken(store, court.id, new Date(), '窗口2');
    if (!token.ok) throw new Error(token.message_en);
    const held = await holdPull(a, onA);
    const acted = await courtCall(b, '/v1/court/case', token.token, { action: 'accept', number: officialNo });
    expect(acted.status).toBe(200);
    expect(await held.woken()).toBe('notice');
    const changes = (await held.answer).changes;
    const change = (await acted.json()) as CaseChange;
    expect(change.status).toBe('accepted');
    expect(changes.find((c) => c.officialNo === officialNo)).toMatchObject({ status: 'accepted', version: change.version });
  });

  it('wakes a pull held on a gateway when IT staff act with `yzt central case --pg`', { timeout: 60_000 }, async () => {
    const onB = await kioskOn(b, 'b1000001');
    const officialNo = await pushOne(onB.client);
    const held = await holdPull(b, onB);
    const cli = await spawnYzt(['central', 'case', 'accept', officialNo, '--pg', db.url], /: accepted \(version \d+\)/, { timeoutMs: 60_000 });
    expect(await held.woken()).toBe('notice');
    await cli.stop();
    expect((await held.answer).changes.find((c: CaseChange) => c.officialNo === officialNo)?.status).toBe('accepted');
  });

  it("wakes a counter's help list held on one gateway when a kiosk calls through the other", { timeout: 60_000 }, async () => {
    const onA = await kioskOn(a, 'a2000002');
    const token = await issueCourtToken(store, court.id, new Date(), '窗口3');
    if (!token.ok) throw new Error(token.message_en);
    const first = (await (await courtCall(b, '/v1/court/help', token.token)).json()) as { version: number };
    const held = courtCall(b, `/v1/court/help?since=${first.version}&wait=${LONG_POLL_MS}`, token.token);
    await b.waitFor(new RegExp(`"central\\.help\\.waiting","court":"${court.code}","since":${first.version}\\b`));
    const id = randomUUID();
    await onA.client.request<HelpCallView>('POST', '/v1/help', { id, place: 'money', kioskName: '一号机' });
    const woke = await b.waitFor(new RegExp(`"central\\.help\\.woke","court":"${court.code}","since":${first.version},"by":"(\\w+)"`), LONG_POLL_MS + 10_000);
    expect(woke[1]).toBe('notice');
    const answer = (await (await held).json()) as { calls: HelpCallView[]; version: number };
    expect(answer.version).toBeGreaterThan(first.version);
    expect(answer.calls.map((c) => c.id)).toContain(id);
  });

  it('refuses on one gateway a signed request the other has taken', { timeout: 30_000 }, async () => {
    const { k } = await kioskOn(a, 'a3000003');
    const cred = readCredential(k.db)!;
    const time = new Date().toISOString();
    const headers = {
      [HEADER_DEVICE]: cred.deviceId,
      [HEADER_PROTOCOL]: String(PROTOCOL_VERSION),
      [HEADER_SCHEMA]: String(schemaVersion(k.db)),
      [HEADER_TIME]: time,
      [HEADER_SIGNATURE]: sign(cred.secret, 'GET', '/v1/hello', time, ''),
    };
    const hello = (g: YztProcess) => fetch(`${urlOf(g)}/v1/hello`, { headers });
    expect((await hello(a)).status).toBe(200);
    const again = await hello(b);
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ error: 'replayed' });
    expect((await hello(a)).status).toBe(401);
  });

  it('counts enrolment attempts and wrong court tokens from one source across both gateways', { timeout: 30_000 }, async () => {
    const from = (ip: string) => ({ 'x-forwarded-for': ip });
    const tryCode = (g: YztProcess, ip: string) => fetch(`${urlOf(g)}/v1/enrol`, { method: 'POST', headers: from(ip), body: JSON.stringify({ code: 'ABCD-EFGH-JKLM', deviceId: randomUUID(), protocol: PROTOCOL_VERSION }) });
    // Ten a minute per source: five through each gateway are all answered, the eleventh is not.
    for (let i = 0; i < 10; i++) expect((await tryCode(i % 2 ? a : b, '203.0.113.7')).status).toBe(403);
    expect((await tryCode(a, '203.0.113.7')).status).toBe(429);
    expect((await tryCode(b, '203.0.113.7')).status).toBe(429);
    expect((await tryCode(b, '203.0.113.8')).status).toBe(403);

    const token = await issueCourtToken(store, court.id, new Date(), '窗口4');
    if (!token.ok) throw new Error(token.message_en);
    for (let i = 0; i < 20; i++) expect((await courtCall(i % 2 ? a : b, '/v1/court/help', 'yzt-court-guess', undefined, from('198.51.100.9'))).status).toBe(403);
    // Spent across both: even the right token is refused from that source until the window ends.
    expect((await courtCall(a, '/v1/court/help', token.token, undefined, from('198.51.100.9'))).status).toBe(429);
    expect((await courtCall(b, '/v1/court/help', token.token, undefined, from('198.51.100.10'))).status).toBe(200);
  });

  it('numbers gaplessly and without duplicates while kiosks push to both gateways at once', { timeout: 120_000 }, async () => {
    const engines: TestKiosk[] = [];
    for (const [g, name] of [[a, 'c0000001'], [b, 'c0000002'], [a, 'c0000003'], [b, 'c0000004']] as const) {
      const k = openKiosk(dir.path, name, null);
      opened.push(k);
      await enrol(k, store, urlOf(g));
      k.sync.setMaxListeners(100); // one `settled` waiter per filing
      engines.push(k);
    }
    const views = engines.flatMap((k) => Array.from({ length: 20 }, () => ({ k, v: submit(k) })));
    for (const k of engines) k.sync.start();
    const done = await Promise.all(views.map(({ k, v }) => settled(k, v.id)));
    const ours = done.map((d) => d.officialNo!);
    expect(new Set(ours).size).toBe(views.length);
    // Every number of the court's sequence, ours and the other tests', is used once: 1..n.
    const rows = (await store.pool.query<{ type_code: string; seq: number }>('SELECT type_code, seq FROM cases WHERE court_code = $1 ORDER BY type_code, seq', [court.code])).rows;
    const types = [...new Set(rows.map((r) => r.type_code))];
    for (const t of types) {
      const seqs = rows.filter((r) => r.type_code === t).map((r) => r.seq);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    }
    expect(rows.length).toBeGreaterThanOrEqual(views.length);
    expect(ours.map(seqOf).every((s) => rows.some((r) => r.seq === s))).toBe(true);
  });
});
