/**
 * Touch alone (issue 12), two more branches filed to the end and checked at the central:
 * - an arbitration award as the basis: its number composed by taps (year, 仲裁委员会 chosen by
 *   province and city, the award's way of numbering picked from examples, sequence on the pad),
 *   which also marks the document as an arbitration award;
 * - an objection (执行异议): its ground ticked, the earlier enforcement case and the basis
 *   composed by taps.
 * No keyboard.type, fill or press. The composer's arbitration screens are checked with axe-core
 * and for touch targets, and photographed at kiosk sizes.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loadCard, type Stack } from './support/stack.js';
import { expectAccessible, expectTouchFirst, kioskUnderTest, liftCard } from './support/applicant.js';
import { openTouchKiosk, tapAwardNumber, tapCaseNumber, tapChoice, tapDate, tapInto, Taps } from './support/touch.js';
import { signAndSubmitByTouch } from './support/elderly-walk.js';
import { shootBoth } from './support/journey-touch.js';
import { SqliteCentralStore } from '../../src-main/central/sqlite-store.js';
import type { FilingRecord } from '../../src-shared/domain/filing.js';

const next = (t: Taps) => t.tap(t.page.getByTestId('next'));

async function begin(page: Page, stack: Stack): Promise<Taps> {
  const t = new Taps(page);
  stack.sim.placeCard(loadCard('resident'));
  await page.getByTestId('step-consent').waitFor();
  await tapChoice(t, /我同意通过/);
  await tapChoice(t, /我同意法院读取/);
  await next(t);
  await page.getByTestId('step-who').waitFor();
  await page.getByTestId('applicant-name').waitFor();
  await tapInto(t, page.locator('#own-phone'), '13800138000');
  await next(t);
  await page.getByTestId('step-basis').waitFor();
  return t;
}

/** From the basis step's dates to the result screen: respondent, amount, payee, sign, submit. */
async function datesToResult(t: Taps, respondent: string): Promise<string> {
  const page = t.page;
  await tapDate(t, 'effective-date', '2026-03-01');
  await tapDate(t, 'performance-due', '2026-04-01');
  await next(t);
  await page.getByTestId('step-respondents').waitFor();
  await tapInto(t, page.locator('#respondents\\.0-name'), respondent);
  await next(t);
  await page.getByTestId('step-money').waitFor();
  await tapInto(t, page.locator('#principal'), '20000');
  await t.tap(page.getByTestId('payee-name-picks').getByRole('button').first());
  await t.tap(page.getByTestId('payee-bank-picks').getByRole('button', { name: '填入 中国工商银行', exact: true }));
  await tapInto(t, page.locator('#payee-account'), '6217000000000000018');
  await next(t);
  await page.getByTestId('step-documents').waitFor();
  await next(t);
  await page.getByTestId('step-risk').waitFor();
  await tapChoice(t, /我已阅读并知悉/);
  await next(t);
  await page.getByTestId('step-review').waitFor();
  await signAndSubmitByTouch(t);
  const official = page.getByTestId('official-no').filter({ hasText: /豫0811执/ });
  await official.waitFor();
  return ((await official.textContent()) ?? '').trim();
}

/** The record the central holds for the case with this official number. */
async function centralRecord(stack: Stack, officialNo: string): Promise<FilingRecord> {
  const store = new SqliteCentralStore(join(stack.dir, 'central.sqlite'));
  try {
    const numbered = (await store.numberedCases()).find((c) => c.officialNo === officialNo);
    if (!numbered) throw new Error(`the central has no case ${officialNo}`);
    return (await store.caseRecord(numbered.filingId))!.record;
  } finally {
    await store.close();
  }
}

describe('applicant kiosk by touch alone: an arbitration award, an objection', () => {
  const k = kioskUnderTest();
  let page: Page | null = null;

  /** The touch-screen page on the attract screen with the reader empty, whichever test runs first. */
  async function ready(): Promise<Page> {
    if (!page) {
      await k.page.context().close();
      page = await openTouchKiosk(k.browser, k.stack.kioskUrl);
      return page;
    }
    if (await page.getByTestId('done').count()) await page.getByTestId('done').tap();
    else if (await page.getByTestId('leave').count()) await page.getByTestId('leave').tap();
    await page.getByTestId('attract').waitFor();
    await liftCard(page, k.stack);
    return page;
  }

  it('files on an arbitration award whose number is composed by taps, commission chosen by city', async () => {
    const page = await ready();
    const t = await begin(page, k.stack);
    // The award of another city's commission: 郑州仲裁委员会, numbered 郑仲案字〔2025〕77号.
    await t.tap(page.getByTestId('basis-compose'));
    const sheet = page.getByTestId('basis-composer');
    await t.tap(sheet.getByTestId('composer-years').getByRole('button', { name: '2025年', exact: true }));
    await t.tap(sheet.getByTestId('composer-arbitration'));
    // The kiosk's own city first: its arbitration and labour dispute commissions.
    expect(await sheet.getByTestId('composer-commissions').getByRole('button').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^焦作仲裁委员会/), expect.stringMatching(/^焦作市劳动人事争议仲裁委员会/)]),
    );
    await expectAccessible(page, 'composer-commissions');
    await expectTouchFirst(page, 'composer-commissions');
    await shootBoth(page, 'composer-arbitration-01-commission');
    await t.tap(sheet.getByTestId('composer-cancel'));
    await sheet.waitFor({ state: 'detached' });

    await tapAwardNumber(t, 'basis', { year: 2025, commission: '郑州仲裁委员会', city: { province: '河南省', city: '郑州市' }, form: 'an-name-first', seq: 77 });
    await page.getByTestId('basis-check').filter({ hasText: '郑仲案字〔2025〕77号' }).waitFor();
    expect(await page.locator('#basis').inputValue()).toBe('郑仲案字〔2025〕77号');
    // The composed award says what the document is: no court-number error, no kind to pick.
    expect(await page.locator('input[name=basis-kind]:checked').inputValue()).toBe('arbitration-award');
    expect(await page.locator('#basis-error').count()).toBe(0);

    // Reopened, the composer shows the award's parts; the forms are shown with its own year and commission.
    await t.tap(page.getByTestId('basis-compose'));
    await sheet.getByTestId('basis-composer-number').filter({ hasText: '郑仲案字〔2025〕77号' }).waitFor();
    await t.tap(sheet.locator('.sheet-preview .part').nth(2));
    expect(await sheet.getByTestId('composer-arbitration-forms').getByRole('button').allTextContents()).toEqual(['（2025）郑仲裁字第…号', '郑仲案字〔2025〕…号', '郑仲裁字〔2025〕…号']);
    await expectAccessible(page, 'composer-arbitration-forms');
    await expectTouchFirst(page, 'composer-arbitration-forms');
    await shootBoth(page, 'composer-arbitration-02-form');
    await t.tap(sheet.getByTestId('composer-done'));
    await sheet.waitFor({ state: 'detached' });

    const official = await datesToResult(t, '赵六');
    const record = await centralRecord(k.stack, official);
    expect(record.basisNumber).toBe('郑仲案字〔2025〕77号');
    expect(record.facts).toMatchObject({ basis: { kind: 'arbitration-award', number: '郑仲案字〔2025〕77号' } });
  });

  it('files an objection by taps: its ground, the earlier case and the basis', async () => {
    const page = await ready();
    const t = await begin(page, k.stack);
    await tapChoice(t, /对执行提出异议/);
    await tapChoice(t, '认为执行行为违反法律规定');
    await tapCaseNumber(t, 'prior-case', { year: 2025, court: 'home', type: '执', seq: 321 });
    expect(await page.locator('#prior-case').inputValue()).toBe('（2025）豫0811执321号');
    await tapCaseNumber(t, 'basis', { year: 2024, court: 'home', type: '民初', seq: 55 });
    await page.getByTestId('basis-check').filter({ hasText: '（2024）豫0811民初55号' }).waitFor();
    // The kind of document is a card to tap, like every other choice.
    await tapChoice(t, '调解书');
    const official = await datesToResult(t, '钱七');
    expect(await page.getByTestId('result').textContent()).toContain('异议');

    const record = await centralRecord(k.stack, official);
    expect(record.basisNumber).toBe('（2024）豫0811民初55号');
    expect(record.facts).toMatchObject({ basis: { kind: 'mediation' } });
    expect(record.facts).toMatchObject({ application: { kind: 'objection', grounds: ['act-unlawful'], priorCaseNumber: '（2025）豫0811执321号' } });
    expect(record.typeCode).toBe('执异');
    expect(official).toMatch(/^（\d{4}）豫0811执异\d+号$/);
  });
});
