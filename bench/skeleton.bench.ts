/**
 * The walking skeleton's two latencies, on the real stack (central and kiosk processes, the
 * simulator on a pty, Debian Chromium):
 *  - card placed on the reader -> applicant's name on screen;
 *  - submit pressed -> provisional number on screen (and the same inside the service alone).
 */
import { launchChromium } from '../tests/e2e/support/browser.js';
import { loadCard, startStack } from '../tests/e2e/support/stack.js';
import { startKioskApp } from '../src-main/app/kiosk-app.js';
import { createLogger } from '../src-main/log/logger.js';
import { tempDir } from '../tests/support/tmp.js';
import { latencyFigures, type Figure } from './bench-kit.js';
import { apiInputs } from '../src-shared/api/contract.js';

const DRAFT = { basisNumber: '（2024）豫0811民初123号', respondents: [{ kind: 'person', name: '李四' }], amountYuan: '100' };

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
      await page.evaluate(() => fetch('/api/session.end', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reason: 'cancel' }) }));
      stack.sim.removeCard();
      await page.locator('[data-testid=reader-state].reader-ready').waitFor();
      const seen = page.evaluate(`(${WATCH})('[data-testid=applicant-name]')`) as Promise<number>;
      const t0 = Date.now();
      stack.sim.placeCard(card);
      cardToScreen.push((await seen) - t0);

      await page.getByLabel('执行依据文号').fill('（2024）豫0811民初123号');
      await page.getByLabel('被执行人姓名或名称').fill('李四');
      await page.getByLabel('申请执行金额').fill('100');
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
      await app.handlers['filing.submit'](apiInputs['filing.submit'].parse(DRAFT));
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
    ...latencyFigures('card placed -> name on screen', cardToScreen, 'reader polls every 500 ms; simulator paced at 115200 baud'),
    ...latencyFigures('submit -> provisional number on screen', submitToProvisional, 'Chromium, host shell, SQLite synchronous=FULL'),
    ...latencyFigures('submit -> provisional number in the service', service, 'one transaction with fsync, no UI'),
  ];
}
