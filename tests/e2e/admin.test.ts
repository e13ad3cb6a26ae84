/**
 * Admin mode in Chromium through the host shell: the hidden gesture opens it, the PIN guards
 * it, IT staff set up the ID card reader (tested against the simulator on a pty), save it so
 * the kiosk reads cards with it, set up the scanner and printers against their simulators and
 * press each test button, set the personal-data retention, and enrol the kiosk with a code
 * from the central gateway.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { spawnYzt, type YztProcess } from '../../src-main/proc/spawn-yzt.js';
import { APP_ROOT } from '../../src-main/paths.js';
import { startIdCardSimulator, type IdCardSimulator } from '../../hardware/id-card/index.js';
import { startScannerSimulator, type ScannerSimulator } from '../../hardware/barcode/index.js';
import { startPrinterSimulator, type PrinterSimulator } from '../../hardware/printer/simulator.js';
import { launchChromium, SCREENSHOT_DIR } from './support/browser.js';
import { expectAccessible, openKiosk } from './support/applicant.js';
import { loadCard } from './support/stack.js';
import { wedgeScan } from './support/wedge-scanner.js';
import { tempDir } from '../support/tmp.js';
import { hostLaunch } from '../support/host-launch.js';

const PIN = '135790';

function yztOnce(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(APP_ROOT, 'bin', 'yzt.mjs'), ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.on('exit', (code) => resolve({ code, stdout }));
    child.stdin.end(stdin);
  });
}

describe('admin mode: set up a reader and enrol the kiosk', () => {
  const dir = tempDir('yzt-admin-');
  const kioskData = join(dir.path, 'kiosk');
  const centralDb = join(dir.path, 'central.sqlite');
  let sim: IdCardSimulator;
  let scanner: ScannerSimulator;
  let printer: PrinterSimulator;
  let central: YztProcess;
  let kiosk: YztProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    sim = await startIdCardSimulator({ link: join(dir.path, 'idcard'), card: null });
    scanner = await startScannerSimulator({ link: join(dir.path, 'scanner') });
    printer = await startPrinterSimulator({ link: join(dir.path, 'printer'), outDir: join(dir.path, 'printed') });
    central = await spawnYzt(['central', 'serve', '--port', '0', '--db', centralDb], /listening on (http:\/\/\S+)/);
    expect((await yztOnce(['admin', 'set-pin', '--data', kioskData], `${PIN}\n`)).code).toBe(0);
    kiosk = await spawnYzt(['kiosk', 'serve', '--port', '0', '--data', kioskData], /kiosk: (http:\/\/\S+)/);
    browser = await launchChromium();
    page = await openKiosk(browser, kiosk.ready[1] ?? '');
  });
  afterAll(async () => {
    await browser?.close();
    await kiosk?.stop();
    await central?.stop();
    await sim?.close();
    await scanner?.close();
    await printer?.close();
    dir.cleanup();
  });

  const enterPin = async (pin: string) => {
    for (const d of pin) await page.getByTestId('pin-pad').getByRole('button', { name: d, exact: true }).click();
    await page.getByTestId('pin-ok').click();
  };

  it('has no admin entry on the public screen; five taps in the corner open the PIN pad', async () => {
    expect(await page.getByText('管理').count()).toBe(0);
    for (let i = 0; i < 5; i++) await page.getByTestId('hidden-corner').click({ force: true });
    await page.getByTestId('pin-pad').waitFor();
    await expectAccessible(page, 'admin PIN');
  });

  it('refuses a wrong PIN with a Chinese message, then admits the right one', async () => {
    await enterPin('000000');
    await page.getByTestId('admin-error').filter({ hasText: 'PIN 不正确' }).waitFor();
    await enterPin(PIN);
    await page.getByTestId('devices').waitFor();
    expect(await page.getByTestId('device-idReader').textContent()).toContain('未配置');
  });

  it('tests the reader against the simulator, saves it, and the kiosk then reads cards with it', async () => {
    await page.getByLabel('串口 Serial port').fill(sim.appPath);
    await page.getByTestId('test-reader').click();
    await page.getByTestId('reader-test-result').filter({ hasText: '读卡区没有身份证' }).waitFor();
    sim.placeCard(loadCard('resident'));
    await page.getByTestId('test-reader').click();
    await page.getByTestId('reader-test-result').filter({ hasText: '读卡成功' }).waitFor();
    expect(await page.getByTestId('reader-test-result').textContent()).not.toContain(loadCard('resident').idNumber);
    await page.getByTestId('save-settings').click();
    await page.getByTestId('admin-notice').filter({ hasText: '设置已保存' }).waitFor();
    await page.getByTestId('device-idReader').filter({ hasText: sim.appPath }).waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'admin-1-reader.png'), fullPage: true });
    await expectAccessible(page, 'admin overview');
  });

  it('sets how long personal data stays after the court confirms a filing, and the exported configuration carries it', async () => {
    await page.getByTestId('last-purge').filter({ hasText: '申请 0 份' }).waitFor();
    await page.getByTestId('purge-after-days').fill('0');
    expect(await page.getByTestId('save-privacy').isDisabled()).toBe(true);
    await page.getByTestId('purge-after-days').fill('14');
    await page.getByTestId('save-privacy').click();
    await page.getByTestId('config-json').filter({ hasText: '"purgeAfterDays": 14' }).waitFor();
  });

  it('sets up the serial scanner and the printers, and each test button says what happened', async () => {
    await page.getByLabel('扫码枪模式 Scanner mode').selectOption('serial');
    await page.getByLabel('扫码枪串口 Scanner port').fill(scanner.appPath);
    await page.getByLabel('打印机串口 Printer port').fill(printer.appPath);
    await page.getByLabel('A4 打印方式 A4 printing').selectOption('pdf');
    await page.getByTestId('save-settings').click();
    await page.getByTestId('device-scanner').filter({ hasText: '正常' }).waitFor();
    await page.getByTestId('health').filter({ hasText: '收据打印机就绪' }).waitFor();

    await page.getByTestId('test-scanner').click();
    await page.getByTestId('scanner-test-result').filter({ hasText: '请现在扫一个码' }).waitFor();
    await scanner.scan('（2026）豫0811执12号', { charset: 'gbk' });
    const scanned = page.getByTestId('scanner-test-result').filter({ hasText: '收到扫码' });
    await scanned.waitFor();
    expect(await scanned.textContent()).toMatch(/豫0811执12号.*gb18030/);

    await page.getByTestId('test-printer').click();
    await page.getByTestId('printer-test-result').filter({ hasText: '测试页已打印' }).waitFor();
    expect((await printer.nextReceipt(0)).text).toContain('收据打印机测试页');
    printer.paperOut(true);
    await page.getByTestId('test-printer').click();
    await page.getByTestId('printer-test-result').filter({ hasText: '缺纸' }).waitFor();
    printer.paperOut(false);
    expect(printer.receipts.length).toBe(1);

    await page.getByTestId('test-a4').click();
    await page.getByTestId('a4-test-result').filter({ hasText: '测试 PDF 已生成' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'admin-3-devices.png'), fullPage: true });
  });

  it('tests a keyboard-wedge scanner by its typing speed, without typing into the form', async () => {
    await page.getByLabel('扫码枪模式 Scanner mode').selectOption('keyboard-wedge');
    await page.getByTestId('test-scanner').click();
    await page.getByTestId('scanner-test-result').filter({ hasText: '请现在扫一个码' }).waitFor();
    await wedgeScan(page, 'YZT-WEDGE-0042');
    await page.getByTestId('scanner-test-result').filter({ hasText: '收到扫码：YZT-WEDGE-0042' }).waitFor();
  });

  it('exports the configuration as a file and imports an edited one', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-config').click()]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { devices: { scanner: unknown; receiptPrinter: { path: string }; a4Printer: unknown } };
    expect(exported.devices.receiptPrinter.path).toBe(printer.appPath);
    const edited = { ...exported, devices: { ...exported.devices, a4Printer: { mode: 'cups', queue: 'Office_A4' } } };
    await page.getByTestId('import-config').setInputFiles({ name: 'kiosk.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(edited)) });
    await page.getByTestId('config-json').filter({ hasText: 'Office_A4' }).waitFor();
    expect(await page.getByLabel('CUPS 队列名 Queue name').inputValue()).toBe('Office_A4');
    await page.getByTestId('import-config').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":') });
    await page.getByTestId('import-problem').filter({ hasText: '未做任何修改' }).waitFor();
  });

  it('enrols the kiosk with a one-time code from the central gateway', async () => {
    const issued = await yztOnce(['central', 'enrol-code', '--court', 'jiaozuo-shanyang', '--db', centralDb, '--json']);
    const { code } = JSON.parse(issued.stdout) as { code: string };
    await page.getByLabel('中心网关地址 Central gateway URL').fill(central.ready[1] ?? '');
    await page.getByLabel('登记码 Enrolment code').fill(code);
    await page.getByTestId('enrol').click();
    await page.getByTestId('admin-notice').filter({ hasText: '登记成功' }).waitFor();
    await page.getByText('已登记 enrolled').waitFor();
    await page.getByTestId('admin-sync').filter({ hasText: '已连接法院系统' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'admin-2-enrolled.png'), fullPage: true });
  });

  it('leaves admin mode back to the attract screen, signed out', async () => {
    await page.getByTestId('admin-exit').click();
    await page.getByTestId('attract').waitFor();
    await page.goto(hostLaunch(kiosk.ready[1] ?? '').page('/admin'));
    await page.getByTestId('pin-pad').waitFor();
  });
});
