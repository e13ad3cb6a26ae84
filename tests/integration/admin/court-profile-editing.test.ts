/**
 * Court profiles edited in admin mode: read, validated whole (a bad one is answered with its
 * issues and changes nothing), stored in courts.json beside other profiles, applied on the next
 * start, audited, and reset to the built-in preset.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startKioskApp, type KioskApp } from '../../../src-main/app/kiosk-app.js';
import { setAdminPin } from '../../../src-main/admin/admin-service.js';
import { dispatch } from '../../../src-main/app/dispatch.js';
import { createLogger } from '../../../src-main/log/logger.js';
import type { CourtProfileView, SaveCourtProfileResult } from '../../../src-shared/admin/contract.js';
import type { KioskInfo } from '../../../src-shared/api/contract.js';
import { fixedClock, tempDir } from '../../support/tmp.js';

const log = createLogger({ sink: [] });

describe('court profile editing in admin mode', () => {
  const dir = tempDir();
  const dataDir = join(dir.path, 'kiosk');
  const courtsFile = join(dataDir, 'courts.json');
  const clock = fixedClock('2026-11-22T02:00:00Z');
  let app: KioskApp;
  let token = '';
  const call = async (method: string, input: unknown) => dispatch(app.handlers, method, input, log);
  const ok = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await call(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message_en}`);
    return r.value as T;
  };
  const start = async () => {
    app = await startKioskApp({ dataDir, shell: 'host', log, now: clock.now, reader: null });
    token = (await ok<{ token: string }>('admin.signIn', { pin: '135790' })).token;
  };

  beforeAll(async () => {
    app = await startKioskApp({ dataDir, shell: 'host', log, now: clock.now, reader: null });
    await setAdminPin(app.db, '135790', clock.now());
    await app.close();
    await start();
  });
  afterAll(async () => {
    await app?.close();
    dir.cleanup();
  });

  it('shows the active court as its built-in preset before any edit', async () => {
    const view = await ok<CourtProfileView>('admin.courtProfile', { token, courtId: 'jiaozuo-shanyang' });
    expect(view).toMatchObject({ source: 'preset', hasPreset: true, active: true, profile: { id: 'jiaozuo-shanyang' } });
    expect(existsSync(courtsFile)).toBe(false);
  });

  it('refuses a profile with an unknown team in its routing, names the path in Chinese, and writes nothing', async () => {
    const { profile } = await ok<CourtProfileView>('admin.courtProfile', { token, courtId: 'jiaozuo-shanyang' });
    const broken = { ...profile, code: '不是法院代字' };
    const r = await ok<SaveCourtProfileResult>('admin.saveCourtProfile', { token, profile: broken });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toContain('code');
    expect(r.message_zh).toMatch(/错误/);
    expect(existsSync(courtsFile)).toBe(false);
  });

  it('saves an edited profile beside the other profiles of courts.json, audits it, and applies it after a restart', async () => {
    const other = (await ok<CourtProfileView>('admin.courtProfile', { token, courtId: 'jiaozuo-shanyang' })).profile;
    writeFileSync(courtsFile, JSON.stringify([{ ...other, id: 'test-other', name: '另一法院' }]));
    const { profile } = await ok<CourtProfileView>('admin.courtProfile', { token, courtId: 'jiaozuo-shanyang' });
    const r = await ok<SaveCourtProfileResult>('admin.saveCourtProfile', { token, profile: { ...profile, name: '焦作市山阳区人民法院（测试）' } });
    expect(r).toMatchObject({ ok: true, view: { source: 'file', active: true } });
    expect(r.message_zh).toMatch(/重启/);

    const stored = JSON.parse(readFileSync(courtsFile, 'utf8')) as { id: string; name: string }[];
    expect(stored.map((p) => p.id).sort()).toEqual(['jiaozuo-shanyang', 'test-other']);
    const audit = app.db.prepare("SELECT actor, details FROM audit_log WHERE action = 'admin.court-profile.saved'").all() as { actor: string; details: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor).toBe('admin:pin');

    expect((await ok<KioskInfo>('kiosk.info', null)).courtName).not.toMatch(/测试/);
    await app.close();
    await start();
    expect((await ok<KioskInfo>('kiosk.info', null)).courtName).toBe('焦作市山阳区人民法院（测试）');
  });

  it('lists a court that exists only in courts.json among the choices', async () => {
    const overview = await ok<{ courts: { id: string }[] }>('admin.overview', { token });
    expect(overview.courts.map((c) => c.id)).toContain('test-other');
  });

  it('goes back to the preset on reset and keeps the other profiles', async () => {
    const view = await ok<CourtProfileView>('admin.resetCourtProfile', { token, courtId: 'jiaozuo-shanyang' });
    expect(view.source).toBe('preset');
    expect(view.profile.name).not.toMatch(/测试/);
    const stored = JSON.parse(readFileSync(courtsFile, 'utf8')) as { id: string }[];
    expect(stored.map((p) => p.id)).toEqual(['test-other']);
    expect(await call('admin.resetCourtProfile', { token, courtId: 'test-other' })).toMatchObject({ ok: false, error: { code: 'courts.no-preset' } });
  });

  it('refuses every profile call without a session', async () => {
    expect(await call('admin.courtProfile', { token: 'y'.repeat(32), courtId: 'jiaozuo-shanyang' })).toMatchObject({ ok: false, error: { code: 'admin.signed-out' } });
    expect(await call('admin.saveCourtProfile', { token: 'y'.repeat(32), profile: {} })).toMatchObject({ ok: false, error: { code: 'admin.signed-out' } });
  });
});
