/**
 * The elderly scripted walk (self, first filing, one respondent, no interest) by touch alone,
 * shared by the e2e test that checks it and the bench that keeps its tap count: the fewest taps
 * the screens allow, counted per step.
 */
import type { Page } from 'playwright-core';
import type { IdCard } from '../../../src-shared/domain/id-card.js';
import type { Stack } from './stack.js';
import { tapCaseNumber, tapChoice, tapDate, tapInto, Taps } from './touch.js';

export const ELDERLY = {
  phone: '13800138000',
  basis: { year: 2026, court: 'home', type: '民初', seq: 123 } as const,
  canonical: '（2026）豫0811民初123号',
  respondent: '李四',
  principal: '50000',
  account: '6217000000000000018',
};

const next = (t: Taps) => t.tap(t.page.getByTestId('next'));

/**
 * From the card on the reader to the review page with a passing verdict. `courtCode`: the
 * kiosk's court, which the 本院 key puts in the basis number; `principal`: another amount.
 */
export async function elderlyWalkToReview(page: Page, stack: Stack, card: IdCard, opts: { progressSms?: boolean; courtCode?: string; principal?: string } = {}): Promise<Taps> {
  const t = new Taps(page);
  stack.sim.placeCard(card);
  await page.getByTestId('step-consent').waitFor();
  t.step('consent');
  await tapChoice(t, /我同意通过/);
  await tapChoice(t, /我同意法院读取/);
  await next(t);

  await page.getByTestId('step-who').waitFor();
  t.step('who');
  await tapInto(t, page.locator('#own-phone'), ELDERLY.phone);
  if (opts.progressSms) await tapChoice(t, /同意接收进度短信/);
  await next(t);

  await page.getByTestId('step-basis').waitFor();
  t.step('basis');
  await tapCaseNumber(t, 'basis', ELDERLY.basis);
  await page.getByTestId('basis-check').filter({ hasText: opts.courtCode ? ELDERLY.canonical.replace('豫0811', opts.courtCode) : ELDERLY.canonical }).waitFor();
  await tapDate(t, 'effective-date', '2026-06-01');
  await tapDate(t, 'performance-due', '2026-06-11');
  await next(t);

  await page.getByTestId('step-respondents').waitFor();
  t.step('respondents');
  await tapInto(t, page.locator('#respondents\\.0-name'), ELDERLY.respondent);
  await next(t);

  await page.getByTestId('step-money').waitFor();
  t.step('money');
  await tapInto(t, page.locator('#principal'), opts.principal ?? ELDERLY.principal);
  await t.tap(page.getByTestId('payee-name-picks').getByRole('button').first());
  await t.tap(page.getByTestId('payee-bank-picks').getByRole('button', { name: '填入 中国银行', exact: true }));
  await tapInto(t, page.locator('#payee-account'), ELDERLY.account);
  await next(t);

  await page.getByTestId('step-documents').waitFor();
  t.step('documents');
  await next(t);

  await page.getByTestId('step-risk').waitFor();
  t.step('risk');
  await tapChoice(t, /我已阅读并知悉/);
  await next(t);

  await page.getByTestId('step-review').waitFor();
  t.step('review');
  await page.getByTestId('verdict').filter({ hasText: '检查通过' }).waitFor();
  return t;
}

/** Signs with one stroke and submits; the result screen shows. */
export async function signAndSubmitByTouch(t: Taps): Promise<void> {
  await t.page.getByTestId('verdict').filter({ hasText: '检查通过' }).waitFor();
  await t.stroke(t.page.getByTestId('signature'));
  await t.tap(t.page.getByTestId('submit'));
  const page = t.page;
  await page.getByTestId('result').or(page.getByTestId('form-error')).or(page.getByTestId('wizard-notice')).waitFor();
  if (!(await page.getByTestId('result').count())) throw new Error(`not submitted: ${await page.getByTestId('form-error').or(page.getByTestId('wizard-notice')).first().textContent()}`);
}
