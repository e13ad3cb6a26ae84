/**
 * An applicant who cannot use pinyin writes a name character by hand on the on-screen
 * keyboard's pad, picks it from the candidates, and it lands in the field; then 喆 (outside
 * GB 2312) is typed by pinyin taps. The pad is checked with axe-core, for 60 px targets, and
 * photographed at kiosk sizes, landscape and portrait, and in English.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR } from './support/browser.js';
import { nextTo, consent, expectAccessible, expectTouchFirst, kioskUnderTest, liftCard } from './support/applicant.js';
import { loadCard } from './support/stack.js';
import { medians } from '../support/hanzi-strokes.js';

/** Draws `ch` on the pad with the mouse, stroke by stroke, from its stroke-order medians. */
async function writeOnPad(page: Page, ch: string): Promise<number> {
  const box = (await page.locator('.hw-canvas').boundingBox())!;
  const strokes = medians(ch);
  const at = ([x, y]: [number, number]) => [box.x + (x / 1024) * box.width, box.y + (y / 1024) * box.height] as const;
  for (const stroke of strokes) {
    const [x0, y0] = at(stroke[0]!);
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    for (const p of stroke.slice(1)) {
      const [x, y] = at(p);
      await page.mouse.move(x, y, { steps: 4 });
    }
    await page.mouse.up();
  }
  return strokes.length;
}

const tapKey = (page: Page, k: string) => page.getByTestId('osk').getByRole('button', { name: k, exact: true }).click();

describe('applicant kiosk: handwriting and pinyin for names', () => {
  const k = kioskUnderTest();

  it('writes 李 by hand and types 喆 by pinyin into a Chinese field', async () => {
    const { page, stack } = k;
    await page.setViewportSize({ width: 1920, height: 1080 });
    stack.sim.placeCard(loadCard('resident'));
    await consent(page);
    await page.getByTestId('step-who').waitFor();
    // The phone is left empty here: the step says so once, and the second 下一步 goes on.
    await nextTo(page, 'basis');

    // The judgment's operative text: a Chinese field, as a name or an address is.
    const name = page.locator('#content');
    await name.click();
    await page.getByTestId('osk').waitFor();
    await tapKey(page, '手写');
    await page.getByTestId('hw-pad').waitFor();
    const strokes = await writeOnPad(page, '李');
    const cands = page.getByTestId('hw-candidates');
    await page.locator(`[data-testid=hw-candidates][data-for="${strokes}"]`).waitFor();
    const offered = await cands.getByRole('button').allTextContents();
    expect(offered.slice(0, 5)).toContain('李');

    await expectAccessible(page, 'handwriting-pad');
    await expectTouchFirst(page, 'handwriting-pad');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'handwriting-01-pad-1920x1080.png') });
    await page.setViewportSize({ width: 1080, height: 1920 });
    await expectTouchFirst(page, 'handwriting-pad-portrait');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'handwriting-02-pad-1080x1920.png') });
    await page.setViewportSize({ width: 1920, height: 1080 });

    await cands.getByRole('button', { name: '李', exact: true }).click();
    expect(await name.inputValue()).toBe('李');
    await page.locator('[data-testid=hw-candidates][data-for="0"]').waitFor();
    expect(await page.locator('.hw-canvas').getAttribute('data-strokes')).toBe('0');

    // 重写 clears the pad; 退格 takes back one stroke, then (pad empty) the last character.
    await writeOnPad(page, '一');
    await page.locator('[data-testid=hw-candidates][data-for="1"]').waitFor();
    await tapKey(page, '重写');
    await page.locator('[data-testid=hw-candidates][data-for="0"]').waitFor();
    expect(await name.inputValue()).toBe('李');

    // The rest of the name by pinyin: z-h-e, then 喆 on the first page.
    await tapKey(page, '拼音');
    for (const key of 'zhe') await tapKey(page, key);
    await page.getByTestId('osk-candidates').getByRole('button', { name: '喆', exact: true }).click();
    expect(await name.inputValue()).toBe('李喆');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'handwriting-03-pinyin-zhe.png') });

    // 退格 on an empty pad deletes the character before the caret.
    await tapKey(page, '手写');
    await tapKey(page, '退格');
    expect(await name.inputValue()).toBe('李');

    // In English the pad speaks English; handwriting, once chosen, is where the keyboard opens again.
    await page.getByTestId('lang-toggle').click();
    await name.click();
    await page.getByTestId('hw-pad').waitFor();
    await page.getByTestId('osk').getByRole('button', { name: 'Rewrite', exact: true }).waitFor();
    expect(await page.locator('.hw-hint').textContent()).toBe('Write one character in the box');
    expect(await page.getByTestId('osk').getByRole('button', { name: 'Handwriting', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await expectAccessible(page, 'handwriting-pad-english');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'handwriting-04-english.png') });
  });

  it('starts the next applicant on pinyin, whatever the last one chose', async () => {
    const { page, stack } = k;
    await page.setViewportSize({ width: 1920, height: 1080 });
    const pressed = (mode: string) => page.getByTestId('osk').getByRole('button', { name: mode, exact: true }).getAttribute('aria-pressed');
    const toContent = async () => {
      stack.sim.placeCard(loadCard('resident'));
      await consent(page);
      await page.getByTestId('step-who').waitFor();
      await nextTo(page, 'basis');
      await page.locator('#content').click();
      await page.getByTestId('osk').waitFor();
    };
    // Whatever an earlier test left: back to the attract screen with the reader empty.
    if (await page.getByTestId('leave').count()) await page.getByTestId('leave').click();
    await liftCard(page, stack);

    // One applicant writes by hand; within the session the choice is kept.
    await toContent();
    expect(await pressed('拼音')).toBe('true');
    await tapKey(page, '手写');
    await page.getByTestId('hw-pad').waitFor();
    await tapKey(page, '收起键盘');
    await page.getByTestId('osk').waitFor({ state: 'detached' });
    await page.locator('#content').click();
    await page.getByTestId('hw-pad').waitFor();
    expect(await pressed('手写')).toBe('true');

    // They leave; the next applicant's keyboard opens on pinyin, not on the pad.
    await page.getByTestId('leave').click();
    await liftCard(page, stack);
    await toContent();
    expect(await pressed('拼音')).toBe('true');
    expect(await pressed('手写')).toBe('false');
    expect(await page.getByTestId('hw-pad').count()).toBe(0);
  });
});
