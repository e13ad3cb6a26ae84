/**
 * Calling the kiosk's HTTP API from a page of its own origin (the host shell accepts no other)
 * with the per-launch secret the page was opened with, as an applicant's screen would, and a
 * small photographed page to add as a document.
 */
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { KEY_HEADER, KEY_STORAGE_ITEM } from '../../../src-shared/api/host-launch.js';
import type { PageGlobals } from './page-globals.js';

export type Answer<T> = { ok: true; value: T } | { ok: false; error: { code: string; message_zh: string } };

export function pageApi<T>(p: Page, method: string, input: unknown): Promise<Answer<T>> {
  return p.evaluate(
    async ([m, i, item, header]) => {
      const { sessionStorage } = globalThis as unknown as PageGlobals;
      const key = sessionStorage.getItem(item) ?? '';
      const res = await fetch(`/api/${m}`, { method: 'POST', headers: { 'content-type': 'application/json', [header]: key }, body: JSON.stringify(i) });
      return res.json();
    },
    [method, input, KEY_STORAGE_ITEM, KEY_HEADER] as const,
  ) as Promise<Answer<T>>;
}

/** A plain grey page, a PNG data URL as the camera step sends it. */
export function pngDataUrl(): string {
  const png = new PNG({ width: 40, height: 56 });
  png.data.fill(230);
  return `data:image/png;base64,${PNG.sync.write(png).toString('base64')}`;
}
