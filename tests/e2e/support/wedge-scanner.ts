/**
 * The keyboard-wedge scanner simulator. A wedge scanner is a USB keyboard: it "types" the code
 * as keydown/keyup events a few milliseconds apart, then Enter. Playwright's keyboard spaces
 * keys by its own round trips, so on a loaded machine a scan could look like a person typing
 * (the classifier in src-shared/scan/wedge.ts decides by timing). The simulator instead sends
 * every key of one scan in one page task, each stamped with an explicit time `gapMs` apart,
 * so the page's real wedge path (use-wedge.ts → WedgeClassifier) always sees the same burst.
 */
import type { Page } from 'playwright-core';

/** A scanner's pace: well inside the classifier's 30 ms average, as hardware.md section 2 measures. */
export const SCANNER_GAP_MS = 8;

export interface WedgeKey {
  key: string;
  /** Milliseconds after the first key. */
  offsetMs: number;
}

interface WedgeTarget {
  dispatchEvent(ev: object): boolean;
}

interface WedgeGlobals {
  readonly document: { readonly activeElement: WedgeTarget | null; readonly body: WedgeTarget };
  readonly KeyboardEvent: new (type: string, init: { key: string; bubbles: boolean; cancelable: boolean; composed: boolean }) => object;
}

/** The keys a wedge scanner sends for `payload` (printable ASCII, as wedge scanners type). */
export function wedgeKeys(payload: string, gapMs = SCANNER_GAP_MS): WedgeKey[] {
  if (!/^[\x20-\x7e]*$/u.test(payload)) throw new Error('a keyboard wedge types printable ASCII only; percent-encode the payload');
  return [...payload, 'Enter'].map((key, i) => ({ key, offsetMs: i * gapMs }));
}

/** Scans `payload` with the simulated wedge scanner into whatever has focus on `page`. */
export async function wedgeScan(page: Page, payload: string, gapMs = SCANNER_GAP_MS): Promise<void> {
  await page.evaluate((keys) => {
    // Runs in the page; the Node type-check has no DOM lib, so the few globals are typed here.
    const { document, KeyboardEvent } = globalThis as unknown as WedgeGlobals;
    const last = keys[keys.length - 1]?.offsetMs ?? 0;
    // The burst ends now: every stamp is in the past, as for keys that just arrived.
    const t0 = performance.now() - last;
    const target = document.activeElement ?? document.body;
    for (const { key, offsetMs } of keys) {
      for (const type of ['keydown', 'keyup']) {
        const ev = new KeyboardEvent(type, { key, bubbles: true, cancelable: true, composed: true });
        Object.defineProperty(ev, 'timeStamp', { value: t0 + offsetMs });
        target.dispatchEvent(ev);
      }
    }
  }, wedgeKeys(payload, gapMs));
}
