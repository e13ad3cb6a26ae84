/**
 * Read-aloud in Debian's Chromium, which has no speechSynthesis voice: the kiosk's own voice
 * (espeak-ng in the services) answers, the page plays it, and the button reads the screen's
 * screen's texts (the instruction and the statements to agree to), not only the instruction.
 */
import { describe, expect, it } from 'vitest';
import type { Page, Response } from 'playwright-core';
import { kioskUnderTest } from './support/applicant.js';
import { loadCard } from './support/stack.js';
import { CONSENT_KIOSK, STEP_TEXT } from '../../src-shared/i18n/applicant-texts.js';

const saidOn = (page: Page) => page.waitForResponse((r: Response) => r.url().endsWith('/api/speech.say'));

async function wavSeconds(res: Response): Promise<number> {
  const body = (await res.json()) as { ok: boolean; value: { audioBase64: string } };
  expect(body.ok).toBe(true);
  const wav = Buffer.from(body.value.audioBase64, 'base64');
  expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
  // 16-bit mono: bytes per second at byte 28.
  return (wav.length - 44) / wav.readUInt32LE(28);
}

describe('read-aloud with no browser voice', () => {
  const k = kioskUnderTest();

  it('has no system voice here, so the kiosk voice speaks the instruction', async () => {
    const { page, stack } = k;
    // Runs in the page: the Node type-check has no DOM lib, so the one global it reads is typed here.
    expect(await page.evaluate(() => (globalThis as unknown as { speechSynthesis: { getVoices(): { lang: string }[] } }).speechSynthesis.getVoices().filter((v) => v.lang.startsWith('zh')).length)).toBe(0);
    stack.sim.placeCard(loadCard('resident'));
    await page.getByTestId('step-consent').waitFor();
    const said = saidOn(page);
    await page.getByTestId('read-aloud').click();
    const res = await said;
    const asked = JSON.parse(res.request().postData() ?? '{}') as { text: string; lang: string };
    expect(asked.lang).toBe('zh');
    // The whole screen: the instruction and both statements the applicant is asked to agree to.
    expect(asked.text).toContain(STEP_TEXT.consent.say_zh.slice(0, 8));
    expect(asked.text).toContain(CONSENT_KIOSK.zh.slice(0, 12));
    expect(await wavSeconds(res)).toBeGreaterThan(2);
    await page.locator('html[data-speaking="kiosk"]').waitFor({ state: 'attached' });
  });
});
