/**
 * Touch alone (issue 12): an elderly applicant files first enforcement for themself with taps on
 * on-screen keys, pickers and buttons and the card on the reader; no keyboard anywhere. The taps
 * are counted per step; the same walk is kept as a figure by bench/elderly-taps.bench.ts.
 */
import { describe, expect, it } from 'vitest';
import { loadCard } from './support/stack.js';
import { kioskUnderTest } from './support/applicant.js';
import { openTouchKiosk } from './support/touch.js';
import { elderlyWalkToReview, signAndSubmitByTouch } from './support/elderly-walk.js';

describe('applicant kiosk by touch alone: a person files for themself', () => {
  const k = kioskUnderTest();
  const card = loadCard('resident');

  it('files the elderly scripted walk with taps only and says how many per step', async () => {
    // One page per kiosk: the touch-screen page replaces the default one.
    await k.page.context().close();
    const page = await openTouchKiosk(k.browser, k.stack.kioskUrl);
    const t = await elderlyWalkToReview(page, k.stack, card);
    expect(await page.getByTestId('review-total').textContent()).toContain('50,000.00');
    await signAndSubmitByTouch(t);
    await page.getByTestId('official-no').filter({ hasText: /豫0811执/ }).waitFor();
    console.log(`elderly walk taps: ${t.summary()}`);
    // Every step was walked and counted; the total is kept (and must not grow) in npm run bench.
    expect(t.perStep.map((s) => s.step)).toEqual(['consent', 'who', 'basis', 'respondents', 'money', 'documents', 'risk', 'review']);
    expect(t.perStep.every((s) => s.taps > 0)).toBe(true);
    await page.context().close();
  });
});
