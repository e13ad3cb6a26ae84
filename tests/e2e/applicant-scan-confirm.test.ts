/**
 * A code whose bytes leave the text in doubt (the charset decoder is not confident: here a
 * UTF-8 payload with decorations outside what court documents contain) still holds a case
 * number. The applicant sees it to check against the paper: "是" fills it in, "重新扫描"
 * drops it. Read by the document camera (Chromium's fake camera plays the code).
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadCard } from './support/stack.js';
import { consent, kioskUnderTest, next, Walk } from './support/applicant.js';
import { fakeCameraShowingQr } from './support/fake-camera.js';

const NUMBER = '（2026）豫0811民初456号';

describe('applicant kiosk: a scanned case number read with doubt is confirmed by the applicant', () => {
  const k = kioskUnderTest({ browserArgs: (stack) => [fakeCameraShowingQr(join(stack.dir, 'camera.y4m'), `${NUMBER} ★★`)] });

  it('shows the number to check, drops it on 重新扫描 and fills it in on 是', async () => {
    const { page, stack } = k;
    const walk = new Walk(page, 'scan-confirm');
    stack.sim.placeCard(loadCard('resident'));
    await consent(page);
    await page.getByLabel('您的联系电话').click();
    await page.getByTestId('osk').waitFor();
    // The phone by the on-screen keyboard's digit keys.
    for (const d of '13800138000') await page.getByTestId('osk').getByRole('button', { name: d, exact: true }).click();
    await next(page);
    await page.getByTestId('step-basis').waitFor();
    const basis = page.getByLabel('执行依据文号');

    await page.getByTestId('camera-scan').click();
    await page.getByTestId('scan-confirm').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('scan-confirm').textContent()).toContain('请核对扫描到的案号是否与文书一致');
    expect(await page.getByTestId('scan-confirm-value').textContent()).toBe(NUMBER);
    expect(await basis.inputValue()).toBe('');
    await walk.step('confirm-asked');
    await page.getByTestId('lang-toggle').click();
    expect(await page.getByTestId('scan-confirm').textContent()).toContain('Please check that the scanned case number matches the document');
    await page.getByTestId('lang-toggle').click();

    await page.getByTestId('scan-confirm-rescan').click();
    expect(await page.getByTestId('scan-confirm').count()).toBe(0);
    expect(await basis.inputValue()).toBe('');
    expect(await page.getByTestId('scan-note').textContent()).toContain('请再扫描一次');

    await page.getByTestId('camera-scan').click();
    await page.getByTestId('scan-confirm').waitFor({ timeout: 30_000 });
    await page.getByTestId('scan-confirm-yes').click();
    await page.getByTestId('basis-check').filter({ hasText: NUMBER }).waitFor();
    expect(await basis.inputValue()).toBe(NUMBER);
    expect(await page.getByTestId('scan-confirm').count()).toBe(0);
    await walk.step('confirmed');
  });
});
