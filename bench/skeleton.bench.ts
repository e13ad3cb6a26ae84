/**
 * The walking skeleton's two latencies, on the real stack (central and kiosk processes, the
 * simulator on a pty, Debian Chromium):
 *  - card placed on the reader -> the interview's first screen, filled from the card;
 *  - submit pressed -> provisional number on screen (and the same inside the service alone).
 */
import { launchChromium } from '../tests/e2e/support/browser.js';
import { loadCard, startStack } from '../tests/e2e/support/stack.js';
import { startKioskApp } from '../src-main/app/kiosk-app.js';
import { createLogger } from '../src-main/log/logger.js';
import { tempDir } from '../tests/support/tmp.js';
import { latencyFigures, type Figure } from './bench-kit.js';
import { apiInputs } from '../src-shared/api/contract.js';
import { fillToReview, sign } from '../tests/e2e/support/applicant.js';
import { draft } from '../tests/support/fixtures.js';
import { pageApi } from '../tests/e2e/support/page-api.js';

const DRAFT = draft({ amountYuan: '100' });

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

/** Records in the page the wall-clock time when a selector first matches. */
const WATCH = `(sel) => new Promise((resolve) => {
  const hit = () => document.querySelector(sel);
  if (hit()) return resolve(Date.now());
  const mo = new MutationObserver(() => { if (hit()) { mo.disconnect(); resolve(Date.now()); } });
  mo.observe(document.body, { childList: true, subtree: true, characterData: true });
})`;

async function browserRounds(): Promise<{ cardToScreen: number[]; submitToProvisional: number[] }> {
  const stack = await startStack({ pacedReader: true });
  const browser = await launchChromium();
  const card = loadCard('resident');
  const cardToScreen: number[] = [];
  const submitToProvisional: number[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(stack.kioskUrl);
    for (let i = 0; i < ROUNDS; i++) {
      await pageApi(page, 'session.end', { reason: 'cancel' });
      stack.sim.removeCard();
      await page.locator('[data-testid=reader-state].reader-ready').waitFor();
      // The first screen after a card is read is the consent step, with the card holder filled in.
      const seen = page.evaluate(`(${WATCH})('[data-testid=step-consent]')`) as Promise<number>;
      // A person puts the card down at any moment of the reader's poll cycle, not just after it
      // reported ready: a random pause spreads the placements over a whole cycle.
      await new Promise((r) => setTimeout(r, Math.random() * 1000));
      const t0 = Date.now();
      stack.sim.placeCard(card);
      cardToScreen.push((await seen) - t0);

      // A new judgment each round: the same one again stops at the duplicate question.
      await fillToReview(page, { basis: `（2024）豫0811民初${100 + i}号` });
      await page.getByTestId('verdict').filter({ hasText: '检查通过' }).waitFor();
      await sign(page);
      const shown = page.evaluate(`(${WATCH})('[data-testid=provisional-no]')`) as Promise<number>;
      const t1 = Date.now();
      await page.getByTestId('submit').click();
      submitToProvisional.push((await shown) - t1);
    }
  } finally {
    await browser.close();
    await stack.close();
  }
  return { cardToScreen, submitToProvisional };
}

async function serviceRounds(n: number): Promise<number[]> {
  const dir = tempDir();
  const app = await startKioskApp({ dataDir: dir.path, shell: 'host', log: createLogger({ sink: [] }) });
  const samples: number[] = [];
  try {
    app.session.cardPlaced(loadCard('resident'));
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      // Through the contract's schema, as dispatch does, so defaults are filled in.
      // A judgment of its own each round: the same one again would stop at the duplicate question.
      await app.handlers['filing.submit'](apiInputs['filing.submit'].parse({ ...DRAFT, basisNumber: `（2024）豫0811民初${5000 + i}号` }));
      samples.push(performance.now() - t0);
    }
  } finally {
    await app.close();
    dir.cleanup();
  }
  return samples;
}

export async function bench(): Promise<Figure[]> {
  const { cardToScreen, submitToProvisional } = await browserRounds();
  const service = await serviceRounds(200);
  return [
    ...latencyFigures('card placed -> filled screen', cardToScreen, 'card placed at a random moment of the 500 ms poll cycle; simulator paced at 115200 baud'),
    ...latencyFigures('submit -> provisional number on screen', submitToProvisional, 'Chromium, host shell, SQLite synchronous=FULL'),
    ...latencyFigures('submit -> provisional number in the service', service, 'one transaction with fsync, no UI'),
  ];
}
