/**
 * Hand-over to the counter on real parts: the applicant fills the interview up to review and
 * hands it to the counter instead of filing; the kiosk shows a code and forgets the screen; a
 * clerk signs in at #/counter, opens the code (a wrong one is refused), checks the summary and
 * files it; the filing gets its provisional number and, through the central, its official one.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { loadCard } from './support/stack.js';
import { fillToReview, kioskUnderTest } from './support/applicant.js';
import { APP_ROOT } from '../../src-main/paths.js';

const PASSWORD = 'handover-e2e-pass-1';

describe('applicant kiosk: an unfinished application handed to the counter', () => {
  const k = kioskUnderTest();

  it('gives the applicant a code and lets a clerk file the application by it', async () => {
    const { page, stack, browser } = k;
    execFileSync(process.execPath, [join(APP_ROOT, 'bin', 'yzt.mjs'), 'counter', 'add-user', '--name', 'zhaomin', '--display', '赵敏', '--role', 'reception', '--data', join(stack.dir, 'kiosk')], { input: `${PASSWORD}\n` });
    stack.sim.placeCard(loadCard('resident'));
    await fillToReview(page, { respondent: '孙八' });
    await page.getByTestId('verdict').filter({ hasText: '检查通过' }).waitFor();
    await page.getByTestId('hand-over').click();
    await page.getByTestId('handover-code').filter({ hasText: '请把此号码告诉窗口工作人员' }).waitFor();
    const code = (await page.getByTestId('handover-number').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await page.getByTestId('handover-done').click();
    await page.getByTestId('attract').waitFor();
    expect(await page.content()).not.toContain('孙八');

    const clerk = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await clerk.goto(stack.host.page('/counter'));
    await clerk.getByLabel('账号').fill('zhaomin');
    await clerk.getByLabel('密码').fill(PASSWORD);
    await clerk.getByTestId('counter-signin-submit').click();
    await clerk.getByTestId('clerk-name').filter({ hasText: '赵敏' }).waitFor();

    await clerk.getByTestId('handover-code-input').fill('ABCD-EFGH');
    await clerk.getByTestId('handover-open').click();
    await clerk.getByTestId('counter-error').filter({ hasText: '暂存号码不正确' }).waitFor();

    await clerk.getByTestId('handover-code-input').fill(code.toLowerCase());
    await clerk.getByTestId('handover-open').click();
    const summary = clerk.getByTestId('handover-summary');
    await summary.filter({ hasText: '孙八' }).waitFor();
    expect(await summary.textContent()).toContain('12,345.67 元');
    await clerk.getByTestId('handover-submit').click();
    await clerk.getByTestId('case-view').waitFor();
    await clerk.getByTestId('case-back').click();
    // A normal filing: in the queue under its provisional number, then the official one from the central.
    const row = clerk.getByTestId('queue-row').filter({ hasText: '孙八' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getAttribute('data-provisional')).toBeTruthy();
    await expect.poll(async () => (await clerk.getByTestId('queue-refresh').click(), await row.textContent()), { timeout: 20_000, interval: 500 }).toMatch(/（\d{4}）豫0811执\d+号/);
  }, 60_000);
});
