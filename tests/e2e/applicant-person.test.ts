/**
 * A person files first enforcement alone: card, consent, basis number from a keyboard-wedge
 * scan of the judgment's QR code, respondent, money with interest, a page photographed with the
 * document camera, the risk notice, review with the rules engine's verdict, signature, and the
 * official number. Then the status query by card shows only this person's filing.
 */
import { describe, expect, it } from 'vitest';
import { loadCard } from './support/stack.js';
import { join } from 'node:path';
import { SCREENSHOT_DIR } from './support/browser.js';
import { consent, expectAccessible, expectTouchFirst, kioskUnderTest, liftCard, next, sign, verificationUrl, Walk } from './support/applicant.js';
import { wedgeScan } from './support/wedge-scanner.js';
import { buildCalendar, covers } from '../../src-shared/calendar/work-calendar.js';
import { hideKeyboard, pickDate, tapType } from './support/journey-touch.js';

const OFFICIAL = /^（\d{4}）豫0811执\d+号$/;

describe('applicant kiosk: a person files first enforcement alone', () => {
  const k = kioskUnderTest();
  const card = loadCard('resident');

  it('walks from the card to the official number with a scanned basis', async () => {
    const { page, stack } = k;
    const walk = new Walk(page, 'person');
    await walk.step('attract');
    stack.sim.placeCard(card);
    await page.getByTestId('step-consent').waitFor();
    await walk.step('consent');
    // Elderly mode: larger type everywhere, still accessible; then back.
    await page.getByTestId('elderly-toggle').click();
    await expectTouchFirst(page, 'elderly', 32);
    await expectAccessible(page, 'elderly');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'person-02b-elderly.png'), fullPage: true });
    await page.getByTestId('elderly-toggle').click();
    await page.getByTestId('read-aloud').click();
    await next(page);
    await expect.poll(() => page.getByTestId('wizard-notice').textContent()).toContain('同意');
    await consent(page);

    await page.getByTestId('step-who').waitFor();
    expect(await page.getByTestId('applicant-name').textContent()).toBe(card.name);
    expect(await page.getByTestId('applicant-id').textContent()).not.toContain(card.idNumber);
    // The applicant may check their own full number; it is masked again on request (or after 15 s).
    await page.getByTestId('reveal-id').click();
    await page.getByTestId('applicant-id').filter({ hasText: card.idNumber }).waitFor();
    await page.getByTestId('reveal-id').click();
    expect(await page.getByTestId('applicant-id').textContent()).not.toContain(card.idNumber);
    await tapType(page, page.locator('#own-phone'), '13800138000');
    await hideKeyboard(page);
    await walk.step('who');
    // The English switch keeps what was typed.
    await page.getByTestId('lang-toggle').click();
    await page.locator('#step-title').filter({ hasText: 'Who is applying' }).waitFor();
    expect(await page.getByLabel('Your phone').inputValue()).toBe('13800138000');
    await expectAccessible(page, 'english');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'person-03b-english.png'), fullPage: true });
    await page.getByTestId('lang-toggle').click();
    await next(page);

    await page.getByTestId('step-basis').waitFor();
    await wedgeScan(page, verificationUrl('（2026）豫0811民初123号'));
    await page.getByTestId('basis-check').filter({ hasText: '（2026）豫0811民初123号' }).waitFor();
    expect(await page.getByLabel('执行依据文号').inputValue()).toBe('（2026）豫0811民初123号');
    await pickDate(page, 'effective-date', '2026-06-01');
    await pickDate(page, 'performance-due', '2026-06-11');
    await tapType(page, page.locator('#content'), '被告于判决生效后十日内偿还原告借款五万元及利息');
    await hideKeyboard(page);
    await walk.step('basis');
    await next(page);

    await page.getByTestId('step-respondents').waitFor();
    await tapType(page, page.locator('#respondents\\.0-name'), '李四');
    await tapType(page, page.locator('#respondents\\.0-address'), '河南省焦作市山阳区示例路2号');
    await tapType(page, page.locator('#respondents\\.0-phone'), '13900139000');
    await hideKeyboard(page);
    await walk.step('respondents');
    await next(page);

    await page.getByTestId('step-money').waitFor();
    await tapType(page, page.locator('#principal'), '50000');
    await hideKeyboard(page);
    await page.getByLabel('文书判决了利息').check();
    await tapType(page, page.locator('#interest-rate'), '3.65');
    await hideKeyboard(page);
    await pickDate(page, 'interest-from', '2026-06-12');
    await pickDate(page, 'interest-to', '2026-11-22');
    await tapType(page, page.locator('#payee-name'), card.name);
    await tapType(page, page.locator('#payee-bank'), '中国银行焦作分行');
    await tapType(page, page.locator('#payee-account'), '6217000000000000018');
    await hideKeyboard(page);
    // 50,000 yuan at 3.65 % for 163 days = 815.00 yuan, counted in the services in fen.
    await page.getByTestId('money-total').filter({ hasText: '50,815.00' }).waitFor();
    await walk.step('money');
    await next(page);

    await page.getByTestId('step-documents').waitFor();
    await page.getByTestId('take-photo').and(page.locator(':enabled')).waitFor();
    await page.getByTestId('take-photo').click();
    await page.getByTestId('thumbs').locator('li').first().waitFor();
    await walk.step('documents');
    await next(page);

    await page.getByTestId('step-risk').waitFor();
    await page.getByTestId('pre-enforcement').waitFor();
    await page.getByLabel('我已阅读并知悉').check();
    await walk.step('risk');
    await next(page);

    await page.getByTestId('step-review').waitFor();
    await page.getByTestId('verdict').filter({ hasText: '检查通过' }).waitFor();
    expect(await page.getByTestId('type-line').textContent()).toContain('首次执行（执）');
    await sign(page);
    await walk.step('review');
    await page.getByTestId('submit').click();

    await page.getByTestId('result').or(page.getByTestId('form-error')).or(page.getByTestId('wizard-notice')).waitFor();
    expect(await page.getByTestId('wizard-notice').count() ? await page.getByTestId('wizard-notice').textContent() : '').toBe('');
    expect(await page.getByTestId('form-error').count() ? await page.getByTestId('form-error').textContent() : '').toBe('');
    await page.getByTestId('official-no').filter({ hasText: /豫0811执/ }).waitFor();
    expect(await page.getByTestId('official-no').textContent()).toMatch(OFFICIAL);
    await page.getByTestId('receipt-qr').waitFor();
    await walk.step('result');
    console.log(walk.summary());

    await page.getByTestId('done').click();
    await page.getByTestId('attract').waitFor();
    expect(await page.content()).not.toContain(card.name);
  });

  it('answers the status query by card with only this person’s filing', async () => {
    const { page, stack } = k;
    const walk = new Walk(page, 'status');
    await liftCard(page, stack);
    await page.getByTestId('start-status').click();
    await page.getByTestId('status').waitFor();
    stack.sim.placeCard(card);
    await page.getByTestId('status-list').waitFor();
    const items = page.getByTestId('status-list').locator('li');
    expect(await items.count()).toBe(1);
    expect(await items.first().textContent()).toMatch(/豫0811执/);
    // The next time node from the rules engine's deadlines (this court: the case limit).
    const node = (await items.first().getByTestId('next-deadline').textContent()) ?? '';
    const due = /\d{4}-\d{2}-\d{2}/.exec(node)?.[0] ?? '';
    expect(due).not.toBe('');
    // A date in a year without a State Council notice says so (issue 15); a notice year does not.
    if (covers(buildCalendar(), due)) expect(node).not.toContain('以法院通知为准');
    else expect(node).toContain(`${due}（以法院通知为准）`);
    await walk.step('by-card');
    await page.getByTestId('status-done').click();
    await page.getByTestId('attract').waitFor();
  });
});
