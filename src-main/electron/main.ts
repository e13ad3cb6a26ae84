/**
 * The Electron shell: one locked-down kiosk window over the same services as the host shell.
 * Only this folder imports 'electron'.
 */
import { app, BrowserWindow, ipcMain, Menu, net, protocol, session, type WebContents } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { API_EVENTS, API_METHODS, channelOf } from '../../src-shared/api/contract.js';
import { contentSecurityPolicy } from '../../src-shared/api/csp.js';
import { startKioskApp, type KioskApp } from '../app/kiosk-app.js';
import { dispatch } from '../app/dispatch.js';
import { fileUnder } from '../host/static-files.js';
import { createLogger } from '../log/logger.js';
import { RENDERER_DIST } from '../paths.js';
import { eventChannelOf } from './channels.js';
import { APP_PROTOCOL, BLOCKED_SHORTCUTS, KIOSK_PARTITION, START_URL, isTrustedUrl, kioskWindowOptions, permissionGranted, shortcutOf } from './window-options.js';

protocol.registerSchemesAsPrivileged([{ scheme: APP_PROTOCOL, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const log = createLogger({ file: join(app.getPath('userData'), 'logs', 'kiosk.log') });

function serveRenderer(): void {
  const ses = session.fromPartition(KIOSK_PARTITION);
  ses.protocol.handle(APP_PROTOCOL, async (request) => {
    const file = fileUnder(RENDERER_DIST, new URL(request.url).pathname);
    if (!file) return new Response('not found', { status: 404 });
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    headers.set('content-security-policy', contentSecurityPolicy());
    return new Response(res.body, { status: res.status, headers });
  });
  // Camera for the document scanner only, for our own page only; every other permission is refused.
  ses.setPermissionRequestHandler((_wc, permission, grant, details) => grant(permissionGranted(permission, details.requestingUrl)));
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) => permissionGranted(permission, requestingOrigin));
  // A lobby kiosk has no file dialog to offer: a download (a PDF link, a dropped file) is refused.
  ses.on('will-download', (event, item) => {
    log.warn('kiosk.download.refused', { mime: item.getMimeType() });
    event.preventDefault();
  });
}

function lockDown(wc: WebContents): void {
  wc.on('will-navigate', (e, url) => {
    if (!isTrustedUrl(url)) e.preventDefault();
  });
  wc.on('will-redirect', (e, url) => {
    if (!isTrustedUrl(url)) e.preventDefault();
  });
  wc.setWindowOpenHandler(() => ({ action: 'deny' }));
  wc.on('will-attach-webview', (e) => e.preventDefault());
  wc.on('before-input-event', (e, input) => {
    if (input.type === 'keyDown' && BLOCKED_SHORTCUTS.has(shortcutOf(input))) e.preventDefault();
  });
  wc.on('devtools-opened', () => wc.closeDevTools());
}

function wireApi(kiosk: KioskApp, win: BrowserWindow): void {
  for (const method of API_METHODS) {
    ipcMain.handle(channelOf(method), (event, input: unknown) => {
      if (!event.senderFrame || !isTrustedUrl(event.senderFrame.url)) {
        log.warn('ipc.untrusted-sender', { method });
        return { ok: false, error: { code: 'forbidden', message_zh: '拒绝访问', message_en: 'Forbidden' } };
      }
      return dispatch(kiosk.handlers, method, input, log);
    });
  }
  for (const event of API_EVENTS) {
    kiosk.bus.on(event, ((payload: unknown) => {
      if (!win.isDestroyed()) win.webContents.send(eventChannelOf(event), payload);
    }) as never);
  }
  // Whatever a session stored in the page's partition goes when the session ends.
  kiosk.bus.on('session.ended', () => void session.fromPartition(KIOSK_PARTITION).clearStorageData());
}

async function main(): Promise<void> {
  await app.whenReady();
  Menu.setApplicationMenu(null);
  serveRenderer();
  const readerPath = process.env.YZT_READER_PORT;
  const kiosk = await startKioskApp({
    dataDir: app.getPath('userData'),
    shell: 'electron',
    log,
    reader: readerPath ? { transport: 'serial' as const, path: readerPath, baudRate: Number(process.env.YZT_READER_BAUD ?? 115200) } : undefined,
    ...(process.env.YZT_CENTRAL_URL ? { centralUrl: process.env.YZT_CENTRAL_URL } : {}),
    ...(process.env.YZT_COURT ? { courtId: process.env.YZT_COURT } : {}),
  });
  // A counter workstation (`--counter` or YZT_MODE=counter) opens the clerks' console in a normal
  // window; everything else is the locked-down lobby kiosk.
  const counter = process.argv.includes('--counter') || process.env.YZT_MODE === 'counter';
  const win = new BrowserWindow(kioskWindowOptions(join(import.meta.dirname, 'preload.cjs'), { kiosk: !counter && process.env.YZT_WINDOWED !== '1' }));
  lockDown(win.webContents);
  wireApi(kiosk, win);
  win.once('ready-to-show', () => win.show());
  await win.loadURL(counter ? `${START_URL}#/counter` : START_URL);
  app.on('window-all-closed', () => void kiosk.close().then(() => app.quit()));
}

main().catch((e: unknown) => {
  log.error('electron.start.failed', { error: e });
  app.exit(1);
});
