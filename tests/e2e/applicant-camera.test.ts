/**
 * No handheld scanner: the applicant reads the judgment's QR code with the document camera
 * (Chromium's fake camera plays a page with the code), and the basis number is filled in for
 * them to confirm.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadCard } from './support/stack.js';
import { consent, kioskUnderTest, next, verificationUrl, Walk } from './support/applicant.js';
import { fakeCameraShowingQr } from './support/fake-camera.js';
import { hideKeyboard, tapType } from './support/journey-touch.js';

describe('applicant kiosk: basis number read by the document camera', () => {
  const k = kioskUnderTest({ browserArgs: (stack) => [fakeCameraShowingQr(join(stack.dir, 'camera.y4m'), verificationUrl('（2026）豫0811民初456号'))] });

  it('fills the basis number from the camera and stops the camera', async () => {
    const { page, stack } = k;
    const walk = new Walk(page, 'camera');
    stack.sim.placeCard(loadCard('resident'));
    await consent(page);
    await tapType(page, page.locator('#own-phone'), '13800138000');
    await hideKeyboard(page);
    await next(page);
    await page.getByTestId('camera-scan').click();
    await page.getByTestId('camera-barcode').waitFor();
    await page.getByTestId('basis-check').filter({ hasText: '（2026）豫0811民初456号' }).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('scan-note').textContent()).toContain('请核对');
    expect(await page.getByTestId('camera-barcode').count()).toBe(0);
    await walk.step('basis-from-camera');
  });
});
