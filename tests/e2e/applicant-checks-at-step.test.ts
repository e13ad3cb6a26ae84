/**
 * Issue 12 item 3, by touch alone: each step says its problems as the applicant leaves a field
 * or picks a choice, beside the field and in plain words; the review keeps the full list, and
 * "去修改" / 「返回核对」 go to the field and back in one tap each; the step bar can be tapped.
 */
import { describe, expect, it } from 'vitest';
import { loadCard } from './support/stack.js';
import { expectAccessible, expectTouchFirst, kioskUnderTest, verificationUrl } from './support/applicant.js';
import { hideKeyboard, shootBoth, tap, tapType, touchConsent, touchToReview, scanThen } from './support/journey-touch.js';

/** The page's focus, read in the page (the Node type-check has no DOM lib). */
interface PageFocus {
  document: { activeElement: { closest(sel: string): { getAttribute(name: string): string | null } | null } | null };
}

describe('applicant kiosk: checks where the answer is given (touch only)', () => {
  const k = kioskUnderTest();
  const card = loadCard('resident');

  it('says each problem at its step and goes from the review to the field and back', async () => {
    const { page, stack } = k;
    stack.sim.placeCard(card);
    await touchConsent(page);
    await page.getByTestId('step-who').waitFor();

    // A missing phone: nothing is said before the field is reached; once left, beside it.
    expect(await page.locator('#own-phone-error').count()).toBe(0);
    await tap(page.locator('#own-phone'));
    await hideKeyboard(page);
    await page.locator('#own-phone-error').filter({ hasText: '联系电话' }).waitFor();

    // A credit code with Z (never a valid character there), said when the field is left.
    await tap(page.getByRole('radio', { name: '单位的法定代表人或工作人员' }));
    await tapType(page, page.locator('#company-id'), '91410800MA3XZZZZ1Z');
    await hideKeyboard(page);
    const usccError = page.locator('#company-id-error');
    await usccError.waitFor();
    expect(await usccError.textContent()).not.toMatch(/uscc|regex|undefined/i);
    await expectAccessible(page, 'who-errors');
    await expectTouchFirst(page, 'who-errors');
    await shootBoth(page, 'checks-01-who-at-field');
    await tap(page.getByRole('radio', { name: '申请人本人' }));
    await tapType(page, page.locator('#own-phone'), '13800138000');
    await hideKeyboard(page);
    await page.locator('#own-phone-error').waitFor({ state: 'detached' });
    await tap(page.getByTestId('next'));

    // 退还诉讼费 at step 3: refused at once (seed 001 art. 10), with where to go instead.
    await page.getByTestId('step-basis').waitFor();
    await tap(page.getByRole('radio', { name: '退还诉讼费' }));
    const never = page.getByTestId('step-findings').locator('[data-rule="never-file"]');
    await never.filter({ hasText: '诉讼服务中心' }).waitFor();
    await expectAccessible(page, 'fee-refund-at-step');
    await expectTouchFirst(page, 'fee-refund-at-step');
    await shootBoth(page, 'checks-02-fee-refund-at-step');
    await tap(page.getByRole('radio', { name: '申请强制执行' }));
    await never.waitFor({ state: 'detached' });

    // The step bar: a reached step opens in one tap; a step not reached yet is no button.
    expect(await page.getByTestId('go-money').count()).toBe(0);
    await tap(page.getByTestId('go-who'));
    await page.getByTestId('step-who').waitFor();
    await tap(page.getByTestId('go-basis'));
    await page.getByTestId('step-basis').waitFor();
    await tap(page.getByTestId('back'));
    await page.getByTestId('step-who').waitFor();

    // The rest of the way, the account number left out: the review lists it with 去修改.
    await touchToReview(page, { respondent: '李四', amount: '5000', skipAccount: true }, () =>
      scanThen(page, verificationUrl('（2026）豫0811民初123号'), page.getByTestId('basis-check').filter({ hasText: '豫0811民初123号' })),
    );
    await page.getByTestId('verdict').filter({ hasText: '还有问题' }).waitFor();
    const fix = page.getByTestId('findings').locator('li', { hasText: '账' }).getByRole('button', { name: '去修改' }).first();
    await tap(fix);
    await page.getByTestId('step-money').waitFor();
    // The field is brought into view, focused and marked; 返回核对 waits in the actions.
    await page.locator('[data-fix-here=true]').waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as PageFocus).document.activeElement?.closest('.field')?.getAttribute('data-fix-here'))).toBe('true');
    await expectAccessible(page, 'fix-here');
    await expectTouchFirst(page, 'fix-here');
    await shootBoth(page, 'checks-03-fix-here');
    await tapType(page, page.locator('#payee-account'), '6217000000000000018');
    await hideKeyboard(page);
    await tap(page.getByTestId('back-to-review'));
    await page.getByTestId('step-review').waitFor();
    await page.getByTestId('verdict').filter({ hasText: '检查通过' }).waitFor();
    expect(await page.getByTestId('back-to-review').count()).toBe(0);
  });
});
