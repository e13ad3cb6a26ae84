/**
 * The walking skeleton in Debian Chromium through the host shell: a card on the simulated
 * reader fills the applicant, the filing is submitted, the official number arrives; and the
 * same with the central gateway down until after the submit. (The interview itself is walked
 * by the helpers of tests/e2e/support/applicant.ts since the applicant kiosk, issue 6.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, SCREENSHOT_DIR } from './support/browser.js';
import { loadCard, startStack, type Stack } from './support/stack.js';
import { fillToReview, signAndSubmit } from './support/applicant.js';

const OFFICIAL = /^（\d{4}）豫0811执\d+号$/;

describe('walking skeleton: ID card to official case number', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  const card = loadCard('resident');

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(stack.kioskUrl);
    await page.getByTestId('attract').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  // Each filing its own judgment: the same number again would (rightly) stop at the duplicate question.
  const fillAndSubmit = async (basis: string) => {
    await fillToReview(page, { basis });
    await signAndSubmit(page);
  };

  const placeCardAndWait = async () => {
    stack.sim.removeCard();
    stack.sim.placeCard(card);
    await page.getByTestId('step-consent').waitFor();
  };

  it('fills the applicant from the card, masks the ID number and files with an official number', async () => {
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'skeleton-1-attract.png') });
    await placeCardAndWait();
    await page.getByLabel('我同意通过').check();
    await page.getByLabel('我同意法院读取').check();
    await page.getByTestId('next').click();
    await page.getByTestId('applicant-name').filter({ hasText: card.name }).waitFor();
    const shownId = await page.getByTestId('applicant-id').textContent();
    expect(shownId).not.toContain(card.idNumber);
    expect(shownId).toMatch(/^\d{3}\*+\d{3}[\dX]$/);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'skeleton-2-form.png') });
    await page.getByTestId('leave').click();
    await page.getByTestId('attract').waitFor();
    await placeCardAndWait();
    await fillAndSubmit('（2024）豫0811民初123号');
    await expect.poll(() => page.getByTestId('provisional-no').textContent()).toMatch(/^临-[0-9A-F]{6}-\d{8}-\d{4}$/);
    await page.getByTestId('official-no').filter({ hasText: /豫0811执/ }).waitFor();
    expect(await page.getByTestId('official-no').textContent()).toMatch(OFFICIAL);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'skeleton-3-official.png') });
    await page.getByTestId('done').click();
    await page.getByTestId('attract').waitFor();
    expect(await page.content()).not.toContain(card.name);
  });

  it('shows the provisional number offline and binds the official one when the gateway is back', async () => {
    await stack.stopCentral('SIGKILL');
    await placeCardAndWait();
    await fillAndSubmit('（2024）豫0811民初124号');
    const provisional = await page.getByTestId('provisional-no').textContent();
    expect(provisional).toMatch(/^临-/);
    expect(await page.getByTestId('official-no').textContent()).toBe('—');
    await expect.poll(() => page.getByTestId('result-status').textContent()).toContain('网络恢复后');
    await page.getByTestId('sync-state').filter({ hasText: '暂不可达' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'skeleton-4-offline.png') });

    await stack.startCentral();
    await page.getByTestId('official-no').filter({ hasText: /豫0811执/ }).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('official-no').textContent()).toMatch(OFFICIAL);
    expect(await page.getByTestId('provisional-no').textContent()).toBe(provisional);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'skeleton-5-bound.png') });
  });
});
