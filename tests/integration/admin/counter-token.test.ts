/**
 * A counter PC's court token: set in admin mode or by `yzt counter set-token` from stdin,
 * never read back, never in the exported configuration, the audit log or the log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startKioskApp, type KioskApp } from '../../../src-main/app/kiosk-app.js';
import { setAdminPin } from '../../../src-main/admin/admin-service.js';
import { dispatch } from '../../../src-main/app/dispatch.js';
import { createLogger } from '../../../src-main/log/logger.js';
import { openDatabase } from '../../../src-main/db/open.js';
import { readSetting } from '../../../src-main/kiosk/settings.js';
import { APP_ROOT } from '../../../src-main/paths.js';
import type { AdminOverview } from '../../../src-shared/admin/contract.js';
import { fixedClock, tempDir } from '../../support/tmp.js';

const SECRET = 'yzt-court-Qm9yZ2V0LW1lLW5vdC1hLXJlYWwtdG9rZW4';

function yzt(args: string[], stdin: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(APP_ROOT, 'bin', 'yzt.mjs'), ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (out += String(d)));
    child.on('exit', (code) => resolve({ code, out }));
    child.stdin.end(stdin);
  });
}

describe('counter court token', () => {
  const dir = tempDir();
  const dataDir = join(dir.path, 'kiosk');
  const clock = fixedClock('2026-11-22T02:00:00Z');
  const logged: string[] = [];
  const log = createLogger({ sink: logged });
  let app: KioskApp;
  let token = '';
  const call = (method: string, input: unknown) => dispatch(app.handlers, method, input, log);
  const overview = async () => {
    const r = await call('admin.overview', { token });
    if (!r.ok) throw new Error(r.error.message_en);
    return r.value as AdminOverview;
  };

  beforeAll(async () => {
    app = await startKioskApp({ dataDir, shell: 'host', log, now: clock.now, reader: null });
    await setAdminPin(app.db, '864200', clock.now());
    const r = await call('admin.signIn', { pin: '864200' });
    if (!r.ok) throw new Error(r.error.message_en);
    token = (r.value as { token: string }).token;
  });
  afterAll(async () => {
    await app?.close();
    dir.cleanup();
  });

  it('is set in admin mode, said to be set, and never read back, exported, audited by value or logged', async () => {
    expect((await overview()).counterTokenSet).toBe(false);
    expect(await call('admin.setCounterToken', { token, courtToken: SECRET })).toMatchObject({ ok: true, value: { set: true } });
    const o = await overview();
    expect(o.counterTokenSet).toBe(true);
    expect(JSON.stringify(o)).not.toContain(SECRET);
    expect(readSetting(app.db, 'counter.centralToken')).toBe(SECRET);
    const audit = app.db.prepare("SELECT actor, details FROM audit_log WHERE action = 'counter.token.set'").all() as { actor: string; details: string }[];
    expect(audit).toEqual([{ actor: 'admin:pin', details: '{}' }]);
    expect(logged.join('\n')).not.toContain(SECRET);
  });

  it('refuses something that is no token, in Chinese, and keeps the one set', async () => {
    expect(await call('admin.setCounterToken', { token, courtToken: 'short' })).toMatchObject({ ok: false, error: { code: 'counter.token-format', message_zh: expect.stringMatching(/凭据格式不对/) } });
    expect(readSetting(app.db, 'counter.centralToken')).toBe(SECRET);
  });

  it('is removed in admin mode', async () => {
    expect(await call('admin.setCounterToken', { token, courtToken: null })).toMatchObject({ ok: true, value: { set: false } });
    expect((await overview()).counterTokenSet).toBe(false);
  });

  it('is set and cleared by yzt counter set-token from stdin', async () => {
    await app.close();
    const set = await yzt(['counter', 'set-token', '--data', dataDir], `${SECRET}\n`);
    expect(set).toMatchObject({ code: 0 });
    const bad = await yzt(['counter', 'set-token', '--data', dataDir], 'x\n');
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/凭据格式不对/);
    let db = openDatabase(join(dataDir, 'kiosk.sqlite'), 'kiosk');
    expect(readSetting(db, 'counter.centralToken')).toBe(SECRET);
    db.close();
    expect((await yzt(['counter', 'set-token', '--clear', '--data', dataDir], '')).code).toBe(0);
    db = openDatabase(join(dataDir, 'kiosk.sqlite'), 'kiosk');
    expect(readSetting(db, 'counter.centralToken')).toBeUndefined();
    db.close();
    app = await startKioskApp({ dataDir, shell: 'host', log, now: clock.now, reader: null });
  });
});
