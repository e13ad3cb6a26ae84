import { chromium, type Browser, type LaunchOptions } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ROOT } from '../../../src-main/paths.js';

/** Debian's Chromium; the flags keep it off the (closed) network. Never a downloaded browser. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(extraArgs: string[] = [], opts: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extraArgs], ...opts });
}

export const SCREENSHOT_DIR = join(APP_ROOT, 'test-results', 'screenshots');
mkdirSync(SCREENSHOT_DIR, { recursive: true });
