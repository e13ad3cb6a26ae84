/**
 * No handheld scanner: the applicant reads the judgment's QR code with the document camera
 * (Chromium's fake camera plays a page with the code), and the basis number is filled in for
 * them to confirm.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loadCard, startStack, type Stack } from './support/stack.js';
import { launchChromium } from './support/browser.js';
import { next, openKiosk, Walk, verificationUrl } from './support/applicant.js';
import { fakeCameraShowingQr } from './support/fake-camera.js';

describe('applicant kiosk: basis number read by the document camera', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    stack = await startStack();
    const flag = fakeCameraShowingQr(join(stack.dir, 'camera.y4m'), verificationUrl('（2026）豫0811民初456号'));
    browser = await launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', flag]);
    page = await openKiosk(browser, stack.kioskUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('fills the basis number from the camera and stops the camera', async () => {
    const walk = new Walk(page, 'camera');
    stack.sim.placeCard(loadCard('resident'));
    await page.getByTestId('step-consent').waitFor();
    await page.getByLabel('我同意通过').check();
    await page.getByLabel('我同意法院读取').check();
    await next(page);
    await page.getByLabel('您的联系电话').fill('13800138000');
    await next(page);
    await page.getByTestId('camera-scan').click();
    await page.getByTestId('camera-barcode').waitFor();
    await page.getByTestId('basis-check').filter({ hasText: '（2026）豫0811民初456号' }).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('scan-note').textContent()).toContain('请核对');
    expect(await page.getByTestId('camera-barcode').count()).toBe(0);
    await walk.step('basis-from-camera');
  });
});
