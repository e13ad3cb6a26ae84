/**
 * Touch alone (issue 12), the other branches: an agent for a company (credit code with letters
 * on the ABC keys), a company filing for itself, and a resumption with the earlier case number
 * and a basis from another province composed by taps, an effective date "不清楚" (a note for
 * the clerk, not a block) and interest 至实际清偿之日止. No keyboard.type, fill or press.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadCard, type Stack } from './support/stack.js';
import { kioskUnderTest, liftCard } from './support/applicant.js';
import { openTouchKiosk, tapCaseNumber, tapChoice, tapDate, tapInto, Taps } from './support/touch.js';
import { signAndSubmitByTouch } from './support/elderly-walk.js';
import { usccCheckChar } from '../../src-shared/identity/uscc.js';

const USCC_17 = '91410811MA3X00001';
const USCC = USCC_17 + usccCheckChar(USCC_17);
/** A valid resident ID number whose check character is X. */
const ID_WITH_X = '41081119700101107X';

const next = (t: Taps) => t.tap(t.page.getByTestId('next'));

async function begin(page: Page, stack: Stack, start: 'start-agent' | 'start-company' | null): Promise<Taps> {
  const t = new Taps(page);
  if (start) await t.tap(page.getByTestId(start));
  stack.sim.placeCard(loadCard('resident'));
  await page.getByTestId('step-consent').waitFor();
  await tapChoice(t, /我同意通过/);
  await tapChoice(t, /我同意法院读取/);
  await next(t);
  await page.getByTestId('step-who').waitFor();
  await page.getByTestId('applicant-name').waitFor();
  await tapInto(t, page.locator('#own-phone'), '13800138000');
  return t;
}

async function basisByTouch(t: Taps, opts: { effective: string | 'unknown' } = { effective: '2026-03-01' }): Promise<void> {
  await t.page.getByTestId('step-basis').waitFor();
  await tapCaseNumber(t, 'basis', { year: 2025, court: 'home', type: '民初', seq: 88 });
  await tapDate(t, 'effective-date', opts.effective);
  await tapDate(t, 'performance-due', '2026-04-01');
}

async function payeeAndOn(t: Taps, account: string): Promise<void> {
  await t.tap(t.page.getByTestId('payee-name-picks').getByRole('button').first());
  await t.tap(t.page.getByTestId('payee-bank-picks').getByRole('button', { name: '填入 中国工商银行', exact: true }));
  await tapInto(t, t.page.locator('#payee-account'), account);
  await next(t);
  await t.page.getByTestId('step-documents').waitFor();
  await next(t);
  await t.page.getByTestId('step-risk').waitFor();
  await tapChoice(t, /我已阅读并知悉/);
  await next(t);
  await t.page.getByTestId('step-review').waitFor();
}

async function finish(t: Taps): Promise<void> {
  await signAndSubmitByTouch(t);
  await t.page.getByTestId('official-no').filter({ hasText: /豫0811执/ }).waitFor();
}

describe('applicant kiosk by touch alone: agent, company and resumption', () => {
  const k = kioskUnderTest();
  let page: Page | null = null;

  /** The touch-screen page on the attract screen with the reader empty, whichever test runs first. */
  async function ready(): Promise<Page> {
    if (!page) {
      // One page per kiosk: the touch-screen page replaces the default one.
      await k.page.context().close();
      page = await openTouchKiosk(k.browser, k.stack.kioskUrl);
      return page;
    }
    if (await page.getByTestId('done').count()) await page.getByTestId('done').tap();
    else if (await page.getByTestId('handover-done').count()) await page.getByTestId('handover-done').tap();
    await page.getByTestId('attract').waitFor();
    await liftCard(page, k.stack);
    return page;
  }

  it('an agent files for a company: credit code on the ABC keys, an ID number ending in X, yuan with fen', async () => {
    const page = await ready();
    const t = await begin(page, k.stack, 'start-agent');
    await tapChoice(t, '单位');
    await tapInto(t, page.locator('#principal-name'), '示例公司');
    await tapInto(t, page.locator('#principal-id'), USCC);
    expect(await page.locator('#principal-id').inputValue()).toBe(USCC);
    await tapInto(t, page.locator('#principal-rep'), '王五');
    await tapInto(t, page.locator('#principal-address'), '山阳区');
    await tapInto(t, page.locator('#principal-phone'), '03913000000');
    await next(t);
    await basisByTouch(t);
    await next(t);
    await page.getByTestId('step-respondents').waitFor();
    await tapInto(t, page.locator('#respondents\\.0-name'), '赵六');
    await tapInto(t, page.locator('#respondents\\.0-id'), ID_WITH_X);
    expect(await page.locator('#respondents\\.0-id').inputValue()).toBe(ID_WITH_X);
    await next(t);
    await page.getByTestId('step-money').waitFor();
    // The pad refuses a third decimal: 80000.555 arrives as 80000.55.
    await tapInto(t, page.locator('#principal'), '80000.555');
    expect(await page.locator('#principal').inputValue()).toBe('80000.55');
    await tapChoice(t, '还了一部分');
    await tapInto(t, page.locator('#performed-amount'), '20000');
    await page.getByTestId('money-total').filter({ hasText: '60,000.55' }).waitFor();
    await payeeAndOn(t, '1709000000000000001');
    await finish(t);
    console.log(`agent by touch: ${t.total} taps`);
  });

  it('a company files for itself by its credit code', async () => {
    const page = await ready();
    const t = await begin(page, k.stack, 'start-company');
    await tapInto(t, page.locator('#company-name'), '示例公司');
    await tapInto(t, page.locator('#company-id'), USCC);
    await tapInto(t, page.locator('#company-rep'), '张明远');
    await tapInto(t, page.locator('#company-address'), '山阳区');
    await tapInto(t, page.locator('#company-phone'), '03913000000');
    await next(t);
    await basisByTouch(t);
    await next(t);
    await page.getByTestId('step-respondents').waitFor();
    await tapChoice(t, '单位');
    await tapInto(t, page.locator('#respondents\\.0-name'), '某公司');
    await next(t);
    await page.getByTestId('step-money').waitFor();
    await tapInto(t, page.locator('#principal'), '30000');
    await payeeAndOn(t, '1709000000000000002');
    await finish(t);
  });

  it('a resumption: earlier case and a basis from another province composed, effective date 不清楚, interest until paid', async () => {
    const page = await ready();
    const t = await begin(page, k.stack, null);
    await next(t);
    await page.getByTestId('step-basis').waitFor();
    await tapChoice(t, /申请恢复执行/);
    await tapChoice(t, '不履行或不完全履行执行和解协议');
    await tapCaseNumber(t, 'prior-case', { year: 2025, court: 'home', type: '执', seq: 456 });
    expect(await page.locator('#prior-case').inputValue()).toBe('（2025）豫0811执456号');
    await tapCaseNumber(t, 'basis', { year: 2024, court: { province: '黑龙江', city: '大庆', name: '大庆市萨尔图区人民法院' }, type: '民终', seq: 12 });
    await page.getByTestId('basis-check').filter({ hasText: '（2024）黑0602民终12号' }).waitFor();
    await tapDate(t, 'effective-date', 'unknown');
    expect(await page.getByTestId('effective-date-said').textContent()).toContain('不清楚');
    await tapDate(t, 'performance-due', '2024-09-30');
    await next(t);
    await page.getByTestId('step-respondents').waitFor();
    await tapInto(t, page.locator('#respondents\\.0-name'), '李四');
    await next(t);
    await page.getByTestId('step-money').waitFor();
    await tapInto(t, page.locator('#principal'), '50000');
    await tapChoice(t, /文书判决了利息/);
    await tapInto(t, page.locator('#interest-rate'), '3.65');
    await tapDate(t, 'interest-from', '2024-10-01');
    await tapChoice(t, /至实际清偿之日止/);
    await page.getByTestId('interest-running').filter({ hasText: '继续计算' }).waitFor();
    await payeeAndOn(t, '6217000000000000018');
    // 不清楚 is a note for the clerk, not a block.
    await page.locator('[data-rule="basis.effective-verify"]').waitFor();
    expect(await page.getByTestId('type-line').textContent()).toContain('恢复执行');
    expect(await page.getByTestId('step-review').textContent()).toContain('至实际清偿之日止');
    await signAndSubmitByTouch(t);
    await page.getByTestId('result-interest').filter({ hasText: '至实际清偿之日止' }).waitFor();
  });

  it('hands over to the counter by touch with no case number and no amount yet', async () => {
    const page = await ready();
    const t = await begin(page, k.stack, null);
    await next(t);
    await page.getByTestId('step-basis').waitFor();
    await t.tap(page.getByTestId('hand-over'));
    await page.getByTestId('handover-code').filter({ hasText: '请把此号码告诉窗口工作人员' }).waitFor();
    expect((await page.getByTestId('handover-number').textContent())?.trim()).toMatch(/\S{4}/);
  });
});
