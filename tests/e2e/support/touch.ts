/**
 * The applicant's hand in browser tests: every input by tapping on-screen keys, pickers and
 * buttons in a touch-screen context, never keyboard.type, fill or press. Each tap is counted
 * per step, so the elderly walk can report (and the bench keep) how many taps a filing takes.
 */
import { pinyin } from 'pinyin-pro';
import type { Browser, Locator, Page } from 'playwright-core';

export class Taps {
  readonly perStep: Array<{ step: string; taps: number }> = [];

  constructor(readonly page: Page) {}

  /** Starts counting a new step of the walk. */
  step(name: string): void {
    this.perStep.push({ step: name, taps: 0 });
  }

  get total(): number {
    return this.perStep.reduce((n, s) => n + s.taps, 0);
  }

  private count(n = 1): void {
    if (this.perStep.length === 0) this.step('start');
    this.perStep[this.perStep.length - 1]!.taps += n;
  }

  /** One finger tap on what the applicant sees. */
  async tap(target: Locator): Promise<void> {
    await target.tap();
    this.count();
  }

  /** A signature: one stroke of one finger, counted as one gesture. */
  async stroke(target: Locator): Promise<void> {
    await touchStroke(this.page, target, signaturePath);
    this.count();
  }

  summary(): string {
    return `${this.perStep.map((s) => `${s.step} ${s.taps}`).join(', ')}; total ${this.total}`;
  }
}

/** A zig-zag across a signature pad: about two written characters' worth of ink. */
export const signaturePath = (box: { x: number; y: number }): Array<[number, number]> =>
  Array.from({ length: 13 }, (_, i) => [box.x + 40 + i * 40, box.y + 120 + (i === 0 ? 0 : i % 2 ? -50 : 50)]);

/**
 * One finger drawn along `path` (page coordinates from the target's box) as CDP touch points,
 * through the touch emulation of the page's context, as Playwright's own tap sends them.
 */
export async function touchStroke(page: Page, target: Locator, path: (box: { x: number; y: number; width: number; height: number }) => Array<[number, number]>): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error('nothing to draw on');
  const points = path(box);
  const cdp = await page.context().newCDPSession(page);
  try {
    const at = ([x, y]: [number, number]) => [{ x, y, id: 1 }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(points[0]!) });
    for (const p of points.slice(1)) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(p) });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  } finally {
    await cdp.detach();
  }
}

/** A kiosk page in a touch-screen context (taps, no mouse needed). */
export async function openTouchKiosk(browser: Browser, url: string, viewport = { width: 1280, height: 1024 }): Promise<Page> {
  // bypassCSP: only so that axe-core can be injected; the app's own CSP stays in force otherwise.
  const ctx = await browser.newContext({ viewport, hasTouch: true, bypassCSP: true, permissions: ['camera'] });
  const page = await ctx.newPage();
  await page.goto(url);
  await page.getByTestId('attract').waitFor();
  return page;
}

const osk = (page: Page) => page.getByTestId('osk');
const key = (page: Page, k: string) => osk(page).getByRole('button', { name: k, exact: true });

/** Taps a text field so the on-screen keyboard opens for it. */
export async function tapField(t: Taps, field: Locator): Promise<void> {
  await t.tap(field);
  await osk(t.page).waitFor();
}

/**
 * Taps `text` on the on-screen keyboard of the focused field: digits, letters and signs as keys
 * (number pad or keyboard, whichever is open), Chinese characters by their pinyin and then the
 * candidate, paging on until it shows.
 */
export async function tapKeys(t: Taps, text: string): Promise<void> {
  const page = t.page;
  for (const ch of text) {
    if (/\p{Script=Han}/u.test(ch)) {
      await tapHanzi(t, ch);
      continue;
    }
    if (/[a-z]/i.test(ch) && (await osk(page).getByRole('button', { name: 'ABC', exact: true }).count()) && !(await key(page, 'Q').count())) {
      await t.tap(osk(page).getByRole('button', { name: 'ABC', exact: true }));
    }
    // A digit or sign in a Chinese field (an address's 8号): the 123 keys, as the applicant would.
    const numbers = osk(page).getByRole('button', { name: '123', exact: true });
    if (!(await key(page, ch).count()) && (await numbers.count())) await t.tap(numbers);
    await t.tap(key(page, ch));
  }
}

async function tapHanzi(t: Taps, ch: string): Promise<void> {
  const page = t.page;
  if (!(await key(page, 'q').count())) await t.tap(osk(page).getByRole('button', { name: '拼音', exact: true }));
  const readings = pinyin(ch, { toneType: 'none', multiple: true, type: 'array' }).map((s) => s.replace('ü', 'v'));
  for (const syllable of readings) {
    for (const k of syllable) await t.tap(key(page, k));
    const cands = page.getByTestId('osk-candidates');
    const want = cands.getByRole('button', { name: ch, exact: true });
    for (let i = 0; i < 6 && !(await want.count()); i++) {
      const more = page.getByRole('button', { name: '下一页候选字' });
      if (!(await more.count())) break;
      await t.tap(more);
    }
    if (await want.count()) {
      await t.tap(want);
      return;
    }
    // Not under this reading: clear the syllable and try the next one.
    for (let i = 0; i < syllable.length; i++) await t.tap(key(page, '删除'));
  }
  throw new Error(`${ch} cannot be typed in pinyin`);
}

/** Fills one field by touch: tap it, tap the keys, hide the keyboard. */
export async function tapInto(t: Taps, field: Locator, text: string): Promise<void> {
  await tapField(t, field);
  await tapKeys(t, text);
  await hideKeyboard(t);
}

export async function hideKeyboard(t: Taps): Promise<void> {
  await t.tap(key(t.page, '收起键盘'));
  await osk(t.page).waitFor({ state: 'detached' });
}

/** A date through the picker: the field, then year, month and day; or "不清楚". */
export async function tapDate(t: Taps, fieldId: string, date: string | 'unknown'): Promise<void> {
  const page = t.page;
  await t.tap(page.locator(`#${fieldId}`));
  const sheet = page.getByTestId(`${fieldId}-picker`);
  await sheet.waitFor();
  if (date === 'unknown') {
    await t.tap(sheet.getByTestId('picker-unknown'));
  } else {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const years = sheet.getByTestId('picker-years');
    const year = years.getByRole('button', { name: `${y}年`, exact: true });
    if (!(await year.count())) await t.tap(years.getByRole('button', { name: '更早的年份' }));
    await t.tap(year);
    await t.tap(sheet.getByTestId('picker-months').getByRole('button', { name: `${m}月`, exact: true }));
    await t.tap(sheet.getByTestId('picker-days').getByRole('button', { name: `${y}年${m}月${d}日`, exact: true }));
  }
  await sheet.waitFor({ state: 'detached' });
}

export interface ComposedNumber {
  year: number;
  /** The court's name as listed; 'home' is this kiosk's own court. */
  court: 'home' | { province: string; city?: string; name: string };
  type: string;
  seq: number;
}

/** A case number through the composer: year, court, kind of case, sequence, done. */
export async function tapCaseNumber(t: Taps, id: string, n: ComposedNumber): Promise<void> {
  const page = t.page;
  await t.tap(page.getByTestId(`${id}-compose`));
  const sheet = page.getByTestId(`${id}-composer`);
  await sheet.waitFor();
  await t.tap(sheet.getByTestId('composer-years').getByRole('button', { name: `${n.year}年`, exact: true }));
  const near = sheet.getByTestId('composer-courts-near');
  if (n.court === 'home') {
    await t.tap(near.getByRole('button', { name: /^本院/ }));
  } else {
    const direct = near.getByRole('button', { name: n.court.name, exact: true });
    if (await direct.count()) await t.tap(direct);
    else {
      await t.tap(near.getByRole('button', { name: /其他地方的法院/ }));
      await t.tap(sheet.getByTestId('composer-provinces').getByRole('button', { name: new RegExp(`^${n.court.province}`) }));
      if (n.court.city) await t.tap(sheet.getByTestId('composer-cities').getByRole('button', { name: new RegExp(`^${n.court.city}`) }));
      await t.tap(sheet.getByRole('button', { name: n.court.name, exact: true }));
    }
  }
  await t.tap(sheet.getByTestId('composer-types').locator(`button[data-code="${n.type}"]`));
  const pad = sheet.getByTestId('composer-seq-pad');
  for (const d of String(n.seq)) await t.tap(pad.getByRole('button', { name: d, exact: true }));
  await t.tap(sheet.getByTestId('composer-done'));
  await sheet.waitFor({ state: 'detached' });
}

export interface ComposedAward {
  year: number;
  /** The commission's name as listed; its city is the kiosk's own unless `city` names another. */
  commission: string;
  city?: { province: string; city: string };
  /** The form's id (ARBITRATION_FORMS), tapped as its example. */
  form: string;
  seq: number;
}

/** An arbitration award's number through the composer: year, 仲裁委员会, commission, form, sequence, done. */
export async function tapAwardNumber(t: Taps, id: string, n: ComposedAward): Promise<void> {
  const page = t.page;
  await t.tap(page.getByTestId(`${id}-compose`));
  const sheet = page.getByTestId(`${id}-composer`);
  await sheet.waitFor();
  await t.tap(sheet.getByTestId('composer-years').getByRole('button', { name: `${n.year}年`, exact: true }));
  await t.tap(sheet.getByTestId('composer-arbitration'));
  if (n.city) {
    await t.tap(sheet.getByTestId('composer-commissions').getByRole('button', { name: /其他城市/ }));
    await t.tap(sheet.getByTestId('composer-commission-provinces').getByRole('button', { name: n.city.province, exact: true }));
    await t.tap(sheet.getByTestId('composer-commission-cities').getByRole('button', { name: n.city.city, exact: true }));
  }
  await t.tap(sheet.getByTestId('composer-commissions').getByRole('button', { name: new RegExp(`^${n.commission}`) }));
  await t.tap(sheet.getByTestId('composer-arbitration-forms').locator(`button[data-form="${n.form}"]`));
  const pad = sheet.getByTestId('composer-seq-pad');
  for (const d of String(n.seq)) await t.tap(pad.getByRole('button', { name: d, exact: true }));
  await t.tap(sheet.getByTestId('composer-done'));
  await sheet.waitFor({ state: 'detached' });
}

/** Ticks a check card or chooses a radio card by its label. */
export async function tapChoice(t: Taps, label: string | RegExp): Promise<void> {
  await t.tap(t.page.getByLabel(label, { exact: typeof label === 'string' }).first());
}

/**
 * 下一步, and on to `to` even when the step first says what still needs fixing there (it says
 * so once; a second tap goes on, and the review lists it again).
 */
export async function tapNextTo(t: Taps, to: string): Promise<void> {
  const page = t.page;
  await t.tap(page.getByTestId('next'));
  const arrived = page.getByTestId(`step-${to}`);
  const told = page.getByTestId('wizard-notice').filter({ hasText: '需要修改' });
  await arrived.or(told).first().waitFor();
  if (!(await arrived.isVisible())) await t.tap(page.getByTestId('next'));
  await arrived.waitFor();
}

/** For pages opened without touch emulation: a tap is a pointer click on the same target. */
export class ClickTaps extends Taps {
  override async tap(target: Locator): Promise<void> {
    await target.click();
  }
}
