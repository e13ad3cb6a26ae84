/**
 * The elderly scripted walk (self, first filing, one respondent, no interest) by touch alone in
 * Debian Chromium on the real stack, the same walk as tests/e2e/applicant-touch-self.test.ts:
 * taps per step and in all, from the card on the reader to the number on screen. A figure that
 * must not grow.
 */
import { launchChromium } from '../tests/e2e/support/browser.js';
import { loadCard, startStack } from '../tests/e2e/support/stack.js';
import { openTouchKiosk } from '../tests/e2e/support/touch.js';
import { elderlyWalkToReview, signAndSubmitByTouch } from '../tests/e2e/support/elderly-walk.js';
import type { Figure } from './bench-kit.js';

export async function bench(): Promise<Figure[]> {
  const stack = await startStack();
  const browser = await launchChromium();
  try {
    const page = await openTouchKiosk(browser, stack.kioskUrl);
    const t = await elderlyWalkToReview(page, stack, loadCard('resident'));
    await signAndSubmitByTouch(t);
    await page.getByTestId('official-no').or(page.getByTestId('provisional-no')).first().waitFor();
    return [
      { name: 'elderly walk: taps in all', value: t.total, unit: 'taps', note: 'self, first filing, one respondent, no interest; card on the reader, signature = 1 stroke' },
      ...t.perStep.map((s) => ({ name: `elderly walk: taps at ${s.step}`, value: s.taps, unit: 'taps' })),
    ];
  } finally {
    await browser.close();
    await stack.close();
  }
}
