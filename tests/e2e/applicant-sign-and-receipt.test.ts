/**
 * Issue 12 item 5, by touch: one tap is not a signature; the receipt without a printer is the
 * number large and read aloud, a QR to photograph, and the counter that prints it (no PDF
 * link); when the filing or the session ends with the card on the reader, 「请取走您的身份证」
 * is shown and said until the card is lifted. The page has touch emulation: the signature is
 * one finger's stroke of CDP touch points, and 提交申请 is tapped at once after it (a touch
 * stroke used to make the browser drop the click of that tap).
 */
import { speakable } from '../../src-shared/i18n/speakable.js';
import { describe, expect, it } from 'vitest';
import { loadCard } from './support/stack.js';
import { expectAccessible, expectTouchFirst, kioskUnderTest, liftCard, verificationUrl } from './support/applicant.js';
import { listenToSpeech, shootBoth, spoken, touchConsent, touchToReview, scanThen } from './support/journey-touch.js';
import { openTouchKiosk, signaturePath, touchStroke } from './support/touch.js';
import type { Locator } from 'playwright-core';

/** A finger's tap (touch events through the page's touch emulation), not a mouse click. */
const tap = (l: Locator) => l.tap();

describe('applicant kiosk: signature, receipt without a printer, take your card', () => {
  const k = kioskUnderTest();
  const card = loadCard('resident');

  it('refuses a tap as a signature, shows the receipt to carry away, and asks for the card', async () => {
    const { stack } = k;
    // One page per kiosk: the touch-screen page replaces the default one.
    await k.page.context().close();
    const page = await openTouchKiosk(k.browser, stack.kioskUrl);
    await listenToSpeech(page);
    stack.sim.placeCard(card);
    await touchConsent(page);
    await touchToReview(page, { respondent: '李四', amount: '8000' }, () =>
      scanThen(page, verificationUrl('（2026）豫0811民初456号'), page.getByTestId('basis-check').filter({ hasText: '豫0811民初456号' })),
    );
    await page.getByTestId('verdict').filter({ hasText: '检查通过' }).waitFor();

    // One tap on the pad: not a signature; submit says to sign.
    const pad = page.getByTestId('signature');
    await touchStroke(page, pad, (box) => [[box.x + 100, box.y + 100]]);
    await page.getByTestId('signature-too-short').waitFor();
    await expectAccessible(page, 'signature-too-short');
    await shootBoth(page, 'sign-01-tap-is-not-a-signature');
    await tap(page.getByTestId('submit'));
    await page.getByTestId('wizard-notice').filter({ hasText: '签名' }).waitFor();
    expect(await page.getByTestId('result').count()).toBe(0);

    // A real stroke is.
    await tap(page.getByRole('button', { name: '重新签名' }));
    await touchStroke(page, pad, signaturePath);
    await page.getByTestId('signature-too-short').waitFor({ state: 'detached' });
    await tap(page.getByTestId('submit'));
    await page.getByTestId('result').waitFor();

    // No printer here: number large and read aloud, QR to photograph, the counter prints.
    const number = (await page.getByTestId('receipt-number').textContent()) ?? '';
    expect(number).toMatch(/豫0811执\d+号|^临-/);
    // The kiosk voice is given the number as it is to be said (digit by digit).
    await expect.poll(async () => (await spoken(page)).some((t) => t.includes(speakable(number, 'zh')))).toBe(true);
    await page.getByTestId('receipt-qr').waitFor();
    expect(await page.getByTestId('counter-prints').textContent()).toContain('窗口');
    expect(await page.getByTestId('save-pdf').count()).toBe(0);
    expect(await page.getByTestId('print').count()).toBe(0);
    expect(await page.locator('a[download]').count()).toBe(0);
    await expectAccessible(page, 'receipt');
    await expectTouchFirst(page, 'receipt');
    await shootBoth(page, 'sign-02-receipt-without-printer');

    // The filing ends with the card on the reader: asked for, on screen and aloud, until lifted.
    await tap(page.getByTestId('done'));
    await page.getByTestId('take-card').waitFor();
    await expect.poll(async () => (await spoken(page)).filter((t) => t === '请取走您的身份证').length).toBeGreaterThan(0);
    await expectAccessible(page, 'take-card');
    await expectTouchFirst(page, 'take-card');
    await shootBoth(page, 'sign-03-take-your-card');
    await liftCard(page, stack);
    await page.getByTestId('take-card').waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(card.name);

    // Leaving mid-way with the card on the reader asks for it too.
    stack.sim.placeCard(card);
    await page.getByTestId('step-consent').waitFor();
    await tap(page.getByTestId('leave'));
    await page.getByTestId('take-card').waitFor();
    await liftCard(page, stack);
    await page.getByTestId('take-card').waitFor({ state: 'detached' });
  });
});
