/**
 * The host shell over real HTTP and WebSocket: the same contract the preload exposes, with
 * inputs validated and requests from other origins refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startKioskApp, type KioskApp } from '../../../src-main/app/kiosk-app.js';
import { startHostShell, type HostHandle } from '../../../src-main/host/host-server.js';
import { createLogger } from '../../../src-main/log/logger.js';
import { tempDir } from '../../support/tmp.js';
import { KEY_HEADER } from '../../../src-shared/api/host-launch.js';
import { hostLaunch } from '../../support/host-launch.js';

describe('host shell', () => {
  const dir = tempDir();
  let app: KioskApp;
  let host: HostHandle;

  beforeAll(async () => {
    const renderer = join(dir.path, 'renderer');
    mkdirSync(renderer);
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>');
    const log = createLogger({ sink: [] });
    app = await startKioskApp({ dataDir: join(dir.path, 'kiosk'), shell: 'host', log });
    host = await startHostShell({ handlers: app.handlers, bus: app.bus, log, rendererDir: renderer });
  });
  afterAll(async () => {
    await host.close();
    await app.close();
    dir.cleanup();
  });

  // Loose on purpose: each test checks the fields it cares about.
  interface Answer {
    ok: boolean;
    value?: unknown;
    error?: { code: string; message_zh: string; fields?: Record<string, string> };
  }
  const answer = async (res: Response) => (await res.json()) as Answer;
  const post = (method: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${host.url}/api/${method}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', [KEY_HEADER]: host.key, ...headers } });

  it('answers a contract method', async () => {
    const r = await answer(await post('kiosk.info', null));
    expect(r.ok).toBe(true);
    expect(r.value).toMatchObject({ courtCode: '豫0811', shell: 'host' });
  });

  it('serves the page with the strict CSP', async () => {
    const res = await fetch(host.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-eval');
  });

  it('takes a signed scan up to the contract\'s limit, and says plainly when a file is really too large', async () => {
    // A 4.5 MB JPEG (more than the 2 MB other methods take) reaches the counter service, which answers in the contract.
    const jpeg = Buffer.alloc(4_500_000, 7);
    jpeg[0] = 0xff;
    jpeg[1] = 0xd8;
    const scan = { token: 't'.repeat(32), filingId: '00000000-0000-4000-8000-000000000001', dataUrl: `data:image/jpeg;base64,${jpeg.toString('base64')}` };
    const res = await post('counter.reception.attachScan', scan);
    expect(res.status).toBe(200);
    expect((await answer(res)).error?.code).not.toMatch(/too-large|http-/);
    // Beyond it: HTTP 413 with words for the clerk, read as an answer rather than a broken connection.
    const big = await post('counter.reception.attachScan', { ...scan, dataUrl: `data:image/jpeg;base64,${Buffer.alloc(6_600_000, 7).toString('base64')}` });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { message_zh: string }).message_zh).toMatch(/文件太大/);
    // Other methods keep the small limit.
    expect((await post('kiosk.info', 'x'.repeat(3_000_000))).status).toBe(413);
  });

  it('refuses methods outside the contract', async () => {
    const r = await answer(await post('fs.readFile', '/etc/passwd'));
    expect(r).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });

  it('turns malformed input into field messages in Chinese', async () => {
    const r = await answer(await post('filing.submit', { basisNumber: 'x'.repeat(500), respondents: [], amountYuan: 5, evil: true }));
    expect(r.ok).toBe(false);
    expect(r.error?.code).toBe('validation');
    expect(r.error?.message_zh).toMatch(/请按提示修改/);
    expect(Object.values(r.error?.fields as Record<string, string>).every((m) => /[\u4e00-\u9fff]/.test(m))).toBe(true);
  });

  it('refuses to file without a card read in this session', async () => {
    const r = await answer(await post('filing.submit', { basisNumber: '（2024）豫0811民初1号', respondents: [{ kind: 'person', name: '李四' }], amountYuan: '1' }));
    expect(r).toMatchObject({ ok: false, error: { code: 'no-card' } });
    expect(r.error?.message_zh).toMatch(/身份证/);
  });

  it('refuses requests from another origin (a web page in the same browser)', async () => {
    const res = await post('kiosk.info', null, { origin: 'http://evil.example' });
    expect(res.status).toBe(403);
  });

  it('pushes contract events over the WebSocket', async () => {
    const ws = hostLaunch(host.launchUrl()).events();
    await new Promise((r) => ws.once('open', r));
    const got = new Promise<{ event: string; payload: { reason: string } }>((resolve) => ws.once('message', (d) => resolve(JSON.parse(String(d)))));
    await post('session.end', { reason: 'cancel' });
    expect(await got).toMatchObject({ event: 'session.ended', payload: { reason: 'cancel' } });
    ws.close();
  });
});
