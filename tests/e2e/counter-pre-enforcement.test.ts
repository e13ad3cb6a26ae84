/**
 * Issue 14 item 2 in Debian Chromium on real processes: the central gateway, the lobby kiosk
 * (ID card simulator) and a counter PC with its own court token. The applicant files by taps
 * and agrees to 执前督 at the risk step; the status query shows the hand-over deadline. The
 * clerk records the hand-over (the applicant now sees the supervision period) and 未履行: the
 * central numbers the 执 case at once, the counter shows the number and opens the 执 case, which
 * links back to the 执前督; the applicant's status query shows the 执 number and the 执 case's
 * own deadline. A second 执前督 ends 履行完毕 with the amount paid: closed, no 执 number.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR } from './support/browser.js';
import { kioskUnderTest, liftCard, sign, verificationUrl } from './support/applicant.js';
import { loadCard } from './support/stack.js';
import { scanThen, tap, touchConsent, touchToReview } from './support/journey-touch.js';
import { spawnYzt, type YztProcess } from '../../src-main/proc/spawn-yzt.js';
import { enrolWithLocalCentral } from '../../src-main/sync/enrol-local.js';
import { openDatabase } from '../../src-main/db/open.js';
import { SqliteCentralStore } from '../../src-main/central/sqlite-store.js';
import { APP_ROOT } from '../../src-main/paths.js';
import { hostLaunch } from '../support/host-launch.js';
import type { FilingRecord } from '../../src-shared/domain/filing.js';

const YZT = join(APP_ROOT, 'bin', 'yzt.mjs');
const yzt = (args: string[], input = '') => execFileSync(process.execPath, [YZT, ...args], { input, encoding: 'utf8' });

describe('执前督 end to end: kiosk by taps, counter, central', () => {
  const k = kioskUnderTest();
  const card = loadCard('resident');
  let counter: YztProcess;
  let clerk: Page;

  /** The applicant files a 执前督 by taps and reads the official number off the result screen. */
  const fileByTaps = async (basis: string): Promise<string> => {
    const { page, stack } = k;
    stack.sim.placeCard(card);
    await touchConsent(page);
    await touchToReview(page, { respondent: '李四', amount: '8000', onRisk: (p) => tap(p.locator('label.choice-card').filter({ hasText: '同意先督促履行' })) }, () =>
      scanThen(page, verificationUrl(basis), page.getByTestId('basis-check').filter({ hasText: basis.slice(6) })),
    );
    await page.getByTestId('verdict').filter({ hasText: '检查通过' }).waitFor();
    expect(await page.getByTestId('type-line').textContent()).toContain('执前督');
    await sign(page);
    await tap(page.getByTestId('submit'));
    await page.getByTestId('result').waitFor();
    const official = (await page.getByTestId('official-no').filter({ hasText: /豫0811执前督\d+号/ }).textContent()) ?? '';
    await tap(page.getByTestId('done'));
    await page.getByTestId('take-card').waitFor();
    await liftCard(page, k.stack);
    return official;
  };

  /** The applicant's status query by card: the card for `official`. */
  const statusCard = async (official: string) => {
    const { page, stack } = k;
    await tap(page.getByTestId('start-status'));
    await page.getByTestId('status').waitFor();
    stack.sim.placeCard(card);
    const item = page.getByTestId('status-list').locator('li').filter({ hasText: official });
    await item.waitFor();
    return item;
  };
  const leaveStatus = async () => {
    await tap(k.page.getByTestId('status-done'));
    await k.page.getByTestId('take-card').waitFor();
    await liftCard(k.page, k.stack);
  };

  /** Waits until the lobby kiosk has pulled the court's state of the 执前督 (its sync's long poll). */
  const kioskHas = async (official: string, state: string) => {
    const db = openDatabase(join(k.stack.dir, 'kiosk', 'kiosk.sqlite'), 'kiosk');
    try {
      await expect
        .poll(() => {
          const r = db.prepare('SELECT record_json FROM filings WHERE official_no = ?').get(official) as { record_json: string } | undefined;
          return r ? ((JSON.parse(r.record_json) as FilingRecord).preEnforcement?.state ?? 'none') : 'not here';
        }, { timeout: 20_000, interval: 200 })
        .toBe(state);
    } finally {
      db.close();
    }
  };

  const openCase = async (official: string) => {
    if (await clerk.getByTestId('case-back').isVisible()) await clerk.getByTestId('case-back').click();
    const row = clerk.getByTestId('queue-row').filter({ hasText: official });
    await row.waitFor({ timeout: 15_000 });
    await row.getByTestId('queue-open').click();
    await clerk.getByTestId('case-number').filter({ hasText: official }).waitFor();
  };

  beforeAll(async () => {
    const centralDb = join(k.stack.dir, 'central.sqlite');
    const dir = join(k.stack.dir, 'counter');
    await enrolWithLocalCentral({ centralDb, centralUrl: k.stack.centralUrl, dataDir: dir });
    const token = yzt(['central', 'court-token', '--court', 'jiaozuo-shanyang', '--name', '窗口1', '--db', centralDb]).trim();
    yzt(['counter', 'set-token', '--data', dir], `${token}\n`);
    yzt(['counter', 'add-user', '--name', 'wangli', '--display', '王丽', '--role', 'reception', '--data', dir], 'counter-pass-1\n');
    counter = await spawnYzt(['kiosk', 'serve', '--port', '0', '--data', dir, '--central', k.stack.centralUrl, '--sync-max-delay', '500'], /kiosk: (http:\/\/\S+)/);
    clerk = await k.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await clerk.goto(hostLaunch(counter.ready[1] ?? '').page('/counter'));
    // The clerk's own sign-in at the counter PC (not the applicant's input).
    await clerk.getByLabel('账号').fill('wangli');
    await clerk.getByLabel('密码').fill('counter-pass-1');
    await clerk.getByTestId('counter-signin-submit').click();
    await clerk.getByTestId('clerk-name').filter({ hasText: '王丽' }).waitFor();
  }, 60_000);
  afterAll(async () => {
    await counter?.stop();
  });

  it('未履行: the 执 number at the counter and in the applicant’s status query, with the deadline that now runs', async () => {
    const official = await fileByTaps('（2026）豫0811民初456号');
    // Filed: the next node is the hand-over to the enforcement department (3 working days).
    let item = await statusCard(official);
    expect(await item.getByTestId('next-deadline').textContent()).toContain('执前督案件转交执行部门');
    await leaveStatus();

    await openCase(official);
    await clerk.getByTestId('pre-handed-over').click();
    await clerk.getByTestId('pre-failed').waitFor();
    await kioskHas(official, 'supervising');
    item = await statusCard(official);
    expect(await item.getByTestId('next-deadline').textContent()).toContain('执前督促履行期限');
    expect(await item.getByTestId('pre-status').textContent()).toContain('正在督促被执行人履行');
    await leaveStatus();

    await clerk.getByTestId('pre-failed').click();
    await clerk.getByTestId('pre-outcome').filter({ hasText: '首次执行立案期限' }).waitFor();
    // Sent, numbered at once by the central; the open case shows it by itself.
    const number = clerk.getByTestId('follow-up-number');
    await number.waitFor({ timeout: 20_000 });
    const zhi = (await number.textContent()) ?? '';
    expect(zhi).toMatch(/^（\d{4}）豫0811执\d+号$/);
    expect(await clerk.getByTestId('follow-up-rejected').count()).toBe(0);
    await clerk.screenshot({ path: join(SCREENSHOT_DIR, 'counter-pre-failed.png'), fullPage: true });
    // The 执 case opens at the counter, linked back to the 执前督 whose materials it shares.
    await clerk.getByTestId('follow-up-open').click();
    await clerk.getByTestId('case-number').filter({ hasText: zhi }).waitFor({ timeout: 15_000 });
    expect(await clerk.getByTestId('origin-panel').textContent()).toContain(official);
    await clerk.getByTestId('origin-open').click();
    await clerk.getByTestId('case-number').filter({ hasText: official }).waitFor();

    // The applicant: the 执 number, and the 执 case's own deadline, not the 执前督's.
    await kioskHas(official, 'transferred');
    item = await statusCard(official);
    expect(await item.getByTestId('pre-follow-up-number').textContent()).toBe(zhi);
    // Numbered within art. 25's 3 working days: the due date is shown beside the filing date.
    const filedOn = /立案日期：(\d{4}-\d{2}-\d{2})（应于 (\d{4}-\d{2}-\d{2}) 前立案）/.exec((await item.getByTestId('pre-filed-on').textContent()) ?? '');
    expect(filedOn).not.toBeNull();
    expect(filedOn![1]! <= filedOn![2]!).toBe(true);
    const node = (await item.getByTestId('next-deadline').textContent()) ?? '';
    expect(node).toContain('结案期限');
    expect(node).not.toContain('执前督');
    await k.page.screenshot({ path: join(SCREENSHOT_DIR, 'status-pre-transferred.png'), fullPage: true });
    await leaveStatus();
  });

  it('履行完毕 with the amount paid: closed without a 执 number', async () => {
    const official = await fileByTaps('（2026）豫0811民初457号');
    const zhiCases = async () => {
      const store = new SqliteCentralStore(join(k.stack.dir, 'central.sqlite'));
      try {
        return (await store.numberedCases()).filter((c) => c.typeCode === '执').length;
      } finally {
        await store.close();
      }
    };
    const before = await zhiCases();
    await openCase(official);
    await clerk.getByTestId('pre-handed-over').click();
    // The clerk's own typing at the counter PC.
    await clerk.getByTestId('pre-paid').fill('8,000');
    await clerk.getByTestId('pre-performed').click();
    await clerk.getByTestId('pre-outcome').filter({ hasText: '到位金额 8,000.00 元' }).waitFor();
    expect(await clerk.getByTestId('follow-up-number').count()).toBe(0);
    await kioskHas(official, 'performed');
    const item = await statusCard(official);
    expect(await item.getByTestId('pre-status').textContent()).toContain('8,000.00');
    expect(await item.getByTestId('pre-follow-up-number').count()).toBe(0);
    expect(await item.getByTestId('next-deadline').count()).toBe(0);
    await leaveStatus();
    // At the central: closed, the amount in its history, and no case follows it.
    const store = new SqliteCentralStore(join(k.stack.dir, 'central.sqlite'));
    try {
      const last = (await store.changesSince('豫0811', 0, 500)).filter((c) => c.officialNo === official).at(-1)!;
      expect(last.status).toBe('closed');
      expect(last.reasons_zh.join()).toContain('到位金额 8,000.00 元');
    } finally {
      await store.close();
    }
    expect(await zhiCases()).toBe(before);
  });
});
