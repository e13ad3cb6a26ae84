/**
 * Issue #7 item 11 in Debian Chromium on real processes: what a clerk does on one counter PC
 * reaches the central and the court's other counter PC. The central gateway (SQLite); lobby
 * kiosk A (ID card simulator, no court token) where an applicant files a case with one
 * photographed page; counter PCs B and C, each its own `yzt kiosk serve` with its own data
 * folder, enrolment, court token (`yzt central court-token` into `yzt counter set-token`) and
 * clerk. B's clerk finds A's filing (pulled from the central), sees its page (fetched from the
 * central), verifies one field and corrects the amount 8,000 → 7,500; the central's case and
 * its history have it (old value, reason, clerk), and C's clerk sees both, with the original
 * value, the reason and B's clerk, and 7,500 in the queue (issue 14 item 1). B's reception
 * record, printed and signed, is changed as version 2; version 1 keeps its scan, on B and on C
 * (issue 14 item 3).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, SCREENSHOT_DIR } from './support/browser.js';
import { pageApi, pngDataUrl } from './support/page-api.js';
import { loadCard } from './support/stack.js';
import { spawnYzt, type YztProcess } from '../../src-main/proc/spawn-yzt.js';
import { startIdCardSimulator, type IdCardSimulator } from '../../hardware/id-card/index.js';
import { enrolWithLocalCentral } from '../../src-main/sync/enrol-local.js';
import { APP_ROOT } from '../../src-main/paths.js';
import type { SyncStatus } from '../../src-shared/api/contract.js';
import type { FilingView } from '../../src-shared/domain/filing.js';
import type { CaseCorrectionsResponse } from '../../src-shared/sync/case-correction.js';
import { PNG } from 'pngjs';
import { tempDir } from '../support/tmp.js';
import { draft } from '../support/fixtures.js';
import { hostLaunch } from '../support/host-launch.js';

const YZT = join(APP_ROOT, 'bin', 'yzt.mjs');
const COURT = 'jiaozuo-shanyang';
const REASON = '与判决主文核对，本金为7500元';

const api = pageApi;

const yzt = (args: string[], input = '') => execFileSync(process.execPath, [YZT, ...args], { input, encoding: 'utf8' });

describe('counter console on two terminals of one court', () => {
  const tmp = tempDir('yzt-counter2-e2e-');
  const centralDb = join(tmp.path, 'central.sqlite');
  const procs: YztProcess[] = [];
  let sim: IdCardSimulator;
  let browser: Browser;
  let applicant: Page;
  let pageB: Page;
  let pageC: Page;
  let provisionalNo = '';
  let officialNo = '';
  let centralUrl = '';
  let receiptCode = '';

  /** A counter PC: enrolled, given a court token on stdin, one clerk account, then serving. */
  const startCounterPc = async (name: string, centralUrl: string, clerk: { account: string; display: string; password: string }) => {
    const dir = join(tmp.path, name);
    await enrolWithLocalCentral({ centralDb, centralUrl, dataDir: dir });
    const token = yzt(['central', 'court-token', '--court', COURT, '--name', `窗口-${name}`, '--db', centralDb]).trim();
    yzt(['counter', 'set-token', '--data', dir], `${token}\n`);
    yzt(['counter', 'add-user', '--name', clerk.account, '--display', clerk.display, '--role', 'reception', '--data', dir], `${clerk.password}\n`);
    const p = await spawnYzt(['kiosk', 'serve', '--port', '0', '--data', dir, '--central', centralUrl, '--sync-max-delay', '500'], /kiosk: (http:\/\/\S+)/);
    procs.push(p);
    return p.ready[1] ?? '';
  };

  const signIn = async (page: Page, url: string, account: string, password: string, display: string) => {
    await page.goto(hostLaunch(url).page('/counter'));
    await page.getByLabel('账号').fill(account);
    await page.getByLabel('密码').fill(password);
    await page.getByTestId('counter-signin-submit').click();
    await page.getByTestId('clerk-name').filter({ hasText: display }).waitFor();
  };

  const row = (page: Page) => page.locator(`[data-testid="queue-row"][data-provisional="${provisionalNo}"]`);
  /** The filing's case on a counter page, from wherever that page is. */
  const openOn = async (page: Page) => {
    if (await page.getByTestId('case-back').isVisible()) await page.getByTestId('case-back').click();
    await row(page).waitFor({ timeout: 10_000 });
    await row(page).getByTestId('queue-open').click();
    await page.getByTestId('case-number').filter({ hasText: officialNo }).waitFor();
  };

  beforeAll(async () => {
    const central = await spawnYzt(['central', 'serve', '--port', '0', '--db', centralDb], /listening on (http:\/\/\S+)/);
    procs.push(central);
    centralUrl = central.ready[1] ?? '';
    sim = await startIdCardSimulator({ link: join(tmp.path, 'idcard'), card: null });
    const kioskDir = join(tmp.path, 'kiosk-a');
    await enrolWithLocalCentral({ centralDb, centralUrl, dataDir: kioskDir });
    const kioskA = await spawnYzt(['kiosk', 'serve', '--port', '0', '--data', kioskDir, '--central', centralUrl, '--reader', sim.appPath, '--sync-max-delay', '500'], /kiosk: (http:\/\/\S+)/);
    procs.push(kioskA);
    browser = await launchChromium();
    // The applicant's calls go through kiosk A's API from a page that leaves its session alone.
    applicant = await browser.newPage();
    await applicant.goto(hostLaunch(kioskA.ready[1] ?? '').page('/counter'));
    sim.placeCard(loadCard('resident'));
    await vi.waitFor(
      async () => {
        const r = await api<{ card: unknown }>(applicant, 'session.current', null);
        if (!r.ok || r.value.card == null) throw new Error('no card on the reader yet');
      },
      { timeout: 10_000, interval: 100 },
    );
    const doc = await api<{ id: string }>(applicant, 'document.add', { kind: 'basis', dataUrl: pngDataUrl() });
    if (!doc.ok) throw new Error(doc.error.message_zh);
    const filed = await api<{ filing: FilingView; receiptCode: string }>(applicant, 'filing.submit', draft({ documentIds: [doc.value.id], amountYuan: '8000' }));
    if (!filed.ok) throw new Error(`submit: ${filed.error.code}`);
    provisionalNo = filed.value.filing.provisionalNo;
    receiptCode = filed.value.receiptCode;
    // Kiosk A's own sync: the filing numbered by the central and its page uploaded (read by the
    // session that filed it: filing.get answers nobody else).
    await vi.waitFor(
      async () => {
        const f = await api<FilingView>(applicant, 'filing.get', { id: filed.value.filing.id });
        const s = await api<SyncStatus>(applicant, 'sync.status', null);
        if (!f.ok || !f.value.officialNo || !s.ok || s.value.queueDepth > 0 || (s.value.pagesPending ?? 0) > 0) throw new Error('not at the central yet');
        officialNo = f.value.officialNo;
      },
      { timeout: 15_000, interval: 200 },
    );
    await api(applicant, 'session.end', { reason: 'done' });
    // The counter PCs start after that; their queue asks the court sync for the latest, and what
    // it pulls reaches the open screens as counter.changed.
    const [urlB, urlC] = await Promise.all([
      startCounterPc('counter-b', centralUrl, { account: 'wangli', display: '王丽', password: 'counter-b-pass-1' }),
      startCounterPc('counter-c', centralUrl, { account: 'zhaomin', display: '赵敏', password: 'counter-c-pass-1' }),
    ]);
    pageB = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    pageC = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(pageB, urlB, 'wangli', 'counter-b-pass-1', '王丽');
    await signIn(pageC, urlC, 'zhaomin', 'counter-c-pass-1', '赵敏');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    for (const p of procs.reverse()) await p.stop();
    await sim?.close();
    tmp.cleanup();
  });

  it('B finds the lobby kiosk filing, sees its page from the central, verifies and corrects', async () => {
    // Pulled by the court sync the queue kicked; the queue reloads itself when it arrives.
    await row(pageB).waitFor({ timeout: 10_000 });
    await row(pageB).getByTestId('queue-open').click();
    await pageB.getByTestId('case-number').filter({ hasText: officialNo }).waitFor();
    // B holds no copy of the page: it comes from the central with the court token.
    await pageB.locator('.counter-pages img').first().waitFor();
    expect(await pageB.getByTestId('page-unavailable').count()).toBe(0);
    await pageB.getByTestId('verify-ok-parties').click();
    await pageB.getByTestId('state-parties').filter({ hasText: '已核对无误' }).waitFor();
    await pageB.getByTestId('verify-fix-amount').click();
    // The clerk's own input, typed at the counter PC: an amount must be an amount.
    await pageB.getByTestId('correct-value').fill('abc');
    await pageB.getByTestId('correct-reason').fill(REASON);
    await pageB.getByTestId('correct-save').click();
    await pageB.getByTestId('counter-error').filter({ hasText: '更正后的金额不对' }).waitFor();
    await pageB.getByTestId('correct-value').fill('7500');
    await pageB.getByTestId('correct-save').click();
    await pageB.getByTestId('state-amount').filter({ hasText: '原为：8,000.00 元' }).waitFor();
    expect(await pageB.getByTestId('value-amount').textContent()).toBe('7,500.00 元');
    await pageB.screenshot({ path: join(SCREENSHOT_DIR, 'counter-two-terminals-B.png'), fullPage: true });
  });

  it("C shows B's verification and correction, with the original value, the reason and B's clerk", async () => {
    await row(pageC).waitFor({ timeout: 10_000 });
    await row(pageC).getByTestId('queue-open').click();
    await pageC.getByTestId('case-number').filter({ hasText: officialNo }).waitFor();
    // Opening the case asked C's court sync for the latest; B's records arrive and the open
    // case shows them by itself (counter.changed), with no reopen.
    // (Should B's push still be on its way, C's 15 s poll brings it: the wait covers one.)
    await pageC.getByTestId('state-amount').waitFor({ timeout: 20_000 });
    const amount = await pageC.getByTestId('state-amount').textContent();
    expect(amount).toContain('已更正（原为：8,000.00 元；');
    expect(amount).toContain(`理由：${REASON}`);
    expect(amount).toContain('wangli');
    expect(await pageC.getByTestId('value-amount').textContent()).toBe('7,500.00 元');
    const parties = await pageC.getByTestId('state-parties').textContent();
    expect(parties).toContain('已核对无误');
    expect(parties).toContain('wangli');
    await pageC.locator('.counter-pages img').first().waitFor();
    await pageC.screenshot({ path: join(SCREENSHOT_DIR, 'counter-two-terminals-C.png'), fullPage: true });
    // C's queue lists the corrected amount too.
    await pageC.getByTestId('case-back').click();
    await row(pageC).filter({ hasText: '7,500.00' }).waitFor({ timeout: 10_000 });
  });

  it('has the correction at the central: the case says 7,500, the history keeps 8,000, the reason and the clerk', async () => {
    const token = yzt(['central', 'court-token', '--court', COURT, '--db', centralDb]).trim();
    const read = async () => (await (await fetch(`${centralUrl}/v1/court/corrections?filing=${encodeURIComponent(officialNo)}`, { headers: { authorization: `Bearer ${token}` } })).json()) as CaseCorrectionsResponse;
    // B's court sync sends it right after the clerk saved; the wait covers a retry.
    await expect.poll(async () => (await read()).history.length, { timeout: 15_000, interval: 200 }).toBe(1);
    const h = await read();
    expect(h.officialNo).toBe(officialNo);
    expect(h.corrected).toEqual({ amountFen: 750_000 });
    // wangli is an account of B alone (the central holds none for the court here): no clerk
    // session vouches for it, so the central records the terminal its token names, never the
    // name in the body (counter-accounts.test.ts has clerks signed in at the central).
    expect(h.history[0]).toMatchObject({ field: 'amount', oldValue: '8,000.00 元', newValue: '7,500.00 元', reason: REASON, clerk: '窗口-counter-b' });
    // The lobby kiosk where it was filed learns it with its next pull: its status screen, asked
    // with the receipt's QR as the applicant would (the session that filed has ended), says 7,500.
    await expect
      .poll(async () => {
        const r = await api<FilingView[]>(applicant, 'status.byReceipt', { code: receiptCode });
        return r.ok && r.value[0] ? [r.value[0].officialNo, r.value[0].amountFen] : r.ok ? 'none' : r.error.code;
      }, { timeout: 20_000, interval: 300 })
      .toEqual([officialNo, 750_000]);
  });

  it('locks the printed reception record on B: the change is version 2, and version 1 keeps its signed scan on B and C', async () => {
    await openOn(pageB);
    await pageB.getByLabel('记录人').fill('李记录');
    await pageB.getByTestId('reception-from-verify').click();
    await pageB.getByLabel('四、对终结本次执行程序的意见').fill('申请人不同意终结本次执行程序');
    // Item 三 starts from what the applicant gave at the kiosk (the payee account here).
    expect(await pageB.getByLabel('三、被执行人及其财产情况').inputValue()).toContain('申请执行人收款账户');
    await pageB.getByTestId('reception-save').click();
    await pageB.getByTestId('reception-state').filter({ hasText: '未打印' }).waitFor();
    await pageB.getByTestId('reception-print').click();
    await pageB.getByTestId('reception-version').filter({ hasText: '第 1 版 · 已打印，已锁定' }).waitFor();
    expect(await pageB.getByLabel('其他事项').isDisabled()).toBe(true);
    // A scan over the contract's 6 MB is refused on the spot in plain words; a 4.5 MB one (the host
    // shell used to refuse anything over ~1.5 MB with HTTP 413) goes through.
    const scanOf = (bytes: number) => {
      const b = Buffer.alloc(bytes, 1);
      Buffer.from(pngDataUrl().split(',')[1]!, 'base64').copy(b);
      return b;
    };
    // A real picture of that size (the counter reads every scan's codes, so a damaged one is
    // refused): noise does not compress, 1,250 × 1,200 RGB is about 4.5 MB as PNG.
    const bigPicture = () => {
      const png = new PNG({ width: 1250, height: 1200, colorType: 2 });
      let x = 20261203;
      for (let i = 0; i < png.data.length; i++) png.data[i] = (i & 3) === 3 ? 255 : (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24;
      return PNG.sync.write(png, { colorType: 2 });
    };
    await pageB.getByTestId('reception-scan').setInputFiles({ name: 'too-big.png', mimeType: 'image/png', buffer: scanOf(7_000_000) });
    await pageB.getByTestId('scan-note').filter({ hasText: '扫描件太大' }).waitFor();
    await pageB.getByTestId('reception-scan').setInputFiles({ name: 'signed.png', mimeType: 'image/png', buffer: bigPicture() });
    await pageB.getByTestId('reception-state').filter({ hasText: '签名页已扫描' }).waitFor();
    expect(await pageB.getByTestId('counter-error').count()).toBe(0);

    await pageB.getByTestId('reception-new-version').click();
    await pageB.getByLabel('其他事项').fill('申请人补充：被执行人另有车辆一辆');
    await pageB.getByTestId('reception-save').click();
    await pageB.getByTestId('reception-version').filter({ hasText: '第 2 版' }).waitFor();
    await pageB.getByTestId('reception-state').filter({ hasText: '未打印' }).waitFor();
    expect(await pageB.getByTestId('reception-state').textContent()).toContain('签名页未扫描');
    expect(await pageB.getByTestId('reception-v1').textContent()).toMatch(/第 1 版.*打印.*签名扫描件/);
    await pageB.screenshot({ path: join(SCREENSHOT_DIR, 'counter-two-terminals-B-versions.png'), fullPage: true });

    // C: opening the case shows version 2, and version 1 with its scan.
    await openOn(pageC);
    await pageC.getByTestId('reception-version').filter({ hasText: '第 2 版' }).waitFor({ timeout: 20_000 });
    await pageC.getByTestId('reception-earlier').locator('summary').click();
    await pageC.getByTestId('reception-v1').filter({ hasText: '签名扫描件' }).waitFor({ timeout: 20_000 });
    expect(await pageC.getByTestId('reception-v1').textContent()).not.toContain('无签名扫描件');
    await pageC.screenshot({ path: join(SCREENSHOT_DIR, 'counter-two-terminals-C-versions.png'), fullPage: true });
    expect(await pageC.getByLabel('其他事项').inputValue()).toBe('申请人补充：被执行人另有车辆一辆');
  });
});
