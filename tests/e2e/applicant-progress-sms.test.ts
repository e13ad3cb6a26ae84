/**
 * Progress SMS end to end (issue 14 point 6): an applicant files by touch and taps 同意接收进度短信
 * by the phone; the court accepts the case at the central; the CMPP simulator (the carrier's
 * gateway, over real TCP) receives the 受理 SMS with the official number, and nothing personal.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { APP_ROOT } from '../../src-main/paths.js';
import { join } from 'node:path';
import { loadCard } from './support/stack.js';
import { kioskUnderTest } from './support/applicant.js';
import { openTouchKiosk } from './support/touch.js';
import { SCREENSHOT_DIR } from './support/browser.js';
import { ELDERLY, elderlyWalkToReview, signAndSubmitByTouch } from './support/elderly-walk.js';
import { CmppSimulator } from '../support/cmpp-sim/simulator.js';
import { tempDir } from '../support/tmp.js';
import { SqliteCentralStore } from '../../src-main/central/sqlite-store.js';
import { issueCourtToken } from '../../src-main/central/court-auth.js';
import { findCourt } from '../../src-shared/courts/court-profile.js';

const SECRET = 'e2e-cmpp-secret';
const sim = new CmppSimulator({ sourceAddr: '901234', secret: SECRET });
const conf = tempDir('yzt-sms-');
const smsFile = join(conf.path, 'sms.json');

describe('progress SMS: kiosk consent → court accepts → the SMS gateway receives 受理 with the number', () => {
  // Registered before the stack's own hooks, so the central starts with the simulator listening.
  beforeAll(async () => {
    await sim.start();
    writeFileSync(smsFile, JSON.stringify({ host: '127.0.0.1', port: sim.port, sourceAddr: '901234', serviceId: 'YZTFY', srcId: '10690811', retryBaseMs: 200, pollMs: 200 }));
    return async () => {
      await sim.stop();
      conf.cleanup();
    };
  });
  const k = kioskUnderTest({ central: { args: ['--sms', smsFile], env: { YZT_SMS_SECRET: SECRET } } });
  const card = loadCard('resident');

  it('sends the 受理 SMS to the phone the applicant gave, after the consent tapped at the kiosk', async () => {
    await k.page.context().close();
    const page = await openTouchKiosk(k.browser, k.stack.kioskUrl);
    const t = await elderlyWalkToReview(page, k.stack, card, { progressSms: true });
    await page.getByTestId('step-review').filter({ hasText: '进度短信' }).filter({ hasText: '接收' }).waitFor();
    await signAndSubmitByTouch(t);
    const officialNo = (await page.getByTestId('official-no').filter({ hasText: /豫0811执/ }).textContent())!.match(/（\d{4}）豫0811执\d+号/)![0];

    // The court accepts (受理) at the central with a counter terminal's token.
    const store = new SqliteCentralStore(join(k.stack.dir, 'central.sqlite'));
    const issued = await issueCourtToken(store, findCourt('jiaozuo-shanyang')!.id, new Date(), '窗口1');
    await store.close();
    if (!issued.ok) throw new Error(issued.message_en);
    const res = await fetch(`${k.stack.centralUrl}/v1/court/case`, { method: 'POST', headers: { authorization: `Bearer ${issued.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ action: 'accept', number: officialNo }) });
    expect(res.status).toBe(200);

    const [sms] = await sim.waitFor(1);
    console.log(`SMS received by the simulator: ${JSON.stringify(sim.received)}`);
    expect(sms).toMatchObject({ phone: ELDERLY.phone, srcId: '10690811', sourceAddr: '901234' });
    expect(sms!.text).toBe(`【焦作市山阳区人民法院】您的执行申请已受理，案号${officialNo}。可凭案号在自助终端或执行立案窗口查询进度。`);
    for (const personal of [card.name, card.idNumber, card.address, ELDERLY.respondent, '50,000', '50000', ELDERLY.account]) expect(sms!.text).not.toContain(personal);
    await page.context().close();

    // The counter of the same court sees the message in the case history, the phone masked.
    const yzt = (args: string[], input: string) => execFileSync(process.execPath, [join(APP_ROOT, 'bin', 'yzt.mjs'), ...args], { input, encoding: 'utf8' });
    const kioskDir = join(k.stack.dir, 'kiosk');
    yzt(['counter', 'set-token', '--data', kioskDir], `${issued.token}\n`);
    yzt(['counter', 'add-user', '--name', 'zhaoke', '--display', '赵科', '--role', 'leader', '--data', kioskDir], 'counter-pass-2026\n');
    const counter = await k.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await counter.goto(k.stack.host.page('/counter'));
    await counter.getByLabel('账号').fill('zhaoke');
    await counter.getByLabel('密码').fill('counter-pass-2026');
    await counter.getByTestId('counter-signin-submit').click();
    await counter.getByTestId('queue-open').first().click();
    const entry = counter.getByTestId('sms-entry').filter({ hasText: '已发送' });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('138****8000');
    expect(await counter.getByTestId('sms-history').textContent()).not.toContain(ELDERLY.phone);
    await counter.getByTestId('case-back').click();
    await counter.getByTestId('sms-monitor').locator('summary').click();
    await counter.getByTestId('sms-silent-days').fill('0');
    await counter.getByTestId('sms-silent-list').click();
    await counter.getByTestId('sms-silent-table').waitFor();
    expect(await counter.getByTestId('sms-silent-table').textContent()).not.toContain(officialNo);
    await counter.getByTestId('sms-templates-load').click();
    await counter.getByTestId('sms-template-accepted').waitFor();
    await counter.screenshot({ path: join(SCREENSHOT_DIR, 'counter-sms-supervision.png'), fullPage: true });
    await counter.close();
  });
});
