/**
 * A resumed case, saved and resumed: the applicant starts a 恢复执行 application (ground and
 * prior case number), saves it, leaves; the screen forgets everything; the same card later
 * offers the saved draft, which continues where it stopped and is filed as 执恢.
 */
import { describe, expect, it } from 'vitest';
import { loadCard } from './support/stack.js';
import { fillToReview, kioskUnderTest, liftCard, next, signAndSubmit, Walk } from './support/applicant.js';
import { hideKeyboard, tapType } from './support/journey-touch.js';

describe('applicant kiosk: a resumed case, saved and resumed by the same card', () => {
  const k = kioskUnderTest();
  const card = loadCard('resident');
  const other = loadCard('long-term');

  it('saves an unfinished 执恢 application, wipes the screen, and resumes it for the same card only', async () => {
    const { page, stack } = k;
    const walk = new Walk(page, 'resume');
    stack.sim.placeCard(card);
    await fillToReview(page, {
      respondent: '钱七',
      onBasis: async (p) => {
        await p.getByRole('radio', { name: /申请恢复执行/ }).check();
        await p.getByLabel('终结本次执行程序后发现可供执行财产').check();
        await tapType(p, p.locator('#prior-case'), '（2025）豫0811执456号');
        await hideKeyboard(p);
      },
    });
    await page.getByTestId('verdict').filter({ hasText: '检查通过' }).waitFor();
    expect(await page.getByTestId('type-line').textContent()).toContain('恢复执行（执恢）');
    await walk.step('review-before-save');
    await page.getByTestId('save-draft').click();
    await page.getByTestId('wizard-notice').filter({ hasText: '已保存' }).waitFor();
    await page.getByTestId('leave').click();
    await page.getByTestId('attract').waitFor();
    expect(await page.content()).not.toContain('钱七');

    // Another person's card finds nothing of it.
    await liftCard(page, stack);
    stack.sim.placeCard(other);
    await page.getByTestId('step-consent').waitFor();
    await page.getByTestId('leave').click();
    await page.getByTestId('attract').waitFor();

    await liftCard(page, stack);
    stack.sim.placeCard(card);
    await page.getByTestId('resume-offer').waitFor();
    await walk.step('resume-offer');
    await page.getByTestId('resume-continue').click();
    await page.getByTestId('type-line').filter({ hasText: '恢复执行（执恢）' }).waitFor();
    expect(await page.getByTestId('step-review').textContent()).toContain('钱七');
    await page.getByRole('button', { name: '上一步' }).click();
    await page.getByTestId('step-risk').waitFor();
    expect(await page.getByLabel('我已阅读并知悉').isChecked()).toBe(true);
    await next(page);
    await signAndSubmit(page);
    await page.getByTestId('official-no').filter({ hasText: /豫0811执恢/ }).waitFor();
    expect(await page.getByTestId('official-no').textContent()).toMatch(/^（\d{4}）豫0811执恢\d+号$/);
    await walk.step('result');
    console.log(walk.summary());

    // Filed: the draft is gone, so the card starts afresh next time.
    await page.getByTestId('done').click();
    await page.getByTestId('attract').waitFor();
    await liftCard(page, stack);
    stack.sim.placeCard(card);
    await page.getByTestId('step-consent').waitFor();
  });
});
