/**
 * 「呼叫工作人员」 across real processes: the central gateway, a lobby kiosk and a counter PC
 * (each `yzt kiosk serve` in its own process, talked to through its host shell's API, as the
 * page does). The call reaches the counter PC of the kiosk's court with the kiosk's name and
 * step and nothing else, a clerk acknowledges it, the kiosk hears so; with the central down
 * the kiosk says at once that the call did not reach the counter. Nothing personal is logged.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { spawnYzt, type YztProcess } from '../../../src-main/proc/spawn-yzt.js';
import { enrolWithLocalCentral } from '../../../src-main/sync/enrol-local.js';
import { openDatabase } from '../../../src-main/db/open.js';
import { writeSetting } from '../../../src-main/kiosk/settings.js';
import { APP_ROOT } from '../../../src-main/paths.js';
import type { HelpCallView } from '../../../src-shared/api/help.js';
import { tempDir } from '../../support/tmp.js';
import { hostLaunch } from '../../support/host-launch.js';

const PASSWORD = 'help-test-pass-1';
const yzt = (args: string[], input = '') => execFileSync(process.execPath, [join(APP_ROOT, 'bin', 'yzt.mjs'), ...args], { input, encoding: 'utf8' });

type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; message_zh: string; message_en: string } };
async function api<T>(base: string, method: string, input: unknown): Promise<Result<T>> {
  const res = await hostLaunch(base).post(method, input);
  return (await res.json()) as Result<T>;
}
const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message_en}`);
  return r.value;
};

describe('call for staff: kiosk → central → counter PC', () => {
  const tmp = tempDir('yzt-help-');
  const centralDb = join(tmp.path, 'central.sqlite');
  const lobbyDir = join(tmp.path, 'lobby');
  const counterDir = join(tmp.path, 'counter');
  let central: YztProcess | null = null;
  let centralUrl = '';
  let lobby: YztProcess;
  let counter: YztProcess;
  let clerk = '';
  const startCentral = async (port = 0) => {
    central = await spawnYzt(['central', 'serve', '--port', String(port), '--db', centralDb], /listening on (http:\/\/\S+)/);
    return central.ready[1] ?? '';
  };
  /** What the counter PC pushed to its pages: the court's calls (help.calls). */
  const pushed: HelpCallView[][] = [];
  let socket: WebSocket;

  beforeAll(async () => {
    centralUrl = await startCentral();
    await enrolWithLocalCentral({ centralDb, centralUrl, dataDir: lobbyDir });
    await enrolWithLocalCentral({ centralDb, centralUrl, dataDir: counterDir });
    const db = openDatabase(join(lobbyDir, 'kiosk.sqlite'), 'kiosk');
    writeSetting(db, 'kiosk.name', '大厅2号机');
    db.close();
    // The counter PC: a court token of the kiosk's court and a clerk account, as IT staff set it up.
    const token = yzt(['central', 'court-token', '--court', 'jiaozuo-shanyang', '--db', centralDb]).trim().split(/\s+/).find((w) => w.startsWith('yzt-court-'));
    if (!token) throw new Error('no court token');
    yzt(['counter', 'set-token', '--data', counterDir], `${token}\n`);
    yzt(['counter', 'add-user', '--name', 'wangli', '--display', '王丽', '--role', 'reception', '--data', counterDir], `${PASSWORD}\n`);
    lobby = await spawnYzt(['kiosk', 'serve', '--port', '0', '--data', lobbyDir, '--central', centralUrl], /kiosk: (http:\/\/\S+)/);
    counter = await spawnYzt(['kiosk', 'serve', '--port', '0', '--data', counterDir, '--central', centralUrl], /kiosk: (http:\/\/\S+)/);
    clerk = value(await api<{ token: string }>(counter.ready[1]!, 'counter.signIn', { account: 'wangli', password: PASSWORD })).token;
    socket = hostLaunch(counter.ready[1]!).events();
    socket.on('message', (m) => {
      const e = JSON.parse(String(m)) as { event: string; payload: unknown };
      if (e.event === 'help.calls') pushed.push(e.payload as HelpCallView[]);
    });
    await new Promise((r, j) => socket.once('open', r).once('error', j));
  }, 60_000);

  afterAll(async () => {
    socket?.close();
    await lobby?.stop();
    await counter?.stop();
    await central?.stop();
    tmp.cleanup();
  });

  it('reaches the counter PC with the kiosk name and step, and the acknowledgement comes back', async () => {
    const lobbyUrl = lobby.ready[1]!;
    const counterUrl = counter.ready[1]!;
    const sent = value(await api<HelpCallView>(lobbyUrl, 'help.call', { place: 'money' }));
    expect(sent).toMatchObject({ status: 'waiting', kioskName: '大厅2号机', place: 'money' });
    // The counter PC is told (event) and can list it.
    await vi.waitFor(() => expect(pushed.at(-1)?.map((c) => c.id)).toEqual([sent.id]), { timeout: 15_000 });
    const listed = value(await api<HelpCallView[]>(counterUrl, 'counter.help.list', { token: clerk }));
    expect(listed).toEqual([expect.objectContaining({ id: sent.id, kioskName: '大厅2号机', place: 'money', status: 'waiting' })]);
    // Only kiosk, place, times and status travel: no field could hold an applicant's data.
    expect(Object.keys(listed[0]!).sort()).toEqual(['acknowledgedAt', 'acknowledgedBy', 'calledAt', 'deviceId', 'id', 'kioskName', 'place', 'status']);
    // A second tap while waiting is the same call, not a second one.
    expect(value(await api<HelpCallView>(lobbyUrl, 'help.call', { place: 'money' })).id).toBe(sent.id);

    const acked = value(await api<HelpCallView>(counterUrl, 'counter.help.ack', { token: clerk, id: sent.id }));
    expect(acked).toMatchObject({ status: 'acknowledged', acknowledgedBy: '王丽' });
    await vi.waitFor(async () => expect(value(await api<HelpCallView | null>(lobbyUrl, 'help.current', null))?.status).toBe('acknowledged'), { timeout: 15_000 });
  });

  it('refuses the counter list without a clerk signed in', async () => {
    const r = await api(counter.ready[1]!, 'counter.help.list', { token: 'x'.repeat(32) });
    expect(r.ok).toBe(false);
  });

  it('says at once that the call could not reach the counter when the central is down', async () => {
    const port = Number(new URL(centralUrl).port);
    await central!.stop();
    central = null;
    const r = value(await api<HelpCallView>(lobby.ready[1]!, 'help.call', { place: 'attract' }));
    expect(r.status).toBe('unreachable');
    centralUrl = await startCentral(port);
    // Back online, a new tap gets through (the unreachable call is not held as open).
    const again = value(await api<HelpCallView>(lobby.ready[1]!, 'help.call', { place: 'attract' }));
    expect(again.status).toBe('waiting');
  }, 30_000);

  it('leaves the IT details in the kiosk log: the call, where it was made, and why it did not go', () => {
    const lines = readFileSync(join(lobbyDir, 'logs', 'kiosk.log'), 'utf8').split('\n').filter((l) => l.includes('"help.'));
    expect(lines.some((l) => l.includes('"help.sent"') && l.includes('"place":"money"'))).toBe(true);
    expect(lines.some((l) => l.includes('"help.unreachable"') && l.includes('"code":"unreachable"'))).toBe(true);
  });
});
