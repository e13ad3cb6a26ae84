/**
 * The kiosk window's settings, kept apart from the code that creates the window so that a
 * test (without an Electron runtime) can check every hardening setting.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export const APP_PROTOCOL = 'app';
export const APP_ORIGIN = `${APP_PROTOCOL}://kiosk`;
export const START_URL = `${APP_ORIGIN}/index.html`;
/** In-memory partition (no "persist:" prefix): nothing of a session survives on disk. */
export const KIOSK_PARTITION = 'kiosk-session';

export function kioskWindowOptions(preloadPath: string, opts: { kiosk?: boolean } = {}): BrowserWindowConstructorOptions {
  return {
    kiosk: opts.kiosk ?? true,
    fullscreen: opts.kiosk ?? true,
    autoHideMenuBar: true,
    show: false,
    backgroundColor: '#f4f6f8',
    webPreferences: {
      preload: preloadPath,
      partition: KIOSK_PARTITION,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // The idle warning and the take-your-card reminder speak without a tap first.
      autoplayPolicy: 'no-user-gesture-required',
    },
  };
}

/** Only our own page may call the API. */
export function isTrustedUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** The only permission the kiosk page ever needs: the document camera. */
const GRANTED_PERMISSIONS = new Set(['media']);

/**
 * Whether a permission is granted: only to our own page (`app://kiosk`), only the camera. Used
 * by both the request handler and the check handler, so a page from elsewhere (an injected
 * frame, a navigation that slipped through) gets nothing by either route.
 */
export function permissionGranted(permission: string, requestingUrl: string | undefined): boolean {
  return GRANTED_PERMISSIONS.has(permission) && requestingUrl !== undefined && isTrustedUrl(requestingUrl);
}

/**
 * Keys that would leave or inspect the app: reload, devtools, close, quit, fullscreen toggle,
 * zoom reset tricks and the like. Compared as `Ctrl+Shift+I` style strings.
 */
export const BLOCKED_SHORTCUTS = new Set([
  'F5', 'Ctrl+R', 'Ctrl+Shift+R', 'F11', 'F12', 'Ctrl+Shift+I', 'Ctrl+Shift+J', 'Ctrl+Shift+C',
  'Ctrl+W', 'Ctrl+Q', 'Ctrl+N', 'Ctrl+T', 'Ctrl+P', 'Ctrl+S', 'Ctrl+O', 'Ctrl+U', 'Ctrl+L', 'Alt+F4', 'Alt+Left', 'Alt+Right',
  'Meta+Q', 'Meta+W', 'Meta+R',
]);

export function shortcutOf(input: { key: string; control: boolean; shift: boolean; alt: boolean; meta: boolean }): string {
  const parts = [input.control && 'Ctrl', input.alt && 'Alt', input.shift && 'Shift', input.meta && 'Meta'].filter(Boolean) as string[];
  const key = input.key.length === 1 ? input.key.toUpperCase() : input.key;
  return [...parts, key].join('+');
}
