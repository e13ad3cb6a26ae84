/**
 * Issue 12 item 6, by touch: the status screen takes the receipt's number on its own keys and
 * answers only for the card on the reader (another person's card gets "not found", as an
 * unknown number does); a case the court returned shows 「需要补正」 with the reasons and what
 * to bring, and no longer 「已受理」; the correction the clerk asked for is given at the kiosk.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loadCard } from './support/stack.js';
import { APP_ROOT } from '../../src-main/paths.js';
import { expectAccessible, expectTouchFirst, kioskUnderTest, liftCard, sign, verificationUrl } from './support/applicant.js';
import { hideKeyboard, shootBoth, tap, tapType, touchConsent, touchToReview, scanThen } from './support/journey-touch.js';

/** Taps the number in on the status screen's own keys (a multi-character key for the court code). */
async function tapNumber(page: Page, number: string, courtCode: string): Promise<void> {
  const entry = page.getByTestId('number-entry');
  await tap(entry.locator('[data-key=clear]'));
  for (let i = 0; i < number.length; ) {
    const k = number.startsWith(courtCode, i) ? courtCode : number[i]!;
    await tap(entry.locator(`[data-key="${k}"]`));
    i += k.length;
  }
  expect(await page.getByTestId('typed-number').textContent()).toBe(number);
}

describe('applicant kiosk: status by the printed number (touch only)', () => {
  const k = kioskUnderTest();
  const card = loadCard('resident');
  const other = loadCard('foreign-permanent');

  it('answers the card holder by number, nobody else, and shows a return as 需要补正', async () => {
    const { page, stack } = k;
    stack.sim.placeCard(card);
    await touchConsent(page);
    await touchToReview(page, { respondent: '李四', amount: '3000' }, () =>
      scanThen(page, verificationUrl('（2026）豫0811民初789号'), page.getByTestId('basis-check').filter({ hasText: '豫0811民初789号' })),
    );
    await page.getByTestId('verdict').filter({ hasText: '检查通过' }).waitFor();
    await sign(page);
    await tap(page.getByTestId('submit'));
    await page.getByTestId('result').waitFor();
    const official = (await page.getByTestId('official-no').filter({ hasText: /豫0811执/ }).textContent()) ?? '';
    await tap(page.getByTestId('done'));
    await page.getByTestId('take-card').waitFor();
    await liftCard(page, stack);

    // The court returns it for correction (the clerk's action on the central).
    execFileSync(process.execPath, [join(APP_ROOT, 'bin', 'yzt.mjs'), 'central', 'case', 'return', official, '--db', join(stack.dir, 'central.sqlite'), '--reason', '请补充执行依据生效证明', '--reason', '被执行人地址不详'], { stdio: 'pipe' });

    // Without a card the number alone answers nothing; it asks for the card.
    await tap(page.getByTestId('start-status'));
    await page.getByTestId('status').waitFor();
    await tapNumber(page, official, '豫0811');
    await tap(page.getByTestId('status-by-number'));
    await page.getByRole('alert').filter({ hasText: '身份证' }).waitFor();
    await expectAccessible(page, 'status-number-entry');
    await expectTouchFirst(page, 'status-number-entry');
    await shootBoth(page, 'status-01-number-entry');

    // Someone else's card: the number is "not found", exactly as an unknown number.
    stack.sim.placeCard(other);
    await page.getByTestId('status-empty').waitFor();
    await tap(page.getByTestId('status-by-number'));
    await page.getByRole('alert').filter({ hasText: '没有找到' }).waitFor();
    expect(await page.getByTestId('status-list').count()).toBe(0);
    await tap(page.getByTestId('status-done'));
    await page.getByTestId('take-card').waitFor();
    await liftCard(page, stack);

    // The card holder: found by number, returned, with reasons and what to bring; not 已受理.
    await tap(page.getByTestId('start-status'));
    await page.getByTestId('status').waitFor();
    stack.sim.placeCard(card);
    await tapNumber(page, official, '豫0811');
    await tap(page.getByTestId('status-by-number'));
    const returned = page.getByTestId('status-returned');
    await returned.filter({ hasText: '被执行人地址不详' }).waitFor({ timeout: 20_000 }).catch(async () => {
      // The return reaches the kiosk by the next pull; ask again once it has.
      await tap(page.getByTestId('status-by-number'));
      await returned.filter({ hasText: '被执行人地址不详' }).waitFor({ timeout: 20_000 });
    });
    expect(await returned.textContent()).toContain('需要补正');
    expect(await returned.textContent()).toContain('请补充执行依据生效证明');
    expect(await page.getByTestId('status-bring').textContent()).toContain('身份证');
    expect(await page.getByTestId('status-list').textContent()).not.toContain('已受理');
    await expectAccessible(page, 'status-returned');
    await expectTouchFirst(page, 'status-returned');
    await shootBoth(page, 'status-02-returned');

    // The correction the clerk asked for (the respondent's address) is given here, by touch.
    await tapType(page, page.locator('#fix-resp-0-address'), '新路8号');
    await hideKeyboard(page);
    await tap(page.getByTestId('send-correction'));
    await page.getByTestId('correction-sent').waitFor();
    expect(await page.getByTestId('status-list').textContent()).not.toContain('需要补正');
    await expectAccessible(page, 'correction-sent');
    await shootBoth(page, 'status-03-correction-sent');
  });
});
