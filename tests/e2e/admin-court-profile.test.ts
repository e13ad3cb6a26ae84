/**
 * IT staff edit the court's rules in admin mode in Chromium: a broken profile is refused with
 * the field named in Chinese and nothing stored; a good edit lands in courts.json and the kiosk
 * runs by it after a restart. On a counter PC they also enter its court token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { spawnYzt, type YztProcess } from '../../src-main/proc/spawn-yzt.js';
import { APP_ROOT } from '../../src-main/paths.js';
import { launchChromium, SCREENSHOT_DIR } from './support/browser.js';
import { expectAccessible, openKiosk } from './support/applicant.js';
import { tempDir } from '../support/tmp.js';

const PIN = '246802';

function setPin(dataDir: string): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(APP_ROOT, 'bin', 'yzt.mjs'), 'admin', 'set-pin', '--data', dataDir], { stdio: ['pipe', 'ignore', 'inherit'] });
    child.on('exit', resolve);
    child.stdin.end(`${PIN}\n`);
  });
}

describe('admin mode: edit the court profile', () => {
  const dir = tempDir('yzt-admin-court-');
  const kioskData = join(dir.path, 'kiosk');
  const courtsFile = join(kioskData, 'courts.json');
  let kiosk: YztProcess;
  let browser: Browser;
  let page: Page;

  const openAdmin = async () => {
    page = await openKiosk(browser, kiosk.ready[1] ?? '');
    for (let i = 0; i < 5; i++) await page.getByTestId('hidden-corner').click({ force: true });
    for (const d of PIN) await page.getByTestId('pin-pad').getByRole('button', { name: d, exact: true }).click();
    await page.getByTestId('pin-ok').click();
    await page.getByTestId('court-profile').waitFor();
  };

  beforeAll(async () => {
    expect(await setPin(kioskData)).toBe(0);
    kiosk = await spawnYzt(['kiosk', 'serve', '--port', '0', '--data', kioskData], /kiosk: (http:\/\/\S+)/);
    browser = await launchChromium();
    await openAdmin();
  });
  afterAll(async () => {
    await browser?.close();
    await kiosk?.stop();
    dir.cleanup();
  });

  it('shows the court in use with its summary', async () => {
    const summary = page.getByTestId('profile-summary');
    await summary.filter({ hasText: '本终端正在使用' }).waitFor();
    await summary.filter({ hasText: '内置' }).waitFor();
    await expectAccessible(page, 'admin court profile');
  });

  it('refuses a broken profile, naming the field in Chinese, and stores nothing', async () => {
    const json = page.getByTestId('profile-json');
    const profile = JSON.parse(await json.inputValue()) as Record<string, unknown>;
    await json.fill(JSON.stringify({ ...profile, code: 'XX' }, null, 2));
    await page.getByTestId('save-profile').click();
    await page.getByTestId('profile-issues').filter({ hasText: 'code：' }).waitFor();
    expect(existsSync(courtsFile)).toBe(false);

    await json.fill('{ not json');
    await page.getByTestId('save-profile').click();
    await page.getByTestId('profile-issues').filter({ hasText: '不是有效的 JSON' }).waitFor();
    await page.getByTestId('discard-profile').click();
    expect(await page.getByTestId('profile-issues').count()).toBe(0);
  });

  it('saves an edit into courts.json, says a restart applies it, keeps it over a restart, and goes back to the preset on reset', async () => {
    const json = page.getByTestId('profile-json');
    const profile = JSON.parse(await json.inputValue()) as Record<string, unknown>;
    profile['name'] = '焦作市山阳区人民法院（演练）';
    await json.fill(JSON.stringify(profile, null, 2));
    await page.getByTestId('save-profile').click();
    await page.getByTestId('profile-saved').filter({ hasText: '重启' }).waitFor();
    await page.getByTestId('profile-summary').filter({ hasText: '本机已修改' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'admin-4-court-profile.png'), fullPage: true });
    const stored = JSON.parse(readFileSync(courtsFile, 'utf8')) as { name: string }[];
    expect(stored.map((p) => p.name)).toEqual(['焦作市山阳区人民法院（演练）']);

    await page.close();
    await kiosk.stop();
    kiosk = await spawnYzt(['kiosk', 'serve', '--port', '0', '--data', kioskData], /kiosk: (http:\/\/\S+)/);
    await openAdmin();
    await page.getByTestId('profile-summary').filter({ hasText: '本机已修改' }).waitFor();
    expect(JSON.parse(await page.getByTestId('profile-json').inputValue())).toMatchObject({ name: '焦作市山阳区人民法院（演练）' });
    await page.getByTestId('reset-profile').click();
    await page.getByTestId('profile-summary').filter({ hasText: '内置' }).waitFor();
    expect(JSON.parse(readFileSync(courtsFile, 'utf8'))).toEqual([]);
  });

  it('takes a counter PC\'s court token once and only says it is set', async () => {
    await page.getByTestId('counter-token-state').filter({ hasText: '未设置' }).waitFor();
    const secret = 'yzt-court-RTJFLXRlc3QtdG9rZW4tbm90LXJlYWw';
    await page.getByLabel('凭据 Token').fill(secret);
    await page.getByTestId('save-counter-token').click();
    await page.getByTestId('counter-token-state').filter({ hasText: '已设置' }).waitFor();
    expect(await page.getByLabel('凭据 Token').inputValue()).toBe('');
    expect(await page.content()).not.toContain(secret);
  });
});
