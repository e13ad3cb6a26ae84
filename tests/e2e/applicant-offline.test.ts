/**
 * Offline filing: the central gateway is down, the kiosk files with a provisional number and
 * says so plainly, the receipt printer (ESC/POS simulator on a pty) prints it with the QR code; when the gateway is back the official number is bound, and scanning the
 * receipt's QR code at the status query shows it.
 */
import { describe, expect, it } from 'vitest';
import { loadCard } from './support/stack.js';
import { fillToReview, kioskUnderTest, liftCard, signAndSubmit, Walk } from './support/applicant.js';
import { wedgeScan } from './support/wedge-scanner.js';

describe('applicant kiosk: offline filing, printed receipt, official number bound later', () => {
  const k = kioskUnderTest({ printer: true });
  const card = loadCard('resident');

  it('files offline, prints the provisional receipt, binds the official number, finds it by the receipt QR', async () => {
    const { page, stack } = k;
    const walk = new Walk(page, 'offline');
    await stack.stopCentral('SIGKILL');
    stack.sim.placeCard(card);
    await fillToReview(page, { respondent: '孙八' });
    await signAndSubmit(page);
    const provisional = (await page.getByTestId('provisional-no').textContent()) ?? '';
    expect(provisional).toMatch(/^临-[0-9A-F]{6}-\d{8}-\d{4}$/);
    expect(await page.getByTestId('official-no').textContent()).toBe('—');
    await expect.poll(() => page.getByTestId('result-status').textContent()).toContain('网络恢复后');
    await walk.step('provisional');

    await page.getByTestId('print').click();
    await page.getByTestId('print-note').waitFor();
    expect(await page.getByTestId('print-note').textContent()).toContain('回执已打印');
    const printed = await stack.printer!.nextReceipt(0);
    expect(printed.text).toContain('临时编号（不是正式案号）');
    expect(printed.text).toContain(provisional);
    expect(printed.text).toContain('李*'.slice(0, 0) + '孙*');
    expect(printed.text).not.toContain(card.name);
    const qr = printed.lines.find((l) => l.kind === 'qr');
    expect(qr && qr.kind === 'qr' ? qr.data : '').toMatch(/^YZT1:[0-9a-f-]{36}:[0-9a-f]{16}$/);
    await page.getByTestId('print-note').filter({ hasText: '回执已打印' }).waitFor();

    // No PDF for the applicant to carry away: the number large, the QR to photograph, the counter.
    expect(await page.getByTestId('receipt-number').textContent()).toBe(provisional);
    expect(await page.getByTestId('counter-prints').textContent()).toContain('窗口');
    await walk.step('receipt');

    await stack.startCentral();
    await page.getByTestId('official-no').filter({ hasText: /豫0811执/ }).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('provisional-no').textContent()).toBe(provisional);
    await walk.step('bound');
    await page.getByTestId('done').click();
    await page.getByTestId('attract').waitFor();

    // Status by the receipt's QR code, scanned with the handheld (wedge) scanner, no card.
    await liftCard(page, stack);
    await page.getByTestId('start-status').click();
    await page.getByTestId('status').waitFor();
    await wedgeScan(page, qr && qr.kind === 'qr' ? qr.data : '');
    await page.getByTestId('status-list').waitFor();
    expect(await page.getByTestId('status-list').textContent()).toMatch(/豫0811执\d+号/);
    expect(await page.getByTestId('status-list').textContent()).toContain(provisional);
    await walk.step('status-by-qr');
    console.log(walk.summary());
  });
});
