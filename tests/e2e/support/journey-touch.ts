/**
 * Applicant input the way an applicant gives it: a tap on the field opens the on-screen
 * keyboard, then taps on its keys (digits and letters; Chinese by tapping the pinyin and then
 * the character among the candidates). No keyboard.type, fill or press for applicant input.
 */
import { wedgeScan } from './wedge-scanner.js';
import { ClickTaps, tapDate, tapKeys } from './touch.js';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { SCREENSHOT_DIR } from './browser.js';

/** One screenshot at each kiosk size, landscape and portrait; then back to the test's size. */
export async function shootBoth(page: Page, name: string): Promise<void> {
  for (const [w, h, tag] of [[1920, 1080, 'landscape'], [1080, 1920, 'portrait']] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${tag}.png`), fullPage: false });
  }
  await page.setViewportSize({ width: 1280, height: 1024 });
}

const heard = new WeakMap<Page, string[]>();

/**
 * Records what the page asks the kiosk voice to say: with no system voice (as here) the page's
 * speak() asks the services for speech (`speech.say`), so the texts are read off those requests.
 */
export async function listenToSpeech(page: Page): Promise<void> {
  const texts: string[] = [];
  heard.set(page, texts);
  page.on('request', (r) => {
    if (!r.url().endsWith('/api/speech.say')) return;
    const asked = JSON.parse(r.postData() ?? '{}') as { text?: string };
    if (asked.text) texts.push(asked.text);
  });
}

export const spoken = async (page: Page): Promise<string[]> => heard.get(page) ?? [];

/** Scans with the wedge scanner simulator, then waits for what the scan should bring. */
export async function scanThen(page: Page, payload: string, until: Locator): Promise<void> {
  await wedgeScan(page, payload);
  await until.waitFor();
}

const osk = (page: Page) => page.getByTestId('osk');

/**
 * Taps the field, clears it with the keyboard's 清空 key, then taps `text` in on whichever
 * keyboard the field opens (the number pad for phones, pinyin for Chinese, ABC for letters).
 */
export async function tapType(page: Page, field: Locator, text: string): Promise<void> {
  await field.click();
  await osk(page).waitFor();
  await osk(page).getByRole('button', { name: '清空', exact: true }).first().click();
  await tapKeys(new ClickTaps(page), text);
}

/** Puts the keyboard away the way the applicant does, with its own button. */
export async function hideKeyboard(page: Page): Promise<void> {
  if (await osk(page).isVisible()) await osk(page).getByRole('button', { name: '收起键盘' }).click();
}

/** A date through the touch date picker, as the applicant gives it: the field, then year, month and day. */
export const pickDate = (page: Page, fieldId: string, iso: string): Promise<void> => tapDate(new ClickTaps(page), fieldId, iso);

/** Taps the control (checkbox, radio card, button) as a finger does. */
export const tap = (l: Locator) => l.click();

export interface TouchFiling {
  respondent: string;
  amount: string;
  /** Left empty to meet the payee check at the review. */
  skipAccount?: boolean;
  /** Answers given on the risk step (the 执前督 offer) before moving on. */
  onRisk?: (page: Page) => Promise<void>;
}

/** The consent step by touch: both statements agreed, then on. */
export async function touchConsent(page: Page): Promise<void> {
  await page.getByTestId('step-consent').waitFor();
  await tap(page.locator('label[for=consent-kiosk]'));
  await tap(page.locator('label[for=consent-data]'));
  await tap(page.getByTestId('next'));
}

/** The interview by touch from the who step to the review; `scan` brings the basis number. */
export async function touchToReview(page: Page, o: TouchFiling, scan: () => Promise<void>): Promise<void> {
  await page.getByTestId('step-who').waitFor();
  await tapType(page, page.locator('#own-phone'), '13800138000');
  await hideKeyboard(page);
  await tap(page.getByTestId('next'));
  await page.getByTestId('step-basis').waitFor();
  await scan();
  await pickDate(page, 'effective-date', '2026-06-01');
  await pickDate(page, 'performance-due', '2026-06-11');
  await tap(page.getByTestId('next'));
  await page.getByTestId('step-respondents').waitFor();
  await tapType(page, page.locator('#respondents\\.0-name'), o.respondent);
  await tapType(page, page.locator('#respondents\\.0-phone'), '13900139000');
  await hideKeyboard(page);
  await tap(page.getByTestId('next'));
  await page.getByTestId('step-money').waitFor();
  await tapType(page, page.locator('#principal'), o.amount);
  await tapType(page, page.locator('#payee-name'), '张三');
  await tapType(page, page.locator('#payee-bank'), '工商银行');
  if (!o.skipAccount) await tapType(page, page.locator('#payee-account'), '6217000000000000018');
  await hideKeyboard(page);
  await tap(page.getByTestId('next'));
  if (o.skipAccount) {
    // Told once at the step; the applicant goes on and fixes it from the review.
    await page.getByTestId('wizard-notice').filter({ hasText: '需要修改' }).waitFor();
    await tap(page.getByTestId('next'));
  }
  await page.getByTestId('step-documents').waitFor();
  await tap(page.getByTestId('next'));
  await page.getByTestId('step-risk').waitFor();
  await tap(page.locator('label[for=risk-ack]'));
  await o.onRisk?.(page);
  await tap(page.getByTestId('next'));
  await page.getByTestId('step-review').waitFor();
}
