import { describe, expect, it } from 'vitest';
import { BLOCKED_SHORTCUTS, KIOSK_PARTITION, isTrustedUrl, kioskWindowOptions, shortcutOf } from '../../../src-main/electron/window-options.js';

describe('kiosk window hardening', () => {
  const o = kioskWindowOptions('/app/preload.cjs');
  it('is a kiosk window with a sandboxed, isolated renderer and no Node', () => {
    expect(o.kiosk).toBe(true);
    expect(o.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      preload: '/app/preload.cjs',
    });
  });
  it('keeps every hardening setting in the windowed (counter) mode, which differs only in not being kiosk and fullscreen', () => {
    const w = kioskWindowOptions('/app/preload.cjs', { kiosk: false });
    expect(w).toMatchObject({ kiosk: false, fullscreen: false });
    expect(o).toMatchObject({ kiosk: true, fullscreen: true });
    expect(w.webPreferences).toEqual(o.webPreferences);
    expect({ ...w, kiosk: true, fullscreen: true }).toEqual(o);
  });
  it('uses an in-memory partition so a session leaves nothing on disk', () => {
    expect(o.webPreferences?.partition).toBe(KIOSK_PARTITION);
    expect(KIOSK_PARTITION.startsWith('persist:')).toBe(false);
  });
  it('trusts only its own origin', () => {
    expect(isTrustedUrl('app://kiosk/index.html')).toBe(true);
    expect(isTrustedUrl('app://other/index.html')).toBe(false);
    expect(isTrustedUrl('https://example.com/')).toBe(false);
    expect(isTrustedUrl('file:///etc/passwd')).toBe(false);
    expect(isTrustedUrl('not a url')).toBe(false);
  });
  it('blocks the shortcuts that reload, inspect or close the app', () => {
    for (const k of [
      { key: 'i', control: true, shift: true, alt: false, meta: false },
      { key: 'F12', control: false, shift: false, alt: false, meta: false },
      { key: 'F4', control: false, shift: false, alt: true, meta: false },
      { key: 'r', control: true, shift: false, alt: false, meta: false },
    ]) {
      expect(BLOCKED_SHORTCUTS.has(shortcutOf(k))).toBe(true);
    }
    expect(BLOCKED_SHORTCUTS.has(shortcutOf({ key: 'a', control: false, shift: false, alt: false, meta: false }))).toBe(false);
  });
});
