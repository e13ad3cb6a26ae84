/**
 * The new touch screens (issue 12) at kiosk sizes, landscape 1920×1080 and portrait 1080×1920:
 * the case-number composer (year, court, kind, sequence), the date picker and the number pad,
 * each screenshotted, checked by axe-core (no serious or critical violation) and for 60 px
 * targets and large type.
 */
import { join } from 'node:path';
import { describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadCard } from './support/stack.js';
import { SCREENSHOT_DIR } from './support/browser.js';
import { expectAccessible, expectTouchFirst, kioskUnderTest, liftCard } from './support/applicant.js';
import { tapNextTo, openTouchKiosk, tapChoice, tapField, Taps } from './support/touch.js';

const SIZES = [
  { name: '1920x1080', viewport: { width: 1920, height: 1080 } },
  { name: '1080x1920', viewport: { width: 1080, height: 1920 } },
];

async function shot(page: Page, size: string, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `touch-${name}-${size}.png`) });
  await expectAccessible(page, `${name} ${size}`);
  await expectTouchFirst(page, `${name} ${size}`);
}

describe('touch screens at kiosk sizes', () => {
  const k = kioskUnderTest();

  for (const size of SIZES) {
    it(`composer, date picker and number pad at ${size.name}`, async () => {
      const page = await openTouchKiosk(k.browser, k.stack.kioskUrl, size.viewport);
      const t = new Taps(page);
      k.stack.sim.placeCard(loadCard('resident'));
      await page.getByTestId('step-consent').waitFor();
      await tapChoice(t, /我同意通过/);
      await tapChoice(t, /我同意法院读取/);
      await t.tap(page.getByTestId('next'));
      await page.getByTestId('step-who').waitFor();
      await tapField(t, page.locator('#own-phone'));
      await page.getByTestId('osk').getByTestId('number-pad').waitFor();
      await shot(page, size.name, 'number-pad');
      await t.tap(page.getByTestId('osk').getByRole('button', { name: '收起键盘' }));
      await tapNextTo(t, 'basis');

      await t.tap(page.getByTestId('basis-compose'));
      const sheet = page.getByTestId('basis-composer');
      await sheet.getByTestId('composer-years').waitFor();
      await shot(page, size.name, 'composer-year');
      await t.tap(sheet.getByTestId('composer-years').getByRole('button', { name: '2025年', exact: true }));
      await sheet.getByTestId('composer-courts-near').waitFor();
      await shot(page, size.name, 'composer-court');
      await t.tap(sheet.getByRole('button', { name: /其他地方的法院/ }));
      await shot(page, size.name, 'composer-provinces');
      await t.tap(sheet.getByRole('button', { name: /^河南/ }));
      await t.tap(sheet.getByRole('button', { name: /^焦作/ }));
      await t.tap(sheet.getByRole('button', { name: '武陟县人民法院', exact: true }));
      await sheet.getByTestId('composer-types').waitFor();
      await shot(page, size.name, 'composer-type');
      await t.tap(sheet.locator('button[data-code="民终"]'));
      for (const d of '66') await t.tap(sheet.getByTestId('composer-seq-pad').getByRole('button', { name: d, exact: true }));
      await sheet.getByText('案号已完整').waitFor();
      await shot(page, size.name, 'composer-done');
      await t.tap(sheet.getByTestId('composer-done'));
      await page.getByTestId('basis-check').filter({ hasText: '（2025）豫0823民终66号' }).waitFor();

      await t.tap(page.locator('#effective-date'));
      const picker = page.getByTestId('effective-date-picker');
      await picker.getByTestId('picker-years').waitFor();
      await shot(page, size.name, 'date-year');
      await t.tap(picker.getByRole('button', { name: '2026年', exact: true }));
      await t.tap(picker.getByRole('button', { name: '2月', exact: true }));
      await picker.getByTestId('picker-days').waitFor();
      await shot(page, size.name, 'date-day');
      await t.tap(picker.getByRole('button', { name: '2026年2月28日', exact: true }));
      await page.getByTestId('effective-date-said').filter({ hasText: '2026年2月28日' }).waitFor();
      await shot(page, size.name, 'basis-filled');

      await t.tap(page.getByTestId('leave'));
      await page.getByTestId('attract').waitFor();
      await liftCard(page, k.stack);
      await page.context().close();
    });
  }
});
