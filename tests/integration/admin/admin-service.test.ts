/**
 * Admin mode on the real kiosk app: PIN lockout, admin accounts, saving a configuration that
 * reopens the devices, testing a reader on the simulator, and enrolling with a real central.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { startKioskApp, type KioskApp } from '../../../src-main/app/kiosk-app.js';
import { setAdminPin } from '../../../src-main/admin/admin-service.js';
import { addClerk } from '../../../src-main/counter/accounts.js';
import { startCentral, type CentralHandle } from '../../../src-main/central/central-server.js';
import { issueEnrolCode } from '../../../src-main/central/enrolment.js';
import { dispatch } from '../../../src-main/app/dispatch.js';
import { createLogger } from '../../../src-main/log/logger.js';
import { startIdCardSimulator, type IdCardSimulator } from '../../../hardware/id-card/index.js';
import { loadCard } from '../../e2e/support/stack.js';
import { fixedClock, tempDir } from '../../support/tmp.js';

const log = createLogger({ sink: [] });

/** Tests that run several scrypt password checks (memory-hard on purpose) get more time. */
const KDF_TIMEOUT_MS = 60_000;

describe('admin mode', () => {
  const dir = tempDir();
  const clock = fixedClock('2026-11-22T02:00:00Z');
  let app: KioskApp;
  let sim: IdCardSimulator;
  let central: CentralHandle;
  const call = async (method: string, input: unknown) => dispatch(app.handlers, method, input, log);
  const ok = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await call(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message_en}`);
    return r.value as T;
  };

  beforeAll(async () => {
    sim = await startIdCardSimulator({ link: join(dir.path, 'idcard'), card: loadCard('resident') });
    central = await startCentral({ dbFile: join(dir.path, 'central.sqlite'), port: 0, log });
    app = await startKioskApp({ dataDir: join(dir.path, 'kiosk'), shell: 'host', log, now: clock.now, reader: null });
    await setAdminPin(app.db, '246810', clock.now());
    await addClerk(app.db, { account: 'it-zhang', role: 'admin', password: 'correct horse 42' }, clock.now());
    await addClerk(app.db, { account: 'clerk-li', role: 'reception', password: 'another secret 77' }, clock.now());
  });
  afterAll(async () => {
    await app?.close();
    await central?.close();
    await sim?.close();
    dir.cleanup();
  });

  it('refuses every admin call without a session', async () => {
    const r = await call('admin.overview', { token: 'x'.repeat(32) });
    expect(r).toMatchObject({ ok: false, error: { code: 'admin.signed-out' } });
  });

  it('locks the PIN after five wrong tries, even for the right PIN, and unlocks after the wait', async () => {
    for (let i = 0; i < 4; i++) expect(await call('admin.signIn', { pin: '000000' })).toMatchObject({ ok: false, error: { code: 'admin.bad-pin' } });
    const fifth = await call('admin.signIn', { pin: '000000' });
    expect(fifth).toMatchObject({ ok: false, error: { code: 'admin.locked' } });
    expect(await call('admin.signIn', { pin: '246810' })).toMatchObject({ ok: false, error: { code: 'admin.locked' } });
    clock.advance(16 * 60_000);
    expect(await call('admin.signIn', { pin: '246810' })).toMatchObject({ ok: true });
    // Seven sign-ins, each a real scrypt check of the PIN: on two busy shared cores that can pass
    // the 20 s default. A bound on a hang, not a speed goal.
  }, KDF_TIMEOUT_MS);

  it('admits a counter account with the admin role, not a reception clerk', async () => {
    expect(await call('admin.signIn', { account: 'it-zhang', password: 'correct horse 42' })).toMatchObject({ ok: true });
    expect(await call('admin.signIn', { account: 'clerk-li', password: 'another secret 77' })).toMatchObject({ ok: false, error: { code: 'admin.forbidden' } });
  }, KDF_TIMEOUT_MS);

  it('shows the kiosk, tests a reader on the simulator, and saves a configuration that reopens the devices', async () => {
    const { token } = await ok<{ token: string }>('admin.signIn', { pin: '246810' });
    const before = await ok<{ devices: Array<{ device: string; state: string }>; courts: unknown[]; health: unknown[] }>('admin.overview', { token });
    expect(before.devices.find((d) => d.device === 'idReader')?.state).toBe('not-configured');
    expect(before.courts.length).toBe(5);

    const test = await ok<{ ok: boolean; card?: { idNumberMasked: string } }>('admin.testReader', { token, path: sim.appPath, baudRate: 115200 });
    expect(test.ok).toBe(true);
    expect(test.card?.idNumberMasked).toMatch(/^\d{3}\*+/);
    const dead = await ok<{ ok: boolean; message_zh: string }>('admin.testReader', { token, path: join(dir.path, 'nothing'), baudRate: 115200 });
    expect(dead.ok).toBe(false);
    expect(dead.message_zh).toMatch(/[\u4e00-\u9fff]/);

    const config = {
      format: 'yzt-kiosk-config',
      version: 1,
      courtId: 'jiaozuo-shanyang',
      centralUrl: central.url,
      devices: { idReader: { transport: 'serial', path: sim.appPath, baudRate: 115200, pollIntervalMs: 300 }, scanner: null, receiptPrinter: null },
    };
    const bad = await call('admin.saveConfig', { token, config: { ...config, devices: { ...config.devices, idReader: { transport: 'usb' } } } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'admin.config-invalid' } });
    await ok('admin.saveConfig', { token, config });
    const after = await ok<{ devices: Array<{ device: string; target: string | null }> }>('admin.overview', { token });
    expect(after.devices.find((d) => d.device === 'idReader')?.target).toBe(sim.appPath);
  });

  it('keeps the scanner and printers in the saved configuration, and guards the printer tests with the token', async () => {
    const { token } = await ok<{ token: string }>('admin.signIn', { pin: '246810' });
    expect(await call('admin.testPrinter', { token: 'y'.repeat(32), path: '/dev/null', baudRate: 9600 })).toMatchObject({ ok: false, error: { code: 'admin.signed-out' } });
    const missing = await ok<{ ok: boolean; message_zh: string }>('admin.testPrinter', { token, path: join(dir.path, 'no-printer'), baudRate: 9600 });
    expect(missing.ok).toBe(false);
    expect(missing.message_zh).toMatch(/^未打印/);
    const devices = { idReader: null, scanner: { mode: 'serial', path: join(dir.path, 'scanner'), charset: 'gb18030' }, receiptPrinter: { path: join(dir.path, 'no-printer'), baudRate: 19200 }, a4Printer: { mode: 'cups', queue: 'Office_A4' } };
    const config = { format: 'yzt-kiosk-config', version: 1, courtId: 'jiaozuo-shanyang', centralUrl: null, devices };
    const noQueue = await call('admin.saveConfig', { token, config: { ...config, devices: { ...devices, a4Printer: { mode: 'cups' } } } });
    expect(noQueue).toMatchObject({ ok: false, error: { code: 'admin.config-invalid' } });
    await ok('admin.saveConfig', { token, config });
    const after = await ok<{ config: { devices: unknown }; health: Array<{ name: string; status: string; message_zh: string }> }>('admin.overview', { token });
    expect(after.config.devices).toEqual(devices);
    expect(after.health.find((c) => c.name === 'receipt-printer')).toMatchObject({ status: 'fail' });
  });

  it('enrols the kiosk with a one-time code from the central', async () => {
    const { token } = await ok<{ token: string }>('admin.signIn', { pin: '246810' });
    const code = await issueEnrolCode(central.store, 'jiaozuo-shanyang', new Date(), 1);
    if (!code.ok) throw new Error('no code');
    const wrong = await ok<{ ok: boolean; message_zh: string }>('admin.enrol', { token, centralUrl: central.url, code: 'WRONGCODE123' });
    expect(wrong.ok).toBe(false);
    const r = await ok<{ ok: boolean; message_zh: string }>('admin.enrol', { token, centralUrl: central.url, code: code.code });
    expect(r).toMatchObject({ ok: true });
    expect((await ok<{ enrolled: boolean }>('admin.overview', { token })).enrolled).toBe(true);
    const again = await ok<{ ok: boolean }>('admin.enrol', { token, centralUrl: central.url, code: code.code });
    expect(again.ok).toBe(false);
  });
});
