/**
 * Sign-in is limited per source (issue 13, point 7): a kiosk or counter PC's sign-in has one
 * source, its own page, so wrong passwords are limited per terminal across all account names,
 * with a clear wait in the message. Against the old code only each account locked: 25 names
 * tried in parallel were all checked, and a spray of a few guesses per name never stopped.
 * Runs through the real kiosk app's handlers on real files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { addClerk } from '../../../src-main/counter/accounts.js';
import { startKioskApp, type KioskApp } from '../../../src-main/app/kiosk-app.js';
import { dispatch } from '../../../src-main/app/dispatch.js';
import { createLogger } from '../../../src-main/log/logger.js';
import { TERMINAL_FAILURES } from '../../../src-main/auth/terminal-attempts.js';
import { fixedClock, tempDir } from '../../support/tmp.js';
import { FAST } from '../counter/support.js';

describe('failed sign-ins per terminal', () => {
  const dir = tempDir();
  const clock = fixedClock('2026-11-23T09:30:00+08:00');
  const log = createLogger({ sink: [] });
  let app: KioskApp;

  beforeAll(async () => {
    app = await startKioskApp({ dataDir: join(dir.path, 'kiosk'), shell: 'host', log, now: clock.now, reader: null });
    await addClerk(app.db, { account: 'wang', role: 'reception', password: 'counter-pass-3', scrypt: FAST }, clock.now());
    // Real accounts with a cheap hash keep the test quick; unknown names are counted alike.
    for (let i = 0; i < 25; i++) await addClerk(app.db, { account: `clerk${i}`, role: 'reception', password: `counter-pass-${i}x`, scrypt: FAST }, clock.now());
  });
  afterAll(async () => {
    await app?.close();
    dir.cleanup();
  });

  it('checks exactly the limit of wrong passwords spread over many names, then refuses every sign-in with the wait', async () => {
    const names = Array.from({ length: 25 }, (_, i) => `clerk${i}`);
    const results = await Promise.all(names.map((account) => dispatch(app.handlers, 'counter.signIn', { account, password: 'wrong-pass-99' }, log)));
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes.filter((c) => c === 'counter.bad-login')).toHaveLength(TERMINAL_FAILURES.maxFailures);
    expect(codes.filter((c) => c === 'signin.too-many')).toHaveLength(25 - TERMINAL_FAILURES.maxFailures);

    const right = await dispatch(app.handlers, 'counter.signIn', { account: 'wang', password: 'counter-pass-3' }, log);
    expect(right).toMatchObject({ ok: false, error: { code: 'signin.too-many' } });
    expect(right.ok ? '' : right.error.message_zh).toMatch(/登录失败次数过多，请 \d+ 分钟后再试/);
    const admin = await dispatch(app.handlers, 'admin.signIn', { account: 'wang', password: 'counter-pass-3' }, log);
    expect(admin).toMatchObject({ ok: false, error: { code: 'signin.too-many' } });

    clock.advance(TERMINAL_FAILURES.windowMs);
    expect(await dispatch(app.handlers, 'counter.signIn', { account: 'wang', password: 'counter-pass-3' }, log)).toMatchObject({ ok: true });
  });
});
