import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ROOT } from '../../../src-main/paths.js';
import { BLOCKED_SHORTCUTS, KIOSK_PARTITION, isTrustedUrl, kioskWindowOptions, permissionGranted, shortcutOf } from '../../../src-main/electron/window-options.js';

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
  it('grants the camera to its own page only, and nothing else to anyone', () => {
    expect(permissionGranted('media', 'app://kiosk/index.html')).toBe(true);
    expect(permissionGranted('media', 'app://kiosk')).toBe(true);
    expect(permissionGranted('media', 'https://example.com/')).toBe(false);
    expect(permissionGranted('media', 'file:///tmp/x.html')).toBe(false);
    expect(permissionGranted('media', undefined)).toBe(false);
    for (const p of ['geolocation', 'notifications', 'openExternal', 'serial', 'hid', 'usb', 'fileSystem', 'clipboard-read']) expect(permissionGranted(p, 'app://kiosk/index.html')).toBe(false);
  });
  // The window itself cannot run here (no Electron runtime): its wiring is read from the source.
  it('answers both permission handlers by origin and refuses downloads on the applicant window', () => {
    const main = readFileSync(join(APP_ROOT, 'src-main', 'electron', 'main.ts'), 'utf8');
    expect(main).toMatch(/setPermissionRequestHandler\([^)]*\) => grant\(permissionGranted\(permission, details\.requestingUrl\)\)/);
    expect(main).toMatch(/setPermissionCheckHandler\([^)]*\) => permissionGranted\(permission, requestingOrigin\)/);
    expect(main).toMatch(/on\('will-download', \(event, item\) => \{\n[^\n]*\n\s*event\.preventDefault\(\);\n\s*\}\);/);
  });
});
