/**
 * An agent files for a company: chooses "agent filing" on the attract screen, places their own
 * card, gives the company principal's credit code, name, legal representative and the
 * principal's own address and phone, photographs the power of attorney with the document
 * camera, and types the respondent's name in pinyin on the on-screen keyboard.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loadCard, type Stack } from './support/stack.js';
import { consent, fillToReview, kioskUnderTest, liftCard, next, signAndSubmit, verificationUrl, Walk } from './support/applicant.js';
import { hideKeyboard, pickDate, scanThen, tapType } from './support/journey-touch.js';
import { usccCheckChar } from '../../src-shared/identity/uscc.js';
import { openCentralStore } from '../../src-main/central/open-store.js';
import type { FilingRecord } from '../../src-shared/domain/filing.js';

const USCC_17 = '91410811MA3X00001';
const USCC = USCC_17 + usccCheckChar(USCC_17);

/** The record the central (the authority) accepted under the number the result screen shows. */
async function acceptedRecord(page: Page, stack: Stack): Promise<FilingRecord | undefined> {
  const shown = (await page.getByTestId('official-no').textContent()) ?? '';
  const officialNo = /（\d{4}）豫0811执\d+号/.exec(shown)?.[0];
  expect(officialNo, `official number on the result screen: ${shown}`).toBeDefined();
  const store = await openCentralStore({ dbFile: join(stack.dir, 'central.sqlite') });
  try {
    return (await store.courtFilingsSince('豫0811', 0, 1000)).find((f) => f.officialNo === officialNo)?.filing;
  } finally {
    await store.close();
  }
}

describe('applicant kiosk: an agent files for a company', () => {
  const k = kioskUnderTest();
  const agent = loadCard('resident');

  it('files with the principal company’s data, the power of attorney and a pinyin-typed name', async () => {
    const { page, stack } = k;
    const walk = new Walk(page, 'agent');
    await page.getByTestId('start-agent').click();
    await consent(page);

    await page.getByTestId('step-who').waitFor();
    await page.getByTestId('need-card').waitFor();
    await next(page);
    await expect.poll(() => page.getByTestId('wizard-notice').textContent()).toContain('身份证');
    stack.sim.placeCard(agent);
    await page.getByTestId('applicant-name').filter({ hasText: agent.name }).waitFor();
    expect(await page.locator('#applicant-title').textContent()).toContain('代理人');
    await tapType(page, page.locator('#own-phone'), '13800138000');
    await hideKeyboard(page);
    await page.getByRole('radio', { name: '单位', exact: true }).first().check();
    await tapType(page, page.locator('#principal-name'), '焦作示例商贸有限公司');
    // The ABC keys type capitals, as credit codes are printed.
    await tapType(page, page.locator('#principal-id'), USCC);
    expect(await page.getByLabel('统一社会信用代码').inputValue()).toBe(USCC);
    await tapType(page, page.locator('#principal-rep'), '王五');
    await tapType(page, page.locator('#principal-address'), '河南省焦作市山阳区商贸路8号');
    await tapType(page, page.locator('#principal-phone'), '03913000000');
    await hideKeyboard(page);
    await walk.step('who');
    await next(page);

    await page.getByTestId('step-basis').waitFor();
    await scanThen(page, verificationUrl('（2025）豫0811民初88号'), page.getByTestId('basis-check').filter({ hasText: '（2025）豫0811民初88号' }));
    await page.getByLabel('调解书', { exact: true }).first().click();
    await pickDate(page, 'effective-date', '2026-03-01');
    await pickDate(page, 'performance-due', '2026-04-01');
    await next(page);

    await page.getByTestId('step-respondents').waitFor();
    // The respondent's name typed on the on-screen keyboard in pinyin: z-h-a-o then 赵.
    await page.locator('#respondents\\.0-name').focus();
    await page.getByTestId('osk').waitFor();
    for (const k of 'zhao') await page.getByTestId('osk').getByRole('button', { name: k, exact: true }).click();
    await page.getByTestId('osk-candidates').getByRole('button', { name: '赵', exact: true }).click();
    for (const k of 'liu') await page.getByTestId('osk').getByRole('button', { name: k, exact: true }).click();
    // 六 is not among the first ten candidates for "liu" (the surname 刘 leads): page on.
    const six = page.getByTestId('osk-candidates').getByRole('button', { name: '六', exact: true });
    for (let i = 0; i < 5 && !(await six.count()); i++) await page.getByRole('button', { name: '下一页候选字' }).click();
    await six.click();
    expect(await page.locator('#respondents\\.0-name').inputValue()).toBe('赵六');
    await walk.step('respondents-pinyin');
    await tapType(page, page.locator('#respondents\\.0-address'), '河南省焦作市解放区示例路3号');
    await tapType(page, page.locator('#respondents\\.0-phone'), '13700137000');
    await hideKeyboard(page);
    await next(page);

    await page.getByTestId('step-money').waitFor();
    await tapType(page, page.locator('#principal'), '80000');
    await hideKeyboard(page);
    await page.getByRole('radio', { name: '还了一部分' }).check();
    await tapType(page, page.locator('#performed-amount'), '20000');
    await tapType(page, page.locator('#payee-name'), '焦作示例商贸有限公司');
    await tapType(page, page.locator('#payee-bank'), '中国工商银行焦作分行');
    await tapType(page, page.locator('#payee-account'), '1709000000000000001');
    await hideKeyboard(page);
    await page.getByTestId('money-total').filter({ hasText: '60,000.00' }).waitFor();
    await next(page);

    await page.getByTestId('step-documents').waitFor();
    expect(await page.getByRole('radio', { name: '授权委托书' }).isChecked()).toBe(true);
    await page.getByTestId('take-photo').and(page.locator(':enabled')).waitFor();
    await page.getByTestId('take-photo').click();
    await page.getByTestId('thumbs').locator('li').first().waitFor();
    // Retake replaces the page; delete removes it; a second take leaves one page.
    await page.getByTestId('thumbs').getByRole('button', { name: '重拍' }).click();
    await expect.poll(() => page.getByTestId('thumbs').locator('li').count()).toBe(1);
    await walk.step('documents');
    await next(page);

    await page.getByTestId('step-risk').waitFor();
    await page.getByLabel('我已阅读并知悉').check();
    await next(page);
    await page.getByTestId('step-review').waitFor();
    await page.getByTestId('verdict').filter({ hasText: '检查通过' }).waitFor();
    await walk.step('review');
    await signAndSubmit(page);
    await page.getByTestId('official-no').filter({ hasText: /豫0811执/ }).waitFor();
    // The company, not the agent at the screen, is the party applying.
    const record = await acceptedRecord(page, stack);
    expect(record?.filer).toBe('agent');
    expect(record?.principal).toEqual({ kind: 'company', name: '焦作示例商贸有限公司', idNumber: USCC, legalRep: '王五', address: '河南省焦作市山阳区商贸路8号', phone: '03913000000' });
    expect(record?.applicant.name).toBe(agent.name);
    await walk.step('result');
    console.log(walk.summary());
  });

  it('files for a company by its credit code, name and legal representative', async () => {
    const { page, stack } = k;
    const walk = new Walk(page, 'company');
    await page.getByTestId('done').click();
    await page.getByTestId('attract').waitFor();
    await liftCard(page, stack);
    await page.getByTestId('start-company').click();
    stack.sim.placeCard(agent);
    await fillToReview(page, {
      onWho: async (p) => {
        await tapType(p, p.locator('#company-name'), '焦作示例商贸有限公司');
        await tapType(p, p.locator('#company-id'), USCC);
        await tapType(p, p.locator('#company-rep'), agent.name);
        await tapType(p, p.locator('#company-address'), '河南省焦作市山阳区商贸路8号');
        await tapType(p, p.locator('#company-phone'), '03913000000');
        await hideKeyboard(p);
        await walk.step('who');
      },
    });
    await signAndSubmit(page);
    await page.getByTestId('official-no').filter({ hasText: /豫0811执/ }).waitFor();
    const record = await acceptedRecord(page, stack);
    expect(record?.filer).toBe('company');
    expect(record?.company).toEqual({ kind: 'company', name: '焦作示例商贸有限公司', idNumber: USCC, legalRep: agent.name, address: '河南省焦作市山阳区商贸路8号', phone: '03913000000' });
    await walk.step('result');
    console.log(walk.summary());
  });
});
