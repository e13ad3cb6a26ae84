/**
 * Helpers for the applicant kiosk's browser tests: a page with the fake document camera,
 * axe-core on every step (no serious or critical violation), screenshots, and a step log that
 * measures how long a test applicant needs.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, SCREENSHOT_DIR } from './browser.js';
import type { PageElement, PageGlobals } from './page-globals.js';
import { startStack, type CentralExtras, type Stack } from './stack.js';
import { hideKeyboard, pickDate, scanThen, tapType } from './journey-touch.js';
import { ClickTaps, tapNextTo } from './touch.js';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

/** Chromium's fake camera stands in for the document camera (高拍仪). */
export function launchKioskBrowser(extraArgs: string[] = []): Promise<Browser> {
  return launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', ...extraArgs]);
}

export interface KioskUnderTest {
  stack: Stack;
  browser: Browser;
  page: Page;
}

/**
 * The whole stack, a browser with the fake camera and the kiosk page, started before the
 * file's tests and stopped after them. `browserArgs` may use the stack's folder (fake files).
 */
export function kioskUnderTest(opts: { printer?: boolean; browserArgs?: (stack: Stack) => string[]; central?: CentralExtras; courtId?: string } = {}): KioskUnderTest {
  const k = {} as KioskUnderTest;
  beforeAll(async () => {
    k.stack = await startStack({ printer: opts.printer ?? false, ...(opts.central ? { central: opts.central } : {}), ...(opts.courtId ? { courtId: opts.courtId } : {}) });
    k.browser = await launchKioskBrowser(opts.browserArgs?.(k.stack) ?? []);
    k.page = await openKiosk(k.browser, k.stack.kioskUrl);
  });
  afterAll(async () => {
    await k.browser?.close();
    await k.stack?.close();
  });
  return k;
}

/**
 * Lifts the card and waits until the reader (polled about once a second) has seen it gone, so
 * that the next placement is a new one. Call it on the attract screen, where the reader's state shows.
 */
export async function liftCard(page: Page, stack: Stack): Promise<void> {
  stack.sim.removeCard();
  await page.locator('[data-testid=reader-state].reader-ready').waitFor();
}

/** The consent step: both statements agreed, then on to the next step. */
export async function consent(page: Page): Promise<void> {
  await page.getByTestId('step-consent').waitFor();
  await page.getByLabel('我同意通过').check();
  await page.getByLabel('我同意法院读取').check();
  await next(page);
}

export async function openKiosk(browser: Browser, url: string): Promise<Page> {
  // bypassCSP: only so that axe-core can be injected; the app's own CSP stays in force otherwise.
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 1024 }, bypassCSP: true, permissions: ['camera'] });
  const page = await ctx.newPage();
  await page.goto(url);
  await page.getByTestId('attract').waitFor();
  return page;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** Runs axe-core on the page as it is; fails on serious or critical violations. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ path: AXE_PATH });
  const violations = (await page.evaluate(async () => {
    const g = globalThis as unknown as PageGlobals & { axe: { run(ctx: PageGlobals['document'], opts: object): Promise<{ violations: unknown[] }> } };
    const r = await g.axe.run(g.document, { resultTypes: ['violations'] });
    return r.violations;
  })) as AxeViolation[];
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${label}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
}

/**
 * Touch-first rules on what is on screen: every control at least 60x60 px, every piece of text
 * at least `minFontPx` (18 pt = 24 px; more in the elderly mode).
 */
export async function expectTouchFirst(page: Page, label: string, minFontPx = 24): Promise<void> {
  const problems = await page.evaluate((min) => {
    const { document, getComputedStyle, Node } = globalThis as unknown as PageGlobals;
    const out: string[] = [];
    const visible = (el: PageElement) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const name = (el: PageElement) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.getAttribute('data-testid') ? '[' + el.getAttribute('data-testid') + ']' : ''} "${(el.textContent ?? '').trim().slice(0, 12)}"`;
    for (const el of Array.from(document.querySelectorAll('button, a.button-link, .choice-card, .check-card, .field input, .field textarea, select'))) {
      if (!visible(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.width < 60 || r.height < 60) out.push(`target ${name(el)} ${Math.round(r.width)}x${Math.round(r.height)}`);
    }
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const own = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      if (!own || !visible(el)) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < min) out.push(`text ${name(el)} ${size}px`);
    }
    return out.slice(0, 10);
  }, minFontPx);
  expect(problems.map((p) => `${label}: ${p}`)).toEqual([]);
}

/** Screenshot, accessibility check and a timing mark for one step of a walk. */
export class Walk {
  private readonly started = Date.now();
  readonly steps: Array<{ name: string; atMs: number }> = [];
  readonly shots: string[] = [];

  constructor(
    private readonly page: Page,
    private readonly name: string,
  ) {}

  async step(name: string, opts: { axe?: boolean } = {}): Promise<void> {
    this.steps.push({ name, atMs: Date.now() - this.started });
    const path = join(SCREENSHOT_DIR, `${this.name}-${String(this.steps.length).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path, fullPage: true });
    this.shots.push(path);
    if (opts.axe !== false) await expectAccessible(this.page, `${this.name}/${name}`);
    await expectTouchFirst(this.page, `${this.name}/${name}`);
  }

  summary(): string {
    const total = (Date.now() - this.started) / 1000;
    return `${this.name}: ${this.steps.length} screens in ${total.toFixed(1)} s (${this.steps.map((s) => s.name).join(' → ')})`;
  }
}

/** Percent-encodes a case number into a verification URL, as court QR codes carry them. */
export function verificationUrl(caseNumber: string): string {
  return `https://verify.court.example/ws?ah=${encodeURIComponent(caseNumber)}`;
}

/** A signature stroke on the touch screen's canvas. */
export async function sign(page: Page): Promise<void> {
  await page.getByTestId('signature').scrollIntoViewIfNeeded();
  const box = await page.getByTestId('signature').boundingBox();
  if (!box) throw new Error('no signature pad');
  await page.mouse.move(box.x + 40, box.y + 120);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 40 + i * 40, box.y + 120 + (i % 2 ? -50 : 50));
  await page.mouse.up();
}

export const next = (page: Page) => page.getByTestId('next').click();

/**
 * Next, and on to `to` even when the step first says what still needs fixing there (it says
 * so once; a second tap goes on, the review lists it again).
 */
export const nextTo = (page: Page, to: string): Promise<void> => tapNextTo(new ClickTaps(page), to);

export interface QuickFiling {
  basis?: string;
  respondent?: string;
  amount?: string;
  /** Answers given on the who step (after the phone) before moving on. */
  onWho?: (page: Page) => Promise<void>;
  /** Answers changed on the basis step before moving on. */
  onBasis?: (page: Page) => Promise<void>;
  /** Answers changed on the money step before moving on. */
  onMoney?: (page: Page) => Promise<void>;
}

/**
 * Walks the interview with the fewest answers that pass the rules, up to the review page, as
 * the applicant does: keys on the on-screen keyboard, the date picker, the basis number from
 * the document's QR code through the wedge scanner simulator.
 */
export async function fillToReview(page: Page, o: QuickFiling = {}): Promise<void> {
  await consent(page);
  await page.getByTestId('step-who').waitFor();
  await tapType(page, page.locator('#own-phone'), '13800138000');
  await hideKeyboard(page);
  await o.onWho?.(page);
  await nextTo(page, 'basis');
  const basis = o.basis ?? '（2024）豫0811民初123号';
  await scanThen(page, verificationUrl(basis), page.getByTestId('basis-check').filter({ hasText: basis }));
  await pickDate(page, 'effective-date', '2026-06-01');
  await pickDate(page, 'performance-due', '2026-06-11');
  await o.onBasis?.(page);
  await nextTo(page, 'respondents');
  await tapType(page, page.locator('#respondents\\.0-name'), o.respondent ?? '李四');
  await tapType(page, page.locator('#respondents\\.0-phone'), '13900139000');
  await hideKeyboard(page);
  await next(page);
  await page.getByTestId('step-money').waitFor();
  await tapType(page, page.locator('#principal'), o.amount ?? '12345.67');
  await tapType(page, page.locator('#payee-name'), '张三');
  await tapType(page, page.locator('#payee-bank'), '中国银行');
  await tapType(page, page.locator('#payee-account'), '6217000000000000018');
  await hideKeyboard(page);
  await o.onMoney?.(page);
  await nextTo(page, 'documents');
  await next(page);
  await page.getByTestId('step-risk').waitFor();
  await page.getByLabel('我已阅读并知悉').check();
  await next(page);
  await page.getByTestId('step-review').waitFor();
}

/** From the review page: wait for the verdict, sign, submit, wait for the result. */
export async function signAndSubmit(page: Page): Promise<void> {
  await page.getByTestId('verdict').filter({ hasText: '检查通过' }).waitFor();
  await sign(page);
  await page.getByTestId('submit').click();
  await page.getByTestId('result').waitFor();
}
