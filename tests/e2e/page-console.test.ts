/**
 * The kiosk page loads in Chromium through the host shell with nothing in the console: no
 * errors, no failed requests (the favicon used to be a 404 on every load), no CSP refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser.js';
import { startStack, type Stack } from './support/stack.js';

describe('kiosk page console', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('loads the attract screen and its icon with no console error and no failed request', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`);
    });
    // The icon is the last thing the browser fetches for a page; its answer is the event to wait for.
    const icon = page.waitForResponse((r) => /\/favicon\.(svg|ico)$/.test(new URL(r.url()).pathname));
    await page.goto(stack.kioskUrl);
    await page.getByTestId('attract').waitFor();
    const answered = await icon;
    expect(new URL(answered.url()).pathname).toBe('/favicon.svg');
    expect(answered.status()).toBe(200);
    expect(answered.headers()['content-type']).toBe('image/svg+xml');
    expect(problems).toEqual([]);
  });
});
