/**
 * The sync and central commands as IT staff run them, as child processes on real files:
 * enrol-code, kiosk enrol, sync status, central case, central revoke, central court-token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { spawnYzt, type YztProcess } from '../../../src-main/proc/spawn-yzt.js';
import { spawnYztRaw } from '../../fault/support/processes.js';
import { tempDir } from '../../support/tmp.js';

async function yzt(args: string[]): Promise<{ code: number | null; out: string }> {
  const p = spawnYztRaw(args);
  const code = await p.exited;
  await new Promise((r) => setImmediate(r));
  return { code, out: p.lines.join('\n') };
}

describe('yzt central / kiosk enrol / sync status', () => {
  const dir = tempDir();
  const db = join(dir.path, 'central.sqlite');
  const data = join(dir.path, 'kiosk');
  let central: YztProcess;

  beforeAll(async () => {
    central = await spawnYzt(['central', 'serve', '--port', '0', '--db', db], /listening on (http:\/\/\S+)/);
  });
  afterAll(async () => {
    await central.stop();
    dir.cleanup();
  });

  it('enrols a kiosk with a printed code, shows its state, and revokes it', { timeout: 90_000 }, async () => {
    const url = central.ready[1]!;
    const issued = await yzt(['central', 'enrol-code', '--court', 'jiaozuo-shanyang', '--db', db, '--json']);
    expect(issued.code).toBe(0);
    const { code } = JSON.parse(issued.out) as { code: string };
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    const enrolled = await yzt(['kiosk', 'enrol', '--code', code, '--central', url, '--data', data, '--json']);
    expect(enrolled.code).toBe(0);
    const { deviceId } = JSON.parse(enrolled.out) as { deviceId: string };

    const status = await yzt(['sync', 'status', '--data', data, '--json']);
    expect(JSON.parse(status.out)).toMatchObject({ deviceId, enrolled: true, centralUrl: url, courtCode: '豫0811', queueDepth: 0 });

    const noCase = await yzt(['central', 'case', 'accept', '（2026）豫0811执999号', '--db', db]);
    expect(noCase.code).toBe(1);
    expect(noCase.out).toMatch(/找不到/);

    expect((await yzt(['central', 'revoke', '--device', deviceId, '--db', db])).code).toBe(0);
  });

  it('issues a court token that reads its own court\'s records and nothing of another court, and revokes it', { timeout: 60_000 }, async () => {
    const url = central.ready[1]!;
    const issued = await yzt(['central', 'court-token', '--court', 'jiaozuo-shanyang', '--db', db, '--json']);
    expect(issued.code).toBe(0);
    const { token, courtCode } = JSON.parse(issued.out) as { token: string; courtCode: string };
    expect(courtCode).toBe('豫0811');
    const own = await fetch(`${url}/v1/court/records?since=0`, { headers: { authorization: `Bearer ${token}` } });
    expect(own.status).toBe(200);
    const other = await fetch(`${url}/v1/court/records?since=0&court=${encodeURIComponent('豫0802')}`, { headers: { authorization: `Bearer ${token}` } });
    expect(other.status).toBe(403);

    // A counter PC is lost: its token stops at once, and revoking twice says so.
    expect((await yzt(['central', 'court-token', '--revoke', token, '--db', db])).code).toBe(0);
    expect((await fetch(`${url}/v1/court/records?since=0`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(403);
    const again = await yzt(['central', 'court-token', '--revoke', token, '--db', db]);
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/已吊销/);

    const unknown = await yzt(['central', 'court-token', '--court', 'no-such-court', '--db', db]);
    expect(unknown.code).toBe(1);
    expect(unknown.out).toMatch(/法院/);
  });
});
