/**
 * Issue 14 item 8 in Debian Chromium on real processes: a central gateway (SQLite) and two
 * counter PCs of one court (B and C, each its own `yzt kiosk serve`, data folder, enrolment and
 * court token). B's local accounts are imported at first contact; then, on B's admin screen, the
 * administrator resets wang's password and disables zhao. On C, zhao's sign-in is refused; wang
 * signs in with the temporary password and must set a new one before the queue shows. Back on
 * B, the administrator reads the audit log and filters it by action and actor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser.js';
import { spawnYzt, type YztProcess } from '../../src-main/proc/spawn-yzt.js';
import { enrolWithLocalCentral } from '../../src-main/sync/enrol-local.js';
import { APP_ROOT } from '../../src-main/paths.js';
import { tempDir } from '../support/tmp.js';
import { hostLaunch } from '../support/host-launch.js';

const YZT = join(APP_ROOT, 'bin', 'yzt.mjs');
const COURT = 'jiaozuo-shanyang';
const yzt = (args: string[], input = '') => execFileSync(process.execPath, [YZT, ...args], { input, encoding: 'utf8' });

describe('counter accounts held at the central, managed from a counter’s admin screen', () => {
  const tmp = tempDir('yzt-accounts-e2e-');
  const centralDb = join(tmp.path, 'central.sqlite');
  const procs: YztProcess[] = [];
  let browser: Browser;
  let pageB: Page;
  let pageC: Page;
  let urlB = '';
  let urlC = '';

  const startCounterPc = async (name: string, centralUrl: string, clerks: Array<{ account: string; display: string; role: string; password: string }>) => {
    const dir = join(tmp.path, name);
    await enrolWithLocalCentral({ centralDb, centralUrl, dataDir: dir });
    const token = yzt(['central', 'court-token', '--court', COURT, '--name', `窗口-${name}`, '--db', centralDb]).trim();
    yzt(['counter', 'set-token', '--data', dir], `${token}\n`);
    for (const c of clerks) yzt(['counter', 'add-user', '--name', c.account, '--display', c.display, '--role', c.role, '--data', dir], `${c.password}\n`);
    const p = await spawnYzt(['kiosk', 'serve', '--port', '0', '--data', dir, '--central', centralUrl, '--sync-max-delay', '500'], /kiosk: (http:\/\/\S+)/);
    procs.push(p);
    return p.ready[1] ?? '';
  };

  const signIn = async (page: Page, url: string, account: string, password: string) => {
    await page.goto(hostLaunch(url).page('/counter'));
    await page.getByLabel('账号').fill(account);
    await page.getByLabel('密码').fill(password);
    await page.getByTestId('counter-signin-submit').click();
  };

  beforeAll(async () => {
    const central = await spawnYzt(['central', 'serve', '--port', '0', '--db', centralDb], /listening on (http:\/\/\S+)/);
    procs.push(central);
    const centralUrl = central.ready[1] ?? '';
    urlB = await startCounterPc('counter-b', centralUrl, [
      { account: 'admin1', display: '管理员甲', role: 'admin', password: 'admin-pass-2026' },
      { account: 'wang', display: '王丽', role: 'reception', password: 'wang-pass-2026' },
      { account: 'zhao', display: '赵敏', role: 'reception', password: 'zhao-pass-2026' },
    ]);
    urlC = await startCounterPc('counter-c', centralUrl, []);
    browser = await launchChromium();
    pageB = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    pageC = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    for (const p of procs.reverse()) await p.stop();
    tmp.cleanup();
  });

  it('imports B’s accounts, then the administrator resets one password and disables another; C refuses the disabled clerk', async () => {
    // First contact: the central holds no accounts for the court, so B's administrator signs in
    // with B's own account and imports B's accounts from the admin screen.
    await signIn(pageB, urlB, 'admin1', 'admin-pass-2026');
    await pageB.getByTestId('mode-accounts').click();
    await pageB.getByTestId('accounts-import').click();
    await pageB.getByTestId('accounts-done').filter({ hasText: '已将 3 个本机账号导入法院中心' }).waitFor();
    // Signed in again, now through the central: the accounts are the central's.
    await pageB.getByRole('button', { name: '退出' }).click();
    await signIn(pageB, urlB, 'admin1', 'admin-pass-2026');
    await pageB.getByTestId('mode-accounts').click();
    const wang = pageB.locator('[data-testid="account-row"][data-account="wang"]');
    const zhao = pageB.locator('[data-testid="account-row"][data-account="zhao"]');
    await wang.getByTestId('account-reset').waitFor();

    await wang.getByTestId('account-reset').click();
    await wang.getByTestId('account-reset-password').fill('Temp-reset-2026');
    await wang.getByTestId('account-reset-confirm').click();
    await pageB.getByTestId('accounts-done').filter({ hasText: '已重置 wang 的密码' }).waitFor();
    await expect(wang.textContent()).resolves.toContain('待改密码');

    await zhao.getByTestId('account-disable').click();
    await pageB.locator('[data-testid="account-row"][data-account="zhao"][data-disabled="yes"]').waitFor();

    // On C, the disabled clerk is refused with a plain message.
    await signIn(pageC, urlC, 'zhao', 'zhao-pass-2026');
    await pageC.getByTestId('counter-error').filter({ hasText: '该账号已停用' }).waitFor();
    expect(await pageC.getByTestId('clerk-name').count()).toBe(0);

    // wang signs in on C with the temporary password and must choose a new one first.
    await signIn(pageC, urlC, 'wang', 'Temp-reset-2026');
    await pageC.getByTestId('change-password').waitFor();
    expect(await pageC.getByTestId('queue-row').count()).toBe(0);
    await pageC.getByLabel('当前（临时）密码').fill('Temp-reset-2026');
    await pageC.getByLabel('新密码', { exact: false }).first().fill('wang-new-pass-2026');
    await pageC.getByLabel('再次输入新密码').fill('wang-new-pass-2026');
    await pageC.getByTestId('change-password-submit').click();
    await pageC.getByTestId('change-password').waitFor({ state: 'detached' });
    await pageC.getByTestId('clerk-name').filter({ hasText: '王丽' }).waitFor();
  });

  it('lets the administrator read the audit log and filter it by action and actor', async () => {
    await pageB.getByTestId('mode-audit').click();
    await pageB.getByTestId('audit-total').waitFor();
    await pageB.getByTestId('audit-action').fill('counter.user.');
    await pageB.getByTestId('audit-search').click();
    await pageB.locator('[data-testid="audit-row"][data-action="counter.user.disable"]').waitFor();
    const rows = pageB.getByTestId('audit-row');
    const actions = await Promise.all((await rows.all()).map((r) => r.getAttribute('data-action')));
    expect(actions).toEqual(expect.arrayContaining(['counter.user.reset', 'counter.user.disable']));
    expect(actions.every((a) => a?.startsWith('counter.user.'))).toBe(true);
    await pageB.getByTestId('audit-action').fill('');
    await pageB.getByTestId('audit-actor').fill('nobody-here');
    await pageB.getByTestId('audit-search').click();
    await pageB.locator('[data-testid="audit-total"][data-total="0"]').waitFor();
  });
});
