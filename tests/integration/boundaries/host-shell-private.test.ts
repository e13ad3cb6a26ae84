/**
 * Host mode's API is as private as Electron IPC (issue 13, points 6 and 7), tried against the
 * real `yzt kiosk serve` process with a real ID card simulator on a pty and a real central.
 * Against the old code a local process with no Origin header read the card holder's name and
 * full ID number and filed in their name, any WebSocket client got `card.placed` with the name
 * and address and every filing update, and `filing.get` answered any id. Here each of those is
 * refused: only the page opened with the printed URL (its secret in the fragment) is served,
 * events carry no personal data, and a filing is read only by its card holder or its session.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { spawnYzt, type YztProcess } from '../../../src-main/proc/spawn-yzt.js';
import { enrolWithLocalCentral } from '../../../src-main/sync/enrol-local.js';
import { startIdCardSimulator, type IdCardSimulator } from '../../../hardware/id-card/index.js';
import { EVENTS_PROTOCOL, KEY_HEADER, KEY_PROTOCOL_PREFIX } from '../../../src-shared/api/host-launch.js';
import { loadCard } from '../../e2e/support/stack.js';
import { draft } from '../../support/fixtures.js';
import { hostLaunch, type HostLaunch } from '../../support/host-launch.js';
import { tempDir } from '../../support/tmp.js';

type Answer = { ok: boolean; value?: any; error?: { code: string } };
type Event = { event: string; payload: Record<string, unknown> };

describe('host mode answers only the page it opened', () => {
  const tmp = tempDir('yzt-host-private-');
  const kioskDir = join(tmp.path, 'kiosk');
  const holder = loadCard('resident');
  const other = loadCard('long-term');
  let central: YztProcess;
  let kiosk: YztProcess;
  let sim: IdCardSimulator;
  let host: HostLaunch;
  /** The kiosk page's own event socket, and everything pushed to it. */
  let page: WebSocket;
  const pushed: Event[] = [];

  const call = async (method: string, body: unknown): Promise<Answer> => (await (await host.post(method, body)).json()) as Answer;
  /** A local process: same machine, no Origin header, no secret (or a guessed one). */
  const local = (method: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${host.origin}/api/${method}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
  const cardOnReader = (name: string | null) =>
    vi.waitFor(
      async () => {
        const now = (await call('session.current', null)).value?.card?.name ?? null;
        if (now !== name) throw new Error(`card on the reader: ${now === null ? 'none' : 'another'}`);
      },
      { timeout: 15_000, interval: 100 },
    );
  const socketWith = (protocols: string[], origin = host.origin) => new WebSocket(`${host.origin.replace(/^http/, 'ws')}/api/events`, protocols, { origin });
  /** How a socket attempt ends: opened, or refused with the HTTP status. */
  const outcome = (ws: WebSocket) =>
    new Promise<string>((resolve) => {
      ws.once('open', () => resolve('open'));
      ws.once('unexpected-response', (_req, res) => resolve(`http-${res.statusCode}`));
      ws.once('error', () => resolve('refused'));
    });

  beforeAll(async () => {
    const centralDb = join(tmp.path, 'central.sqlite');
    central = await spawnYzt(['central', 'serve', '--port', '0', '--db', centralDb], /listening on (http:\/\/\S+)/);
    const centralUrl = central.ready[1] ?? '';
    await enrolWithLocalCentral({ centralDb, centralUrl, dataDir: kioskDir });
    sim = await startIdCardSimulator({ link: join(tmp.path, 'idcard'), card: null });
    kiosk = await spawnYzt(['kiosk', 'serve', '--port', '0', '--data', kioskDir, '--central', centralUrl, '--reader', sim.appPath, '--sync-max-delay', '500'], /kiosk: (http:\/\/\S+)/);
    host = hostLaunch(kiosk.ready[1] ?? '');
    page = host.events();
    page.on('message', (m) => pushed.push(JSON.parse(String(m)) as Event));
    await new Promise((resolve, reject) => page.once('open', resolve).once('error', reject));
    sim.placeCard(holder);
    await cardOnReader(holder.name);
  }, 60_000);
  afterAll(async () => {
    page?.close();
    await kiosk?.stop();
    await central?.stop();
    await sim?.close();
    tmp.cleanup();
  });

  it('prints a launch URL whose secret is in the fragment, and the same address without it is refused', async () => {
    expect(kiosk.ready[1]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#key=[0-9a-f]{64}$/);
    expect(kiosk.output.join('\n')).toMatch(new RegExp(`counter: ${host.origin}/#/counter\\?key=${host.key}`));
    const res = await local('kiosk.info', null);
    expect(res.status).toBe(401);
  });

  it("refuses a local process the card holder's data and filing in their name, with the card on the reader", async () => {
    for (const [method, body] of [['session.revealId', null], ['session.current', null], ['filing.mine', null], ['filing.submit', draft()]] as const) {
      for (const headers of [{}, { [KEY_HEADER]: '0'.repeat(64) }, { [KEY_HEADER]: host.key.slice(0, 63) }]) {
        const res = await local(method, body, headers);
        const text = await res.text();
        expect(res.status, `${method} ${JSON.stringify(headers)}`).toBe(401);
        for (const s of [holder.name, holder.idNumber, holder.address]) expect(text).not.toContain(s);
      }
    }
    // Nothing was filed by those attempts; the page itself is served.
    expect((await call('filing.mine', null)).value.items).toEqual([]);
    expect((await call('session.revealId', null)).value.idNumber).toBe(holder.idNumber);
  });

  it('still refuses pages of other origins, even holding the secret', async () => {
    const res = await local('session.current', null, { origin: 'http://evil.example', [KEY_HEADER]: host.key });
    expect(res.status).toBe(403);
    expect(await outcome(socketWith([EVENTS_PROTOCOL, `${KEY_PROTOCOL_PREFIX}${host.key}`], 'http://evil.example'))).not.toBe('open');
  });

  it('opens no event socket without the secret', async () => {
    expect(await outcome(socketWith([EVENTS_PROTOCOL]))).toBe('http-401');
    expect(await outcome(socketWith([EVENTS_PROTOCOL, `${KEY_PROTOCOL_PREFIX}${'f'.repeat(64)}`]))).toBe('http-401');
    const plain = new WebSocket(`${host.origin.replace(/^http/, 'ws')}/api/events`);
    expect(await outcome(plain)).toBe('http-401');
  });

  it("pushes no name or address to the page when a card is placed", async () => {
    sim.removeCard();
    await cardOnReader(null);
    pushed.length = 0;
    sim.placeCard(holder);
    await cardOnReader(holder.name);
    await expect.poll(() => pushed.some((e) => e.event === 'card.placed')).toBe(true);
    const placed = pushed.find((e) => e.event === 'card.placed')!;
    expect(Object.keys(placed.payload)).toEqual(['sessionId']);
    const all = JSON.stringify(pushed);
    for (const s of [holder.name, holder.address, holder.idNumber]) expect(all).not.toContain(s);
  });

  let id = '';
  it('pushes a filing update by its id only', async () => {
    const filed = await call('filing.submit', draft());
    expect(filed.ok).toBe(true);
    id = filed.value.filing.id as string;
    // Numbered by the central: the page hears of it by id only, and reads it through filing.get.
    await expect.poll(() => pushed.find((e) => e.event === 'filing.updated' && e.payload.id === id), { timeout: 20_000 }).toBeDefined();
    for (const e of pushed.filter((x) => x.event === 'filing.updated')) expect(Object.keys(e.payload)).toEqual(['id']);
    expect(JSON.stringify(pushed)).not.toContain(draft().respondents[0]!.name);
  });

  it('reads a filing only for its card holder or the session that filed it', async () => {
    await expect.poll(async () => (await call('filing.get', { id })).value?.officialNo ?? null, { timeout: 20_000 }).not.toBeNull();

    // The session that filed it follows it even with the card lifted (the result screen).
    sim.removeCard();
    await cardOnReader(null);
    expect((await call('filing.get', { id })).ok).toBe(true);

    // Another person's session: the id alone reads nothing.
    expect((await call('session.end', { reason: 'done' })).ok).toBe(true);
    expect(await call('filing.get', { id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    sim.placeCard(other);
    await cardOnReader(other.name);
    expect(await call('filing.get', { id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    sim.removeCard();
    await cardOnReader(null);

    // The card holder back, in a new session: their own filing again.
    sim.placeCard(holder);
    await cardOnReader(holder.name);
    expect((await call('filing.get', { id })).value.id).toBe(id);
  });

  it('answers no card data once the card is lifted', async () => {
    sim.removeCard();
    await cardOnReader(null);
    expect(await call('session.revealId', null)).toMatchObject({ ok: false, error: { code: 'no-card' } });
    expect(await call('filing.mine', null)).toMatchObject({ ok: false, error: { code: 'no-card' } });
    expect(await call('filing.submit', draft())).toMatchObject({ ok: false, error: { code: 'no-card' } });
  });

  it('never writes the secret to the log', () => {
    const log = readFileSync(join(kioskDir, 'logs', 'kiosk.log'), 'utf8');
    expect(log).toContain('host.api.refused');
    expect(log).not.toContain(host.key);
  });
});
