/**
 * The central caps bodies before authentication and limits guesses per source (issue 13,
 * point 7), tried against a real central process. Against the old code, which read up to
 * 8 MiB of any request before looking at who sent it, the first two tests wait for a body
 * that never comes and time out; enrolment codes and court tokens could be tried without end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { join } from 'node:path';
import { spawnYzt, type YztProcess } from '../../../src-main/proc/spawn-yzt.js';
import { SqliteCentralStore } from '../../../src-main/central/sqlite-store.js';
import { issueCourtToken } from '../../../src-main/central/court-auth.js';
import { HEADER_DEVICE, HEADER_SIGNATURE, HEADER_TIME, PROTOCOL_VERSION } from '../../../src-shared/sync/protocol.js';
import { tempDir } from '../../support/tmp.js';
import { court } from '../sync/support.js';

/** Sends headers announcing `announced` bytes and only the first few; resolves with the answer. */
function answerBeforeBody(url: string, path: string, headers: Record<string, string>, announced: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method: 'POST', headers: { ...headers, 'content-length': String(announced) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body: text });
      });
    });
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? undefined : reject(e)));
    req.write(Buffer.alloc(1024, 0x7b));
  });
}

/** One request from a loopback address of its own, so each test's source is its own. */
function from(localAddress: string, url: string, path: string, opts: { method?: string; token?: string; body?: string } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method: opts.method ?? 'GET', localAddress, headers: opts.token ? { authorization: `Bearer ${opts.token}` } : {} }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('central request limits', () => {
  const dir = tempDir();
  const dbFile = join(dir.path, 'central.sqlite');
  let central: YztProcess;
  let url = '';
  let token = '';

  beforeAll(async () => {
    const store = new SqliteCentralStore(dbFile);
    const t = await issueCourtToken(store, court.id, new Date());
    await store.close();
    if (!t.ok) throw new Error('token');
    token = t.token;
    central = await spawnYzt(['central', 'serve', '--port', '0', '--db', dbFile], /listening on (http:\/\/\S+)/);
    url = central.ready[1] ?? '';
  });
  afterAll(async () => {
    await central?.stop();
    dir.cleanup();
  });

  it('refuses an unsigned 8 MiB push before reading its body', async () => {
    const r = await answerBeforeBody(url, '/v1/push', { [HEADER_DEVICE]: 'nobody', [HEADER_TIME]: new Date().toISOString(), [HEADER_SIGNATURE]: 'x' }, 8 * 1024 * 1024);
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body)).toMatchObject({ error: 'not-enrolled' });
  });

  it('refuses a court request with a wrong token before reading its body', async () => {
    const r = await answerBeforeBody(url, '/v1/court/records', { authorization: 'Bearer wrong-token' }, 8 * 1024 * 1024);
    expect(r.status).toBe(403);
  });

  it('limits enrolment attempts from one source, with a clear message', async () => {
    const tries: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await from('127.0.0.3', url, '/v1/enrol', { method: 'POST', body: JSON.stringify({ code: `GUESS-${i}-XXXX`, deviceId: `d${i}`, protocol: PROTOCOL_VERSION }) });
      tries.push(r.status);
      if (r.status === 429) expect((JSON.parse(r.body) as { message_zh: string }).message_zh).toMatch(/尝试次数过多，请 \d+ 秒后再试/);
    }
    expect(tries.slice(0, 10).every((s) => s === 403)).toBe(true);
    expect(tries.slice(10)).toEqual([429, 429]);
    // Another address is not held back by this one's guesses.
    expect((await from('127.0.0.5', url, '/v1/enrol', { method: 'POST', body: JSON.stringify({ code: 'GUESS-X-XXXX', deviceId: 'dx', protocol: PROTOCOL_VERSION }) })).status).toBe(403);
  });

  it('limits court-token guesses from one source, and then refuses even the right token for the window', async () => {
    const ask = (t: string) => from('127.0.0.4', url, '/v1/court/records?since=0', { token: t });
    expect((await ask(token)).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await ask(`yzt-court-guess-${i}`)).status);
    expect(statuses.slice(0, 20).every((s) => s === 403)).toBe(true);
    expect(statuses[20]).toBe(429);
    expect((await ask(token)).status).toBe(429);
  });
});
