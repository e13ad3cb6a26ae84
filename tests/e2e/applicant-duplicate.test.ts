/**
 * Issue 12 item 4 at the screen, by touch: the card holder already filed on this judgment
 * against this respondent; the review says which filing (masked number) and when (China time),
 * submit waits for a reason, and with one (分期履行) the filing goes through.
 */
import { describe, expect, it } from 'vitest';
import { loadCard } from './support/stack.js';
import { expectAccessible, expectTouchFirst, kioskUnderTest, sign, verificationUrl } from './support/applicant.js';
import { shootBoth, tap, touchConsent, touchToReview, scanThen } from './support/journey-touch.js';
import { draft } from '../support/fixtures.js';

describe('applicant kiosk: the same case is not filed twice by mistake (touch only)', () => {
  const k = kioskUnderTest();
  const card = loadCard('resident');

  it('warns with the earlier filing and its time, and files again with a reason', async () => {
    const { page, stack } = k;
    stack.sim.placeCard(card);
    await page.getByTestId('step-consent').waitFor();
    // Set-up, not the applicant's input: an earlier filing of this card holder, through the host API.
    const earlier = (await (
      await stack.host.post('filing.submit', draft({ basisNumber: '（2026）豫0811民初321号' }))
    ).json()) as { ok: boolean; value: { filing: { submittedAt: string } } };
    expect(earlier.ok).toBe(true);

    await touchConsent(page);
    await touchToReview(page, { respondent: '李四', amount: '6000' }, () =>
      scanThen(page, verificationUrl('（2026）豫0811民初321号'), page.getByTestId('basis-check').filter({ hasText: '豫0811民初321号' })),
    );
    const warning = page.getByTestId('duplicate-warning');
    await warning.waitFor();
    const listed = (await page.getByTestId('duplicate-list').textContent()) ?? '';
    expect(listed).toContain('＊');
    // Filed at 2026-... in China time: the hour shown is the UTC hour + 8.
    const utc = new Date(earlier.value.filing.submittedAt);
    const chinaHour = String((utc.getUTCHours() + 8) % 24).padStart(2, '0');
    expect(listed).toContain(`${chinaHour}:`);
    await sign(page);
    expect(await page.getByTestId('submit').isDisabled()).toBe(true);
    await expectAccessible(page, 'duplicate-warning');
    await expectTouchFirst(page, 'duplicate-warning');
    await warning.scrollIntoViewIfNeeded();
    await shootBoth(page, 'duplicate-01-warning');

    await tap(warning.getByRole('radio', { name: '分期履行，又有一期到期未还' }));
    await page.getByTestId('submit').and(page.locator(':enabled')).waitFor();
    await tap(page.getByTestId('submit'));
    await page.getByTestId('result').waitFor();
  });
});
