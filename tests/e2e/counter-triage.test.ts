/**
 * Triage at the counter of 武陟 in Debian Chromium through the host shell, on real parts (the
 * central gateway, the kiosk host shell, the ID card simulator, accounts made with
 * `yzt counter add-user`), issue 14 item 4: a reception clerk answers the court's criteria
 * (涉金融 from the judgment, 需处分财产 from the applicant) with their sources; the suggestion
 * names the tagged team by its Chinese name and cites the rule as a document; the court's own
 * counter periods are shown (reception at once, notices within 2 days). A team leader, in his
 * own browser, overrides from a picker of the court's teams; the reception clerk's attempt to
 * undo it through the API is refused, and her screen shows the leader's decision as binding.
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
import { tempDir } from '../support/tmp.js';
import { draft } from '../support/fixtures.js';
import { hostLaunch } from '../support/host-launch.js';

const TOKEN = 'court-api-token-for-triage-e2e';
const PASSWORD = 'counter-e2e-pass-1';

describe('counter triage at 武陟: criteria with sources, the suggestion by name, a leader’s override that binds', () => {
  const tmp = tempDir('yzt-counter-triage-e2e-');
  const kioskDir = join(tmp.path, 'kiosk');
  let central: YztProcess;
  let kiosk: YztProcess;
  let sim: IdCardSimulator;
  let kioskUrl = '';
  let browser: Browser;
  let reception: Page;
  let leader: Page;
  let filed = { id: '', provisionalNo: '' };

  const addUser = (name: string, display: string, role: string) =>
    execFileSync(process.execPath, [join(APP_ROOT, 'bin', 'yzt.mjs'), 'counter', 'add-user', '--name', name, '--display', display, '--role', role, '--data', kioskDir], { input: `${PASSWORD}\n` });

  const signIn = async (page: Page, account: string, display: string) => {
    await page.getByLabel('账号').fill(account);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByTestId('counter-signin-submit').click();
    await page.getByTestId('clerk-name').filter({ hasText: display }).waitFor();
  };

  const openFiling = async (page: Page) => {
    const row = page.locator(`[data-testid="queue-row"][data-provisional="${filed.provisionalNo}"]`);
    await row.waitFor();
    await row.getByTestId('queue-open').click();
    await page.getByTestId('case-view').waitFor();
  };

  beforeAll(async () => {
    const centralDb = join(tmp.path, 'central.sqlite');
    central = await spawnYzt(['central', 'serve', '--port', '0', '--db', centralDb, '--admin-token', TOKEN], /listening on (http:\/\/\S+)/);
    const centralUrl = central.ready[1] ?? '';
    sim = await startIdCardSimulator({ link: join(tmp.path, 'idcard'), card: null });
    await enrolWithLocalCentral({ centralDb, centralUrl, dataDir: kioskDir, courtId: 'wuzhi' });
    addUser('wangli', '王丽', 'reception');
    addUser('zhangjz', '张建中', 'leader');
    kiosk = await spawnYzt(['kiosk', 'serve', '--port', '0', '--data', kioskDir, '--central', centralUrl, '--reader', sim.appPath, '--sync-max-delay', '500'], /kiosk: (http:\/\/\S+)/, {
      env: { YZT_CENTRAL_ADMIN_TOKEN: TOKEN },
    });
    kioskUrl = kiosk.ready[1] ?? '';
    browser = await launchChromium();
    // The filing is set-up, not what is tested: made through the API with the card on the reader.
    const applicant = await browser.newPage();
    await applicant.goto(hostLaunch(kioskUrl).page('/counter'));
    sim.placeCard(loadCard('resident'));
    await vi.waitFor(
      async () => {
        const r = await pageApi<{ card: unknown }>(applicant, 'session.current', null);
        if (!r.ok || r.value.card == null) throw new Error('card not read yet');
      },
      { timeout: 10_000, interval: 100 },
    );
    const doc = await pageApi<{ id: string }>(applicant, 'document.add', { kind: 'basis', dataUrl: pngDataUrl() });
    if (!doc.ok) throw new Error(doc.error.message_zh);
    const r = await pageApi<{ filing: { id: string; provisionalNo: string } }>(applicant, 'filing.submit', draft({ basisNumber: '(2025)豫0823民初321号', documentIds: [doc.value.id] }));
    if (!r.ok) throw new Error(`submit: ${r.error.code} ${r.error.message_zh}`);
    filed = { id: r.value.filing.id, provisionalNo: r.value.filing.provisionalNo };
    await pageApi(applicant, 'session.end', { reason: 'done' });
    await applicant.close();
    // Two clerks at two desks: each browser context keeps its own session.
    reception = await (await browser.newContext({ viewport: { width: 1400, height: 1100 } })).newPage();
    leader = await (await browser.newContext({ viewport: { width: 1400, height: 1100 } })).newPage();
    await reception.goto(hostLaunch(kioskUrl).page('/counter'));
    await leader.goto(hostLaunch(kioskUrl).page('/counter'));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await kiosk?.stop();
    await central?.stop();
    await sim?.close();
    tmp.cleanup();
  });

  it("shows the court's counter periods and criteria, and the reception clerk records the tags with their sources", async () => {
    await signIn(reception, 'wangli', '王丽');
    await openFiling(reception);
    // 武陟's own periods, cited by the document: reception at once, notices within 2 days.
    await reception.getByTestId('deadline-reception').filter({ hasText: '立即' }).filter({ hasText: '《武陟县人民法院执行权运行机制改革实施方案》第三章一（一）第1项' }).waitFor();
    await reception.getByTestId('deadline-notices').filter({ hasText: '2日内' }).waitFor();
    // Without tags: under 30,000 yuan, so the emergency team.
    await reception.getByTestId('triage-suggestion').filter({ hasText: '应急团队' }).waitFor();

    const finance = reception.getByTestId('tag-finance');
    await finance.getByTestId('tag-check').check();
    await finance.getByTestId('tag-source').selectOption('basis-document');
    await finance.getByTestId('tag-note').fill('金融借款合同纠纷，申请人为银行');
    const disposal = reception.getByTestId('tag-asset-disposal');
    await disposal.getByTestId('tag-check').check();
    await disposal.getByTestId('tag-source').selectOption('applicant-statement');
    await reception.getByTestId('tags-save').click();

    await reception.getByTestId('tags-recorded').filter({ hasText: '涉金融（判决书等执行依据：金融借款合同纠纷，申请人为银行）' }).filter({ hasText: '需处分财产（申请人陈述）' }).waitFor();
    const suggestion = reception.getByTestId('triage-suggestion');
    await suggestion.filter({ hasText: '建议：金融案件执行团队' }).waitFor();
    expect(await reception.getByTestId('triage-citation').textContent()).toBe('《武陟县人民法院执行权运行机制改革实施方案》第三章六');
    expect(await suggestion.textContent()).not.toMatch(/seed \d{3}|建议：finance/);
    await reception.screenshot({ path: join(SCREENSHOT_DIR, 'counter-triage-1-tags.png'), fullPage: true });
  });

  it("lets a team leader override from a picker of the court's teams, shown by name", async () => {
    await signIn(leader, 'zhangjz', '张建中');
    await openFiling(leader);
    await leader.getByTestId('triage-suggestion').filter({ hasText: '金融案件执行团队' }).waitFor();
    await leader.getByTestId('triage-leader').locator('summary').click();
    const picker = leader.getByTestId('override-team');
    const options = await picker.locator('option').allTextContents();
    expect(options).toEqual(expect.arrayContaining(['速执团队 / fast-track team', '大额案件执行团队 / large-case team', '金融案件执行团队 / finance team']));
    await picker.selectOption({ label: '大额案件执行团队 / large-case team' });
    await leader.getByTestId('override-reason').fill('被执行人名下多处房产，需评估拍卖');
    await leader.getByTestId('override-submit').click();
    const decision = leader.getByTestId('triage-decision');
    await decision.filter({ hasText: '已分流至 大额案件执行团队' }).filter({ hasText: '只有团队负责人可以更改' }).waitFor();
    expect(await decision.textContent()).not.toContain('large（');
  });

  it("refuses the reception clerk's attempt to undo the leader's decision through the API, and her screen shows it binding", async () => {
    const session = await pageApi<{ token: string }>(reception, 'counter.signIn', { account: 'wangli', password: PASSWORD });
    if (!session.ok) throw new Error(session.error.message_zh);
    const undo = await pageApi(reception, 'counter.triage.decide', { token: session.value.token, filingId: filed.id, decision: 'accept' });
    expect(undo.ok).toBe(false);
    if (!undo.ok) expect(undo.error).toMatchObject({ code: 'counter.leader-decision', message_zh: '该案件的分流由团队负责人决定，只有团队负责人可以更改' });
    const override = await pageApi(reception, 'counter.triage.decide', { token: session.value.token, filingId: filed.id, decision: 'override', team: 'finance', reason: '改回' });
    expect(override.ok).toBe(false);

    await reception.getByTestId('case-back').click();
    await openFiling(reception);
    await reception.getByTestId('triage-decision').filter({ hasText: '已分流至 大额案件执行团队' }).filter({ hasText: '团队负责人决定' }).waitFor();
    expect(await reception.getByTestId('triage-accept').count()).toBe(0);
    expect(await reception.getByTestId('triage-leader').count()).toBe(0);
    await reception.screenshot({ path: join(SCREENSHOT_DIR, 'counter-triage-2-bound.png'), fullPage: true });
  });
});
