/**
 * Lockouts hold under parallel attempts (issue 13, point 3). Against the old code, which read
 * the failure count before the asynchronous scrypt check and wrote it after, 48 parallel wrong
 * clerk passwords were all checked before the lock took, and 10 admin PINs against a limit of
 * 5: the "exactly the limit" assertions below fail there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { addClerk, changeClerk, MAX_FAILURES } from '../../../src-main/counter/accounts.js';
import { startKioskApp, type KioskApp } from '../../../src-main/app/kiosk-app.js';
import { setAdminPin, PIN_MAX_FAILURES } from '../../../src-main/admin/admin-service.js';
import { dispatch } from '../../../src-main/app/dispatch.js';
import { createLogger } from '../../../src-main/log/logger.js';
import { findCourt } from '../../../src-shared/courts/court-profile.js';
import { AppError } from '../../../src-shared/api/errors.js';
import type { Db } from '../../../src-main/db/open.js';
import { fixedClock, tempDir } from '../../support/tmp.js';
import { counterBench, FAST, type CounterBench } from '../counter/support.js';

const auditCount = (db: Db, actions: string[], subject: string): number =>
  (db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action IN (${actions.map(() => '?').join(',')}) AND subject = ?`).get(...actions, subject) as { n: number }).n;

const outcome = async (p: Promise<unknown>): Promise<AppError | 'ok'> => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
};

describe('clerk sign-in lockout', () => {
  // 09:30 Beijing is 01:30 UTC: a lock message in UTC would say 01:45.
  const clock = fixedClock('2026-11-23T09:30:00+08:00');
  let bench: CounterBench;

  beforeAll(async () => {
    bench = counterBench({ court: findCourt('jiaozuo-shanyang')!, now: clock.now, log: createLogger({ sink: [] }) });
    await addClerk(bench.db, { account: 'racer', role: 'reception', password: 'counter-pass-3', scrypt: FAST }, clock.now());
    await addClerk(bench.db, { account: 'leaver', role: 'reception', password: 'counter-pass-4', scrypt: FAST }, clock.now());
  });
  afterAll(() => bench.close());

  it('checks exactly the limit of 48 parallel wrong passwords, then refuses even the right one', async () => {
    const results = await Promise.all(Array.from({ length: 48 }, () => outcome(bench.counter.sessions.signIn('racer', 'wrong-pass-99'))));
    const codes = results.map((r) => (r === 'ok' ? 'ok' : r.code));
    expect(codes.filter((c) => c === 'counter.bad-login')).toHaveLength(MAX_FAILURES - 1);
    expect(codes.filter((c) => c === 'counter.locked')).toHaveLength(48 - (MAX_FAILURES - 1));
    expect(auditCount(bench.db, ['counter.signin.failed', 'counter.user.locked'], 'racer')).toBe(MAX_FAILURES);
    const right = await outcome(bench.counter.sessions.signIn('racer', 'counter-pass-3'));
    expect(right).toBeInstanceOf(AppError);
    expect((right as AppError).code).toBe('counter.locked');
    expect((right as AppError).message_zh).toContain('北京时间 09:45');
  });

  it('answers a name without an account with the same lock message, so it reveals nothing', async () => {
    const unknown = await Promise.all(Array.from({ length: 12 }, () => outcome(bench.counter.sessions.signIn('no-such-clerk', 'wrong-pass-99'))));
    const locked = unknown.filter((r): r is AppError => r !== 'ok' && r.code === 'counter.locked');
    expect(locked).toHaveLength(12 - (MAX_FAILURES - 1));
    const again = await outcome(bench.counter.sessions.signIn('no-such-clerk', 'wrong-pass-99'));
    const real = await outcome(bench.counter.sessions.signIn('racer', 'wrong-pass-99'));
    expect((again as AppError).code).toBe('counter.locked');
    expect((again as AppError).message_zh).toBe((real as AppError).message_zh);
  });

  it('ends the live sessions of an account as soon as it is disabled', async () => {
    const s = await bench.counter.sessions.signIn('leaver', 'counter-pass-4');
    expect(bench.counter.sessions.require(s.token).account).toBe('leaver');
    changeClerk(bench.db, 'leaver', 'disable', clock.now());
    expect(() => bench.counter.sessions.require(s.token)).toThrow(expect.objectContaining({ code: 'counter.signed-out' }));
  });
});

describe('admin PIN lockout', () => {
  const dir = tempDir();
  const clock = fixedClock('2026-11-22T02:00:00Z');
  let app: KioskApp;
  const log = createLogger({ sink: [] });

  beforeAll(async () => {
    app = await startKioskApp({ dataDir: join(dir.path, 'kiosk'), shell: 'host', log, now: clock.now, reader: null });
    await setAdminPin(app.db, '246810', clock.now());
  });
  afterAll(async () => {
    await app?.close();
    dir.cleanup();
  });

  it('checks exactly five of ten parallel wrong PINs, then refuses the right PIN', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => dispatch(app.handlers, 'admin.signIn', { pin: '000000' }, log)));
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes.filter((c) => c === 'admin.bad-pin')).toHaveLength(PIN_MAX_FAILURES - 1);
    expect(codes.filter((c) => c === 'admin.locked')).toHaveLength(10 - (PIN_MAX_FAILURES - 1));
    const checked = (app.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action IN ('admin.signin.failed', 'admin.pin.locked')").get() as { n: number }).n;
    expect(checked).toBe(PIN_MAX_FAILURES);
    const right = await dispatch(app.handlers, 'admin.signIn', { pin: '246810' }, log);
    expect(right).toMatchObject({ ok: false, error: { code: 'admin.locked' } });
    expect(right.ok ? '' : right.error.message_zh).toContain('北京时间 10:15');
  });
});
