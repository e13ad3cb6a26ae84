/**
 * 「呼叫工作人员」 in Debian Chromium on real parts: the central gateway, a lobby kiosk with the ID
 * card simulator and a counter PC, each its own process. An applicant on a step taps the button;
 * the call appears, with a chime, in the counter console of the same court with the kiosk's name
 * and the step; the clerk takes it and the kiosk says 「工作人员马上就到」; the kiosk's admin mode
 * shows it too. With the central down the kiosk says to go to the counter window. Screens are
 * photographed at kiosk sizes and checked with axe-core and the 60 px target rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, SCREENSHOT_DIR } from './support/browser.js';
import { expectAccessible, expectTouchFirst, openKiosk } from './support/applicant.js';
import { loadCard } from './support/stack.js';
import { spawnYzt, type YztProcess } from '../../src-main/proc/spawn-yzt.js';
import { startIdCardSimulator, type IdCardSimulator } from '../../hardware/id-card/index.js';
import { enrolWithLocalCentral } from '../../src-main/sync/enrol-local.js';
import { openDatabase } from '../../src-main/db/open.js';
import { writeSetting } from '../../src-main/kiosk/settings.js';
import { APP_ROOT } from '../../src-main/paths.js';
import { tempDir } from '../support/tmp.js';
import { hostLaunch } from '../support/host-launch.js';

const PASSWORD = 'call-staff-e2e-pass-1';
const yzt = (args: string[], input = '') => execFileSync(process.execPath, [join(APP_ROOT, 'bin', 'yzt.mjs'), ...args], { input, encoding: 'utf8' });
const SIZES = [
  { name: 'landscape', width: 1920, height: 1080 },
  { name: 'portrait', width: 1080, height: 1920 },
];

async function shootBoth(page: Page, name: string): Promise<void> {
  const before = page.viewportSize();
  for (const s of SIZES) {
    await page.setViewportSize({ width: s.width, height: s.height });
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${s.width}x${s.height}.png`) });
  }
  if (before) await page.setViewportSize(before);
}

describe('call for staff: kiosk screen → counter console', () => {
  const tmp = tempDir('yzt-call-e2e-');
  const centralDb = join(tmp.path, 'central.sqlite');
  const lobbyDir = join(tmp.path, 'lobby');
  const counterDir = join(tmp.path, 'counter');
  let central: YztProcess | null = null;
  let lobby: YztProcess;
  let counter: YztProcess;
  let sim: IdCardSimulator;
  let browser: Browser;
  let kioskPage: Page;
  let counterPage: Page;

  beforeAll(async () => {
    central = await spawnYzt(['central', 'serve', '--port', '0', '--db', centralDb], /listening on (http:\/\/\S+)/);
    const centralUrl = central.ready[1] ?? '';
    await enrolWithLocalCentral({ centralDb, centralUrl, dataDir: lobbyDir });
    await enrolWithLocalCentral({ centralDb, centralUrl, dataDir: counterDir });
    const db = openDatabase(join(lobbyDir, 'kiosk.sqlite'), 'kiosk');
    writeSetting(db, 'kiosk.name', '大厅2号机');
    db.close();
    const token = yzt(['central', 'court-token', '--court', 'jiaozuo-shanyang', '--db', centralDb]).split(/\s+/).find((w) => w.startsWith('yzt-court-'));
    yzt(['counter', 'set-token', '--data', counterDir], `${token}\n`);
    yzt(['counter', 'add-user', '--name', 'wangli', '--display', '王丽', '--role', 'reception', '--data', counterDir], `${PASSWORD}\n`);
    sim = await startIdCardSimulator({ link: join(tmp.path, 'idcard'), card: null });
    lobby = await spawnYzt(['kiosk', 'serve', '--port', '0', '--data', lobbyDir, '--central', centralUrl, '--reader', sim.appPath], /kiosk: (http:\/\/\S+)/);
    counter = await spawnYzt(['kiosk', 'serve', '--port', '0', '--data', counterDir, '--central', centralUrl], /kiosk: (http:\/\/\S+)/);
    browser = await launchChromium();
    kioskPage = await openKiosk(browser, lobby.ready[1]!);
    await kioskPage.setViewportSize({ width: 1920, height: 1080 });
    counterPage = await openKiosk(browser, hostLaunch(counter.ready[1]!).page('/counter')).catch(async () => {
      const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 }, bypassCSP: true });
      const p = await ctx.newPage();
      await p.goto(hostLaunch(counter.ready[1]!).page('/counter'));
      return p;
    });
    await counterPage.setViewportSize({ width: 1920, height: 1080 });
    // The clerk signs in (staff input, with the counter PC's keyboard).
    await counterPage.getByLabel('账号').fill('wangli');
    await counterPage.getByLabel('密码').fill(PASSWORD);
    await counterPage.getByTestId('counter-signin-submit').click();
    await counterPage.getByTestId('clerk-name').filter({ hasText: '王丽' }).waitFor();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await lobby?.stop();
    await counter?.stop();
    await central?.stop();
    await sim?.close();
    tmp.cleanup();
  });

  it('shows the button on the start screen and on every step', async () => {
    await kioskPage.getByTestId('call-staff').filter({ hasText: '呼叫工作人员' }).waitFor();
    await expectAccessible(kioskPage, 'attract with call-staff');
    await expectTouchFirst(kioskPage, 'attract with call-staff');
    await shootBoth(kioskPage, 'call-staff-button-attract');
    sim.placeCard(loadCard('resident'));
    await kioskPage.getByTestId('step-consent').waitFor();
    await kioskPage.getByTestId('call-staff').waitFor();
  });

  it('calls from the consent step; the counter console shows and chimes the call with the kiosk name and step', async () => {
    await kioskPage.getByTestId('call-staff').click();
    await kioskPage.locator('[data-testid=call-staff-panel][data-status=waiting]').waitFor();
    expect(await kioskPage.getByTestId('call-state').textContent()).toContain('已通知窗口工作人员');
    await expectAccessible(kioskPage, 'call-staff waiting');
    await expectTouchFirst(kioskPage, 'call-staff waiting');
    await shootBoth(kioskPage, 'call-staff-waiting');

    const alert = counterPage.locator('[data-testid=help-alert][data-status=waiting]');
    await alert.waitFor({ timeout: 20_000 });
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('大厅2号机');
    expect(text).toContain('第1步');
    // Nothing of the applicant on a screen others can see.
    expect(text).not.toContain(loadCard('resident').name);
    expect(Number(await counterPage.evaluate(() => (globalThis as unknown as { document: { documentElement: { dataset: Record<string, string | undefined> } } }).document.documentElement.dataset.chimes ?? 0))).toBeGreaterThanOrEqual(1);
    await expectAccessible(counterPage, 'counter help alert');
    const ack = await counterPage.getByTestId('help-ack').boundingBox();
    expect(ack!.width).toBeGreaterThanOrEqual(60);
    expect(ack!.height).toBeGreaterThanOrEqual(60);
    await shootBoth(counterPage, 'counter-help-alert');
  });

  it('shows the call in the kiosk admin mode too', async () => {
    const admin = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await admin.goto(hostLaunch(lobby.ready[1]!).page('/admin'));
    const alert = admin.getByTestId('help-alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('大厅2号机');
    await admin.screenshot({ path: join(SCREENSHOT_DIR, 'admin-help-alert-1920x1080.png') });
    await admin.close();
  });

  it('tells the applicant once the clerk has taken the call', async () => {
    await counterPage.getByTestId('help-ack').click();
    await counterPage.locator('[data-testid=help-alert][data-status=acknowledged]').filter({ hasText: '王丽 已前往' }).waitFor();
    await kioskPage.locator('[data-testid=call-staff-panel][data-status=acknowledged]').waitFor({ timeout: 20_000 });
    expect(await kioskPage.getByTestId('call-state').textContent()).toContain('工作人员马上就到');
    await expectAccessible(kioskPage, 'call-staff acknowledged');
    await shootBoth(kioskPage, 'call-staff-acknowledged');
    await kioskPage.getByTestId('call-close').click();
    await kioskPage.getByTestId('call-staff').filter({ hasText: '工作人员马上就到' }).waitFor();
  });

  it('says to go to the counter window when the call cannot reach it', async () => {
    // The applicant leaves; the answered call ends with the session.
    await kioskPage.getByTestId('leave').click();
    // The card is still on the reader: the kiosk asks for it first, then shows the start screen.
    await kioskPage.getByTestId('take-card').waitFor();
    sim.removeCard();
    await kioskPage.getByTestId('attract').waitFor();
    await kioskPage.getByTestId('call-staff').filter({ hasText: '呼叫工作人员' }).waitFor();
    await central!.stop();
    central = null;
    await kioskPage.getByTestId('call-staff').click();
    await kioskPage.locator('[data-testid=call-staff-panel][data-status=unreachable]').waitFor();
    expect(await kioskPage.getByTestId('call-state').textContent()).toContain('请直接到执行立案窗口');
    await expectAccessible(kioskPage, 'call-staff unreachable');
    await expectTouchFirst(kioskPage, 'call-staff unreachable');
    await shootBoth(kioskPage, 'call-staff-unreachable');
  });

  it('is English in English mode', async () => {
    await kioskPage.getByTestId('call-close').click();
    await kioskPage.getByTestId('lang-toggle').click();
    await kioskPage.getByTestId('call-staff').filter({ hasText: 'Call staff' }).click();
    await kioskPage.locator('[data-testid=call-staff-panel][data-status=unreachable]').waitFor();
    expect(await kioskPage.getByTestId('call-staff-panel').textContent()).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
