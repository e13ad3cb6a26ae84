/**
 * The counter console in Debian Chromium through the host shell, on real parts: the central
 * gateway with its court API, the kiosk host shell with the ID card simulator, the clerk
 * account made with `yzt counter add-user`. A clerk signs in, opens a kiosk filing, verifies
 * and corrects a field, records and prints the first reception (the PDF read back with
 * pdftotext), attaches the signed scan, accepts the triage suggestion and finishes the case;
 * another filing cannot be finished without reception, is returned for correction, and the
 * reason reaches the kiosk's status query through the central and the kiosk's pull.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, SCREENSHOT_DIR } from './support/browser.js';
import { pageApi, pngDataUrl } from './support/page-api.js';
import { loadCard } from './support/stack.js';
import { spawnYzt, type YztProcess } from '../../src-main/proc/spawn-yzt.js';
import { startIdCardSimulator, type IdCardSimulator } from '../../hardware/id-card/index.js';
import { enrolWithLocalCentral } from '../../src-main/sync/enrol-local.js';
import { APP_ROOT } from '../../src-main/paths.js';
import { tempDir } from '../support/tmp.js';
import { draft } from '../support/fixtures.js';
import { hostLaunch } from '../support/host-launch.js';

const TOKEN = 'court-api-token-for-counter-e2e';
const PASSWORD = 'counter-e2e-pass-1';


interface Filed {
  id: string;
  provisionalNo: string;
  receiptCode: string;
}

describe('counter console: a clerk walks two kiosk filings', () => {
  const tmp = tempDir('yzt-counter-e2e-');
  const kioskDir = join(tmp.path, 'kiosk');
  let central: YztProcess;
  let kiosk: YztProcess;
  let sim: IdCardSimulator;
  let kioskUrl = '';
  let browser: Browser;
  let page: Page;
  let applicantPage: Page;
  const filed: Filed[] = [];

  const api = pageApi;

  const cardOnReader = (present: boolean) =>
    vi.waitFor(
      async () => {
        const r = await api<{ card: unknown }>(applicantPage, 'session.current', null);
        if (!r.ok || (r.value.card != null) !== present) throw new Error(`card on reader should be ${present}`);
      },
      { timeout: 10_000, interval: 100 },
    );

  beforeAll(async () => {
    const centralDb = join(tmp.path, 'central.sqlite');
    central = await spawnYzt(['central', 'serve', '--port', '0', '--db', centralDb, '--admin-token', TOKEN], /listening on (http:\/\/\S+)/);
    const centralUrl = central.ready[1] ?? '';
    sim = await startIdCardSimulator({ link: join(tmp.path, 'idcard'), card: null });
    await enrolWithLocalCentral({ centralDb, centralUrl, dataDir: kioskDir });
    execFileSync(process.execPath, [join(APP_ROOT, 'bin', 'yzt.mjs'), 'counter', 'add-user', '--name', 'wangli', '--display', '王丽', '--role', 'reception', '--data', kioskDir], { input: `${PASSWORD}\n` });
    kiosk = await spawnYzt(['kiosk', 'serve', '--port', '0', '--data', kioskDir, '--central', centralUrl, '--reader', sim.appPath, '--sync-max-delay', '500'], /kiosk: (http:\/\/\S+)/, {
      env: { YZT_CENTRAL_ADMIN_TOKEN: TOKEN },
    });
    kioskUrl = kiosk.ready[1] ?? '';
    browser = await launchChromium();
    applicantPage = await browser.newPage();
    // The applicant's calls go through the API from a page of the kiosk's origin that leaves the
    // kiosk session alone (the kiosk screen itself ends sessions on its own timers).
    await applicantPage.goto(hostLaunch(kioskUrl).page('/counter'));
    // Two applicants file at the kiosk, each with the card on the reader and a photographed page.
    const card = loadCard('resident');
    for (const respondent of ['李四', '王五']) {
      sim.removeCard();
      await cardOnReader(false);
      sim.placeCard(card);
      await cardOnReader(true);
      const doc = await api<{ id: string }>(applicantPage, 'document.add', { kind: 'basis', dataUrl: pngDataUrl() });
      if (!doc.ok) throw new Error(doc.error.message_zh);
      const r = await api<{ filing: Filed; receiptCode: string }>(applicantPage, 'filing.submit', draft({ respondents: [{ kind: 'person', name: respondent, address: '河南省焦作市示例路2号', phone: '13900000000' }], documentIds: [doc.value.id] }));
      if (!r.ok) throw new Error(`submit ${respondent}: ${r.error.code} ${JSON.stringify(await api(applicantPage, "session.current", null))}`);
      filed.push({ id: r.value.filing.id, provisionalNo: r.value.filing.provisionalNo, receiptCode: r.value.receiptCode });
      await api(applicantPage, 'session.end', { reason: 'done' });
    }
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    await page.goto(hostLaunch(kioskUrl).page('/counter'));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await kiosk?.stop();
    await central?.stop();
    await sim?.close();
    tmp.cleanup();
  });

  const openFiling = async (f: Filed) => {
    if (await page.getByTestId('case-back').isVisible()) await page.getByTestId('case-back').click();
    await page.locator(`[data-testid="queue-row"][data-provisional="${f.provisionalNo}"]`).getByTestId('queue-open').click();
    await page.getByTestId('case-view').waitFor();
  };

  it('signs the clerk in (and refuses a wrong password)', async () => {
    await page.getByLabel('账号').fill('wangli');
    await page.getByLabel('密码').fill('wrong-password-1');
    await page.getByTestId('counter-signin-submit').click();
    await page.getByTestId('counter-error').filter({ hasText: '账号或密码不正确' }).waitFor();
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByTestId('counter-signin-submit').click();
    await page.getByTestId('clerk-name').filter({ hasText: '王丽' }).waitFor();
    await expect.poll(() => page.getByTestId('queue-row').count()).toBe(2);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'counter-1-queue.png') });
  });

  it('verifies and corrects a field beside the scanned page, keeping the original', async () => {
    await openFiling(filed[0]!);
    await page.locator('.counter-pages img').first().waitFor();
    await page.getByTestId('verify-ok-parties').click();
    await page.getByTestId('state-parties').filter({ hasText: '已核对无误' }).waitFor();
    await page.getByTestId('verify-fix-amount').click();
    await page.getByTestId('correct-value').fill('12,000.00 元');
    await page.getByTestId('correct-reason').fill('与判决主文核对，本金为12000元');
    await page.getByTestId('correct-save').click();
    await page.getByTestId('state-amount').filter({ hasText: '原为：12,345.67 元' }).waitFor();
    expect(await page.getByTestId('value-amount').textContent()).toBe('12,000.00 元');
    // 办结 waits for each of the five items of seed 002 art. 7(一).
    for (const f of ['subject-kind', 'basis-number', 'basis-content']) {
      await page.getByTestId(`verify-ok-${f}`).click();
      await page.getByTestId(`state-${f}`).filter({ hasText: '已核对无误' }).waitFor();
    }
  });

  it('records and prints the first reception with every required field, and takes the signed scan', async () => {
    await page.getByLabel('记录人').fill('赵敏');
    await page.getByTestId('reception-from-verify').click();
    expect(await page.getByLabel('二、核对执行立案信息').inputValue()).toContain('执行标的金额由“12,345.67 元”更正为“12,000.00 元”');
    await page.getByLabel('三、被执行人及其财产情况').fill('被执行人名下有小型轿车一辆');
    await page.getByLabel('四、对终结本次执行程序的意见').fill('申请人不同意终结本次执行程序');
    await page.getByTestId('reception-save').click();
    await page.getByTestId('reception-state').filter({ hasText: '未打印' }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByTestId('reception-print').click();
    await page.getByTestId('reception-state').filter({ hasText: '已打印' }).waitFor();
    await page.getByTestId('reception-pdf-link').click();
    const file = join(tmp.path, 'reception.pdf');
    await (await download).saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const card = loadCard('resident');
    for (const s of ['初次接待笔录', '案号', '时间', '王丽', '赵敏', card.name, '送达地址', '联系方式', '核对执行立案信息', '已核对执行主体信息', '小型轿车一辆', '终结本次执行程序', '谈话人（签名）', '记录人（签名）', '被谈话人（签名）']) {
      expect(text, s).toContain(s);
    }
    expect(text).toMatch(/（20\d\d）豫0811执\d+号|临-/);
    await page.getByTestId('reception-scan').setInputFiles({ name: 'signed.png', mimeType: 'image/png', buffer: Buffer.from(pngDataUrl().split(',')[1]!, 'base64') });
    await page.getByTestId('reception-state').filter({ hasText: '签名页已扫描' }).waitFor();
    expect(readFileSync(file).subarray(0, 4).toString()).toBe('%PDF');
  });

  it('accepts the triage suggestion and finishes the case', async () => {
    const suggestion = await page.getByTestId('triage-suggestion').textContent();
    expect(suggestion).toMatch(/建议：.+（规则：/);
    await page.getByTestId('triage-accept').click();
    await page.getByTestId('triage-decision').filter({ hasText: '采纳建议' }).waitFor();
    await page.getByTestId('case-done').click();
    await page.getByTestId('case-done').filter({ hasText: '已办结' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'counter-2-case.png'), fullPage: true });
  });

  it('refuses to finish a filing without reception, returns it, and the reason reaches the kiosk status query', async () => {
    await openFiling(filed[1]!);
    await page.getByTestId('case-done').click();
    await page.getByTestId('counter-error').filter({ hasText: '没有初次接待笔录' }).waitFor();
    await page.getByTestId('return-code').selectOption('basis-number');
    await page.getByTestId('return-detail').fill('执行依据文号与判决书不一致，请核对后补正');
    await page.getByTestId('return-submit').click();
    await page.getByTestId('return-reasons').filter({ hasText: '执行依据文号有误' }).waitFor();
    // The applicant scans the receipt's QR at the kiosk: the central's answer has come back by pull.
    await expect
      .poll(
        async () => {
          const r = await api<Array<{ statusReason_zh: string | null; provisionalNo: string }>>(applicantPage, 'status.byReceipt', { code: filed[1]!.receiptCode });
          return r.ok ? (r.value[0]?.statusReason_zh ?? '') : r.error.code;
        },
        { timeout: 20_000, interval: 300 },
      )
      .toContain('执行依据文号与判决书不一致');
    const again = await api<Array<{ provisionalNo: string }>>(applicantPage, 'status.byReceipt', { code: filed[1]!.receiptCode });
    expect(again.ok && again.value[0]?.provisionalNo).toBe(filed[1]!.provisionalNo);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'counter-3-returned.png'), fullPage: true });
  });
});
