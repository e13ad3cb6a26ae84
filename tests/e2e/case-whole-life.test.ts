/**
 * The whole life of one case (issue 14, "How it is shown") on real parts against one central
 * with the SMS sender on: lobby kiosk A, where an elderly applicant files at 武陟 by touch alone
 * and taps 同意接收进度短信; counter PCs B and C of the same court, each its own `yzt kiosk serve`
 * with its court token and clerk. B's clerk verifies the filing and corrects 12,345.67 → 7,500
 * (C and kiosk A's status screen show it from the central), prints the reception record (then
 * locked), takes the signed scan of that version, records a tag with its source (the case goes
 * to the tagged team, by its Chinese name), drafts the 执行通知书 and finishes the case. The CMPP simulator (the carrier's gateway)
 * receives the SMS the central's events send: 受理 when the counter accepts, 分配团队 at 办结
 * (the node-deadline SMS is opt-in and off at 武陟; triage alone sends none).
 */
import { afterAll, describe, expect, it, beforeAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { APP_ROOT } from '../../src-main/paths.js';
import { openDatabase } from '../../src-main/db/open.js';
import { spawnYzt, type YztProcess } from '../../src-main/proc/spawn-yzt.js';
import { enrolWithLocalCentral } from '../../src-main/sync/enrol-local.js';
import { findCourt } from '../../src-shared/courts/court-profile.js';
import { chinaDate } from '../../src-shared/time/china-time.js';
import { loadCard } from './support/stack.js';
import { kioskUnderTest, liftCard } from './support/applicant.js';
import { openTouchKiosk, type Taps } from './support/touch.js';
import { pngDataUrl } from './support/page-api.js';
import { SCREENSHOT_DIR } from './support/browser.js';
import { ELDERLY, elderlyWalkToReview, signAndSubmitByTouch } from './support/elderly-walk.js';
import { CmppSimulator } from '../support/cmpp-sim/simulator.js';
import { hostLaunch } from '../support/host-launch.js';
import { tempDir } from '../support/tmp.js';

const COURT = 'wuzhi';
const SECRET = 'e2e-whole-life-secret';
const ACCOUNT = { accountName: '武陟县人民法院', bank: '中国工商银行武陟支行', accountNo: '1709 0230 0902 0000 456', perCase: true, source: 'seed 003 ch.3 一(三)2' };
const REASON = '与判决主文核对，应为7500元';
const yzt = (args: string[], input = '') => execFileSync(process.execPath, [join(APP_ROOT, 'bin', 'yzt.mjs'), ...args], { input, encoding: 'utf8' });

const sim = new CmppSimulator({ sourceAddr: '901234', secret: SECRET });
const conf = tempDir('yzt-whole-life-');

describe('the whole life of a case: kiosk → counter (correction, reception, triage, notice) → SMS', () => {
  beforeAll(async () => {
    await sim.start();
    writeFileSync(join(conf.path, 'sms.json'), JSON.stringify({ host: '127.0.0.1', port: sim.port, sourceAddr: '901234', serviceId: 'YZTFY', srcId: '10690823', retryBaseMs: 200, pollMs: 200 }));
    return async () => {
      await sim.stop();
      conf.cleanup();
    };
  });
  const k = kioskUnderTest({ courtId: COURT, central: { args: ['--sms', join(conf.path, 'sms.json')], env: { YZT_SMS_SECRET: SECRET } } });
  const card = loadCard('resident');
  const counters: YztProcess[] = [];
  let officialNo = '';
  let b: Page;
  let c: Page;
  let lobby: Taps;
  // Registered after the stack's hooks, so it runs before them: the counters stop before the central.
  afterAll(async () => {
    for (const p of counters.reverse()) await p.stop();
  });

  /** A counter PC of 武陟: enrolled, its court token, one reception clerk, the court's account in its profile file. */
  const counterPc = async (name: string, account: string, display: string): Promise<Page> => {
    const dir = join(k.stack.dir, name);
    const centralDb = join(k.stack.dir, 'central.sqlite');
    await enrolWithLocalCentral({ centralDb, centralUrl: k.stack.centralUrl, dataDir: dir, courtId: COURT });
    writeFileSync(join(dir, 'courts.json'), JSON.stringify([{ ...findCourt(COURT)!, paymentAccount: ACCOUNT }]));
    yzt(['counter', 'set-token', '--data', dir], `${yzt(['central', 'court-token', '--court', COURT, '--name', `窗口-${name}`, '--db', centralDb]).trim()}\n`);
    yzt(['counter', 'add-user', '--name', account, '--display', display, '--role', 'reception', '--data', dir], 'whole-life-pass-1\n');
    const p = await spawnYzt(['kiosk', 'serve', '--port', '0', '--data', dir, '--central', k.stack.centralUrl, '--sync-max-delay', '500'], /kiosk: (http:\/\/\S+)/);
    counters.push(p);
    const page = await k.browser.newPage({ viewport: { width: 1400, height: 1100 } });
    await page.goto(hostLaunch(p.ready[1] ?? '').page('/counter'));
    await page.getByLabel('账号').fill(account);
    await page.getByLabel('密码').fill('whole-life-pass-1');
    await page.getByTestId('counter-signin-submit').click();
    await page.getByTestId('clerk-name').filter({ hasText: display }).waitFor();
    return page;
  };

  const openCase = async (page: Page) => {
    if (await page.getByTestId('case-back').isVisible()) await page.getByTestId('case-back').click();
    const row = page.getByTestId('queue-row').filter({ hasText: officialNo });
    await row.waitFor({ timeout: 20_000 });
    await row.getByTestId('queue-open').click();
    await page.getByTestId('case-number').filter({ hasText: officialNo }).waitFor();
  };

  it('files at kiosk A by touch with SMS consent; the central numbers it', async () => {
    await k.page.context().close();
    const page = await openTouchKiosk(k.browser, k.stack.kioskUrl);
    const t = await elderlyWalkToReview(page, k.stack, card, { progressSms: true, courtCode: '豫0823', principal: '12345.67' });
    await signAndSubmitByTouch(t);
    const shown = page.getByTestId('official-no').filter({ hasText: /豫0823执\d+号/ });
    await shown.waitFor({ timeout: 20_000 });
    officialNo = (await shown.textContent())!.match(/（\d{4}）豫0823执\d+号/)![0];
    await t.tap(page.getByTestId('done'));
    await page.getByTestId('take-card').waitFor();
    await liftCard(page, k.stack);
    lobby = t;
  });

  it('B verifies and corrects the amount; C and kiosk A show 7,500 from the central', async () => {
    [b, c] = [await counterPc('counter-b', 'wangli', '王丽'), await counterPc('counter-c', 'zhaomin', '赵敏')];
    await openCase(b);
    for (const f of ['parties', 'subject-kind', 'basis-number', 'basis-content']) {
      await b.getByTestId(`verify-ok-${f}`).click();
      await b.getByTestId(`state-${f}`).filter({ hasText: '已核对无误' }).waitFor();
    }
    await b.getByTestId('verify-fix-amount').click();
    await b.getByTestId('correct-value').fill('7500');
    await b.getByTestId('correct-reason').fill(REASON);
    await b.getByTestId('correct-save').click();
    await b.getByTestId('state-amount').filter({ hasText: '原为：12,345.67 元' }).waitFor();
    expect(await b.getByTestId('value-amount').textContent()).toBe('7,500.00 元');

    await openCase(c);
    await c.getByTestId('state-amount').filter({ hasText: '原为：12,345.67 元' }).waitFor({ timeout: 20_000 });
    expect(await c.getByTestId('state-amount').textContent()).toContain(`理由：${REASON}`);
    expect(await c.getByTestId('value-amount').textContent()).toBe('7,500.00 元');

    // Back at kiosk A the applicant asks for progress with the card: 7,500 once A has pulled it.
    const kiosk = lobby.page;
    await expect
      .poll(async () => {
        await lobby.tap(kiosk.getByTestId('start-status'));
        await kiosk.getByTestId('status').waitFor();
        k.stack.sim.placeCard(card);
        const list = kiosk.getByTestId('status-list').filter({ hasText: officialNo });
        await list.waitFor();
        const text = await list.textContent();
        await lobby.tap(kiosk.getByTestId('status-done'));
        await kiosk.getByTestId('take-card').waitFor();
        await liftCard(kiosk, k.stack);
        return text;
      }, { timeout: 30_000, interval: 500 })
      .toContain('¥ 7,500.00');
  });

  it('prints the reception record (then locked) and takes the signed scan of that version', async () => {
    await b.getByLabel('记录人').fill('李记录');
    await b.getByTestId('reception-from-verify').click();
    expect(await b.getByLabel('二、核对执行立案信息').inputValue()).toContain('执行标的金额由“12,345.67 元”更正为“7,500.00 元”');
    await b.getByLabel('四、对终结本次执行程序的意见').fill('申请人不同意终结本次执行程序');
    await b.getByTestId('reception-save').click();
    await b.getByTestId('reception-state').filter({ hasText: '未打印' }).waitFor();
    expect(await b.getByLabel('其他事项').isDisabled()).toBe(false);
    await b.getByTestId('reception-print').click();
    await b.getByTestId('reception-version').filter({ hasText: '第 1 版 · 已打印，已锁定' }).waitFor();
    expect(await b.getByLabel('其他事项').isDisabled()).toBe(true);
    await b.getByTestId('reception-scan').setInputFiles({ name: 'signed.png', mimeType: 'image/png', buffer: Buffer.from(pngDataUrl().split(',')[1]!, 'base64') });
    await b.getByTestId('reception-state').filter({ hasText: '签名页已扫描' }).waitFor();
    expect(await b.getByTestId('reception-version').textContent()).toContain('第 1 版 · 已打印，已锁定');
    // The other counter has the same version with its scan, from the central.
    await openCase(c);
    await c.getByTestId('reception-version').filter({ hasText: '第 1 版 · 已打印，已锁定' }).waitFor({ timeout: 20_000 });
    await c.getByTestId('reception-state').filter({ hasText: '签名页已扫描' }).waitFor({ timeout: 20_000 });
  });

  it('records a tag with its source; the case goes to the tagged team, shown by its Chinese name', async () => {
    await b.getByTestId('triage-suggestion').filter({ hasText: '应急团队' }).waitFor();
    const finance = b.getByTestId('tag-finance');
    await finance.getByTestId('tag-check').check();
    await finance.getByTestId('tag-source').selectOption('basis-document');
    await finance.getByTestId('tag-note').fill('金融借款合同纠纷，申请人为银行');
    await b.getByTestId('tags-save').click();
    await b.getByTestId('tags-recorded').filter({ hasText: '涉金融（判决书等执行依据：金融借款合同纠纷，申请人为银行）' }).waitFor();
    await b.getByTestId('triage-suggestion').filter({ hasText: '建议：金融案件执行团队' }).waitFor();
    await b.getByTestId('triage-accept').click();
    await b.getByTestId('triage-decision').filter({ hasText: '已分流至 金融案件执行团队（采纳建议）' }).waitFor();
    // Triage accepts the case (受理) at the central, which sends the 受理 SMS.
    const [first] = await sim.waitFor(1);
    expect(first!.text).toBe(`【武陟县人民法院】您的执行申请已受理，案号${officialNo}。可凭案号在自助终端或执行立案窗口查询进度。`);
  });

  it('drafts the 执行通知书 with the corrected amount, the filing date, the account and the recipient', async () => {
    // The filing date is the central's: read where the central keeps it.
    const central = openDatabase(join(k.stack.dir, 'central.sqlite'), 'central');
    const acceptedAt = central.prepare('SELECT accepted_at FROM cases WHERE official_no = ?').pluck().get(officialNo) as string;
    central.close();
    const day = chinaDate(new Date(acceptedAt));
    await b.getByTestId('notice-draft-enforcement').click();
    const text = b.getByTestId('notice-text');
    await text.waitFor();
    const shown = (await text.textContent()) ?? '';
    expect(shown.startsWith(`${ELDERLY.respondent}：`)).toBe(true);
    expect(shown).toContain(`本院已于${day.slice(0, 4)}年${day.slice(5, 7)}月${day.slice(8, 10)}日立案执行，案号为${officialNo}`);
    expect(shown).toContain('支付7,500.00元');
    expect(shown).not.toContain('12,345.67');
    expect(shown).toContain(`户名：${ACCOUNT.accountName}，开户行：${ACCOUNT.bank}，账号：${ACCOUNT.accountNo}`);
    expect(await b.getByTestId('notice-empty').count()).toBe(0);
  });

  it('finishes the case; the simulator receives the 受理 and 分配团队 SMS, nothing personal', async () => {
    await b.getByTestId('case-done').click();
    await b.getByTestId('case-done').filter({ hasText: '已办结' }).waitFor();
    await b.screenshot({ path: join(SCREENSHOT_DIR, 'case-whole-life-counter.png'), fullPage: true });
    const got = await sim.waitFor(2);
    expect(got.map((m) => [m.phone, m.text])).toEqual([
      [ELDERLY.phone, `【武陟县人民法院】您的执行申请已受理，案号${officialNo}。可凭案号在自助终端或执行立案窗口查询进度。`],
      [ELDERLY.phone, `【武陟县人民法院】您的执行案件${officialNo}已分配至金融案件执行团队办理。`],
    ]);
    for (const m of got) for (const personal of [card.name, card.idNumber, ELDERLY.respondent, '7,500', '12,345', ELDERLY.account]) expect(m.text).not.toContain(personal);
  });
});
