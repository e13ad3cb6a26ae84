/**
 * What the kiosk refuses and forgets: a filing blocked by a never-file rule (seed 001 art. 10)
 * says why and where to fix it and cannot be submitted; an idle applicant is warned, then the
 * session ends and nothing of them is left in the page, its storage, the camera or the kiosk's
 * database.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openKioskFile } from '../../src-main/db/kiosk-cipher.js';
import type { Page } from 'playwright-core';
import { loadCard } from './support/stack.js';
import { consent, expectAccessible, fillToReview, kioskUnderTest, liftCard, next, nextTo, verificationUrl, Walk } from './support/applicant.js';
import { hideKeyboard, tapType } from './support/journey-touch.js';
import { wedgeScan } from './support/wedge-scanner.js';
import type { PageGlobals } from './support/page-globals.js';
import { pageApi } from './support/page-api.js';
import { KEY_STORAGE_ITEM } from '../../src-shared/api/host-launch.js';

describe('applicant kiosk: never-file rules and the idle wipe', () => {
  const k = kioskUnderTest();
  const card = loadCard('resident');

  it('blocks a filing whose obligation was fully performed, and a fee refund, with the way to fix it', async () => {
    const { page, stack } = k;
    const walk = new Walk(page, 'blocked');
    stack.sim.placeCard(card);
    await fillToReview(page, { onMoney: (p) => p.getByRole('radio', { name: '已经全部履行' }).check() });
    await page.getByTestId('verdict').filter({ hasText: '还有问题需要修改' }).waitFor();
    const block = page.locator('[data-rule="never-file"]');
    expect(await block.textContent()).toContain('不立执行案件');
    expect(await page.getByTestId('submit').isDisabled()).toBe(true);
    await walk.step('performed-block');
    await block.getByRole('button', { name: '去修改' }).click();
    await page.getByTestId('step-money').waitFor();
    await page.getByRole('radio', { name: '一分没还' }).check();

    await page.getByRole('button', { name: '上一步' }).click();
    await page.getByRole('button', { name: '上一步' }).click();
    await page.getByTestId('step-basis').waitFor();
    await page.getByRole('radio', { name: '退还诉讼费' }).check();
    // Said at once, at the step that asked, with where to go instead (issue 12 item 3).
    await page.getByTestId('step-findings').locator('[data-rule="never-file"]').filter({ hasText: '诉讼服务中心' }).waitFor();
    await page.getByTestId('back-to-review').click();
    await page.getByTestId('step-review').waitFor();
    await page.locator('[data-rule="never-file"]').filter({ hasText: '退还诉讼费用' }).waitFor();
    expect(await page.getByTestId('submit').isDisabled()).toBe(true);
    await walk.step('fee-refund-block');

    // Two judgments in one application: separate cases, explained (seed 001 art. 11).
    await page.locator('[data-rule="never-file"]').getByRole('button', { name: '去修改' }).click();
    await page.getByTestId('step-basis').waitFor();
    await page.getByRole('radio', { name: '申请强制执行' }).check();
    await tapType(page, page.locator('#other-basis'), '（2024）豫0811民初124号');
    await hideKeyboard(page);
    await page.getByTestId('back-to-review').click();
    await page.locator('[data-rule="separate-bases"]').filter({ hasText: '应分别立案' }).waitFor();
    expect(await page.getByTestId('submit').isDisabled()).toBe(true);
    await walk.step('separate-bases-block');
    await page.getByTestId('leave').click();
    await page.getByTestId('attract').waitFor();
  });

  it('warns an idle applicant, then wipes the page, storage, camera and held photographs', async () => {
    const { browser, stack } = k;
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 1024 }, bypassCSP: true, permissions: ['camera'] });
    const page: Page = await ctx.newPage();
    await page.clock.install();
    await page.goto(stack.kioskUrl);
    await page.getByTestId('attract').waitFor();
    await liftCard(page, stack);
    stack.sim.placeCard(card);
    await consent(page);
    await tapType(page, page.locator('#own-phone'), '13812345678');
    await hideKeyboard(page);
    await next(page);
    await page.getByTestId('step-basis').waitFor();
    await wedgeScan(page, verificationUrl('（2024）豫0811民初777号'));
    await expect.poll(() => page.getByLabel('执行依据文号').inputValue()).toBe('（2024）豫0811民初777号');
    // Skipping steps with open problems: each says so once, a second tap goes on.
    for (const to of ['respondents', 'money', 'documents']) await nextTo(page, to);
    await page.getByTestId('take-photo').and(page.locator(':enabled')).waitFor();
    await page.getByTestId('take-photo').click();
    await page.getByTestId('thumbs').locator('li').first().waitFor();
    await page.evaluate(() => (globalThis as unknown as PageGlobals).sessionStorage.setItem('probe', 'x'));
    const kioskDb = openKioskFile(join(stack.dir, 'kiosk', 'kiosk.sqlite'), { readonly: true });
    const held = () => (kioskDb.prepare('SELECT count(*) AS n FROM documents WHERE filing_id IS NULL').get() as { n: number }).n;
    expect(held()).toBe(1);

    await page.clock.fastForward('02:01');
    await page.getByTestId('idle-warning').waitFor();
    await expectAccessible(page, 'idle-warning');
    await page.screenshot({ path: join('test-results', 'screenshots', 'idle-01-warning.png') });
    await page.clock.fastForward('00:31');
    await page.getByTestId('attract').waitFor();
    await page.screenshot({ path: join('test-results', 'screenshots', 'idle-02-wiped.png') });

    const html = await page.content();
    for (const s of [card.name, '13812345678', '777号', card.idNumber.slice(-4) + '<']) expect(html).not.toContain(s);
    // Nothing but the host shell's launch secret, which is the kiosk's, not the applicant's.
    expect(await page.evaluate((keyItem) => {
      const { localStorage, sessionStorage } = globalThis as unknown as PageGlobals;
      return localStorage.length + sessionStorage.length - (sessionStorage.getItem(keyItem) === null ? 0 : 1);
    }, KEY_STORAGE_ITEM)).toBe(0);
    expect(await page.locator('video').count()).toBe(0);
    await expect.poll(held).toBe(0);
    const session = await pageApi<{ card: unknown }>(page, 'session.current', null);
    expect(session.ok && session.value.card).toBeNull();
    kioskDb.close();
    await ctx.close();
  });
});
