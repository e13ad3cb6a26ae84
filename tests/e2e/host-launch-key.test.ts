/**
 * The page's side of host mode's per-launch secret (issue 13 point 6): opened with the printed
 * URL, the kiosk and counter pages work and the secret leaves the address bar at once; a reload
 * of the same tab keeps working; the bare address, in a tab that never had the URL, is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser.js';
import { loadCard, startStack, type Stack } from './support/stack.js';
import { openKiosk } from './support/applicant.js';
import { pageApi } from './support/page-api.js';

describe('host mode launch secret in the browser', () => {
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

  it('serves the page opened with the printed URL, without the secret in the address bar, across a reload', async () => {
    const page = await openKiosk(browser, stack.kioskUrl);
    expect(page.url()).toBe(`${stack.host.origin}/`);
    stack.sim.placeCard(loadCard('resident'));
    await page.getByTestId('step-consent').waitFor(); // card.placed reached the page, session.current answered it
    await page.reload();
    // The reloaded page asks the services for the card on the reader: the secret survived.
    await page.getByTestId('step-consent').waitFor();
    expect(page.url()).toBe(`${stack.host.origin}/`);
    const again = await pageApi<{ card: { name: string } | null }>(page, 'session.current', null);
    expect(again.ok && again.value.card?.name).toBe('张明远');
    stack.sim.removeCard();
    await page.context().close();
  });

  it('opens the counter console on its route, and refuses a tab opened at the bare address', async () => {
    const ctx = await browser.newContext();
    const counter = await ctx.newPage();
    await counter.goto(stack.host.page('/counter'));
    await counter.getByTestId('counter-signin-submit').waitFor();
    expect(new URL(counter.url()).hash).toBe('#/counter');
    expect((await pageApi(counter, 'kiosk.info', null)).ok).toBe(true);

    const bare = await (await browser.newContext()).newPage();
    await bare.goto(`${stack.host.origin}/#/counter`);
    const refused = (await pageApi(bare, 'session.current', null)) as unknown as { error: string };
    expect(refused.error).toBe('forbidden');
    await ctx.close();
    await bare.context().close();
  });
});
