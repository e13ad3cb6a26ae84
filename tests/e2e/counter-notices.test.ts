/**
 * Notices at the counter in Debian Chromium through the host shell (issue 14 point 5), on real
 * parts: the central gateway, the kiosk host shell with the ID card simulator and the court's
 * profile file (courts.json) naming its 一案一账户 account. Two applicants file at the kiosk
 * (one for 执前督); the clerk corrects the first case's amount 12,345.67 → 7,500, drafts its
 * 执行通知书 (corrected amount, the central's filing date, the account, the respondent as
 * recipient) and issues it; the 执前督 case offers only the 督促履行通知书, whose issuing is
 * refused while {{督促期限}} is empty, the refusal naming it in Chinese and English.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, SCREENSHOT_DIR } from './support/browser.js';
import { pageApi, pngDataUrl } from './support/page-api.js';
import { loadCard } from './support/stack.js';
import { spawnYzt, type YztProcess } from '../../src-main/proc/spawn-yzt.js';
import { startIdCardSimulator, type IdCardSimulator } from '../../hardware/id-card/index.js';
import { enrolWithLocalCentral } from '../../src-main/sync/enrol-local.js';
import { APP_ROOT } from '../../src-main/paths.js';
import { findCourt } from '../../src-shared/courts/court-profile.js';
import { chinaDate } from '../../src-shared/time/china-time.js';
import { tempDir } from '../support/tmp.js';
import { draft } from '../support/fixtures.js';
import { hostLaunch } from '../support/host-launch.js';

const TOKEN = 'court-api-token-for-notices-e2e';
const PASSWORD = 'notices-e2e-pass-1';
const ACCOUNT = { accountName: '焦作市山阳区人民法院', bank: '中国工商银行焦作山阳支行', accountNo: '1709 0201 0902 0000 123', perCase: true, source: 'seed 003 ch.3 一(三)2' };

interface Filed {
  id: string;
  provisionalNo: string;
  receiptCode: string;
}

describe('counter notices: the corrected 执行通知书, the empty-placeholder refusal, the 督促履行通知书', () => {
  const tmp = tempDir('yzt-notices-e2e-');
  const kioskDir = join(tmp.path, 'kiosk');
  let central: YztProcess;
  let kiosk: YztProcess;
  let sim: IdCardSimulator;
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

  /** The filing as the applicant's receipt QR shows it, once the central has numbered it. */
  const numbered = async (f: Filed) => {
    let got: { officialNo: string; acceptedAt: string } | null = null;
    await vi.waitFor(
      async () => {
        const r = await api<Array<{ officialNo: string | null; acceptedAt: string | null }>>(applicantPage, 'status.byReceipt', { code: f.receiptCode });
        const v = r.ok ? r.value[0] : undefined;
        if (!v?.officialNo || !v.acceptedAt) throw new Error('not numbered yet');
        got = { officialNo: v.officialNo, acceptedAt: v.acceptedAt };
      },
      { timeout: 20_000, interval: 200 },
    );
    return got!;
  };

  beforeAll(async () => {
    const centralDb = join(tmp.path, 'central.sqlite');
    central = await spawnYzt(['central', 'serve', '--port', '0', '--db', centralDb, '--admin-token', TOKEN], /listening on (http:\/\/\S+)/);
    const centralUrl = central.ready[1] ?? '';
    sim = await startIdCardSimulator({ link: join(tmp.path, 'idcard'), card: null });
    await enrolWithLocalCentral({ centralDb, centralUrl, dataDir: kioskDir });
    // IT staff's profile file: the court's account for the 执行通知书 (seed 003 ch.3 一(三)2).
    writeFileSync(join(kioskDir, 'courts.json'), JSON.stringify([{ ...findCourt('jiaozuo-shanyang')!, paymentAccount: ACCOUNT }]));
    execFileSync(process.execPath, [join(APP_ROOT, 'bin', 'yzt.mjs'), 'counter', 'add-user', '--name', 'wangli', '--display', '王丽', '--role', 'reception', '--data', kioskDir], { input: `${PASSWORD}\n` });
    kiosk = await spawnYzt(['kiosk', 'serve', '--port', '0', '--data', kioskDir, '--central', centralUrl, '--reader', sim.appPath, '--sync-max-delay', '500'], /kiosk: (http:\/\/\S+)/, {
      env: { YZT_CENTRAL_ADMIN_TOKEN: TOKEN },
    });
    const kioskUrl = kiosk.ready[1] ?? '';
    browser = await launchChromium();
    applicantPage = await browser.newPage();
    await applicantPage.goto(hostLaunch(kioskUrl).page('/counter'));
    const card = loadCard('resident');
    const pre = { servedByPublicNotice: false, urgent: false, applicantRefuses: false };
    for (const [respondent, preEnforcement] of [['李四', undefined], ['王五', pre]] as const) {
      sim.removeCard();
      await cardOnReader(false);
      sim.placeCard(card);
      await cardOnReader(true);
      const doc = await api<{ id: string }>(applicantPage, 'document.add', { kind: 'basis', dataUrl: pngDataUrl() });
      if (!doc.ok) throw new Error(doc.error.message_zh);
      const body = draft({ respondents: [{ kind: 'person', name: respondent, address: '河南省焦作市示例路2号', phone: '13900000000' }], documentIds: [doc.value.id], ...(preEnforcement ? { preEnforcement } : {}) });
      const r = await api<{ filing: Filed; receiptCode: string }>(applicantPage, 'filing.submit', body);
      if (!r.ok) throw new Error(`submit ${respondent}: ${r.error.code}`);
      filed.push({ id: r.value.filing.id, provisionalNo: r.value.filing.provisionalNo, receiptCode: r.value.receiptCode });
      await api(applicantPage, 'session.end', { reason: 'done' });
    }
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(hostLaunch(kioskUrl).page('/counter'));
    await page.getByLabel('账号').fill('wangli');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByTestId('counter-signin-submit').click();
    await page.getByTestId('clerk-name').filter({ hasText: '王丽' }).waitFor();
  }, 90_000);

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

  it('drafts the 执行通知书 of a corrected case with the corrected amount, filing date, account and recipient, and issues it', async () => {
    const { officialNo, acceptedAt } = await numbered(filed[0]!);
    await openFiling(filed[0]!);
    await page.getByTestId('verify-fix-amount').click();
    await page.getByTestId('correct-value').fill('7500');
    await page.getByTestId('correct-reason').fill('与判决主文核对，应为7500元');
    await page.getByTestId('correct-save').click();
    await page.getByTestId('state-amount').filter({ hasText: '原为：12,345.67 元' }).waitFor();
    await page.getByTestId('notice-draft-enforcement').click();
    const text = page.getByTestId('notice-text');
    await text.waitFor();
    const shown = (await text.textContent()) ?? '';
    const day = chinaDate(new Date(acceptedAt));
    expect(shown.startsWith('李四：')).toBe(true);
    expect(shown).toContain(`本院已于${day.slice(0, 4)}年${day.slice(5, 7)}月${day.slice(8, 10)}日立案执行，案号为${officialNo}`);
    expect(shown).toContain('支付7,500.00元');
    expect(shown).not.toContain('12,345.67');
    expect(shown).toContain(`户名：${ACCOUNT.accountName}，开户行：${ACCOUNT.bank}，账号：${ACCOUNT.accountNo}`);
    expect(await page.getByTestId('notice-empty').count()).toBe(0);
    await page.getByTestId('notice-issue').click();
    await page.getByTestId('notice-shown').filter({ hasText: '（已签发）' }).waitFor();
    expect(await page.getByTestId('counter-error').count()).toBe(0);
    // The related-case search at the central is kept with the filing (seed 001 art. 9) and shown with it.
    await page.getByTestId('related-search').click();
    await page.getByTestId('related-kept').filter({ hasText: '随立案材料一并移交' }).waitFor();
    expect(await page.getByTestId('related-result').textContent()).toContain('未检索到关联案件');
    await page.getByTestId('related-search').filter({ hasText: '重新检索' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'counter-notice-enforcement.png'), fullPage: true });
  });

  it('offers a 执前督 case only the 督促履行通知书 and refuses to issue it with an empty placeholder, naming it', async () => {
    await numbered(filed[1]!);
    await openFiling(filed[1]!);
    await page.getByTestId('notice-draft-supervision').waitFor();
    expect(await page.getByTestId('notice-draft-enforcement').count()).toBe(0);
    expect(await page.getByTestId('notice-draft-acceptance').count()).toBe(0);
    await page.getByTestId('notice-draft-supervision').click();
    await page.getByTestId('notice-shown').filter({ hasText: '督促履行通知书' }).waitFor();
    expect(await page.getByTestId('notice-text').textContent()).toContain('王五：');
    await page.getByTestId('notice-empty').filter({ hasText: '{{督促期限}}' }).waitFor();
    await page.getByTestId('notice-issue').click();
    const error = page.getByTestId('counter-error').filter({ hasText: '不能签发' });
    await error.waitFor();
    expect(await error.textContent()).toContain('{{督促期限}}');
    expect(await page.getByTestId('counter-error-en').textContent()).toContain('cannot be issued');
    expect(await page.getByTestId('notice-shown').filter({ hasText: '（已签发）' }).count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'counter-notice-supervision.png'), fullPage: true });
  });
});
