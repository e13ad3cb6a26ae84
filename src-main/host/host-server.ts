/**
 * The host shell: plain Node serving the built renderer and the same contract as the Electron
 * preload, over HTTP (POST /api/<method>) and a WebSocket for pushed events, on 127.0.0.1 only.
 * Used by browser tests, by development, and by `npm start` where no Electron runtime exists.
 * Requests must come from the page it serves (Host and Origin checked) so that another site
 * open in the same browser cannot drive the kiosk, and must carry the per-launch secret that only
 * that page was given (launch-key.ts), so that a local process cannot either.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { WebSocketServer, type WebSocket } from 'ws';
import { API_EVENTS, type ApiHandlers } from '../../src-shared/api/contract.js';
import { contentSecurityPolicy } from '../../src-shared/api/csp.js';
import type { EventBus } from '../kiosk/event-bus.js';
import type { Logger } from '../log/logger.js';
import { dispatch } from '../app/dispatch.js';
import { HttpError, readJson, sendJson } from '../http/http-util.js';
import { apiBodyLimit } from './api-body-limits.js';
import { serveStatic } from './static-files.js';
import { RENDERER_DIST } from '../paths.js';
import { EVENTS_PROTOCOL, launchUrl } from '../../src-shared/api/host-launch.js';
import { keyMatches, newLaunchKey, requestKey, socketKey } from './launch-key.js';

/** What the person at the screen reads when a file sent is more than the service takes. */
const TOO_LARGE = { zh: '文件太大，无法上传。请降低扫描分辨率或分页扫描后重试', en: 'The file is too large to upload; scan at a lower resolution or page by page and try again' };

export interface HostOptions {
  handlers: ApiHandlers;
  bus: EventBus;
  log: Logger;
  port?: number;
  rendererDir?: string;
}

export interface HostHandle {
  /** The origin, without the secret: for logs and for requests that must be refused. */
  url: string;
  /** Opens the kiosk page, or a route of it (`/counter`, `/admin`): the only way the secret leaves the shell. */
  launchUrl(route?: string): string;
  /** The per-launch secret, for in-process callers that stand in for the page (tests). */
  key: string;
  close(): Promise<void>;
}


export async function startHostShell(opts: HostOptions): Promise<HostHandle> {
  const rendererDir = opts.rendererDir ?? RENDERER_DIST;
  if (!existsSync(rendererDir)) throw new Error(`renderer not built: ${rendererDir} is missing; run \`npm run build:renderer\``);
  let origin = '';
  const key = newLaunchKey();
  const refused = new HttpError(401, 'forbidden', '拒绝访问', 'Forbidden: this API answers only the page the kiosk opened');
  const sameOrigin = (req: IncomingMessage) => {
    const host = req.headers.host ?? '';
    const okHost = host === origin.replace(/^http:\/\//, '') || host === origin.replace(/^http:\/\/127\.0\.0\.1/, 'localhost');
    const o = req.headers.origin;
    return okHost && (o === undefined || o === origin || o === origin.replace('127.0.0.1', 'localhost'));
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      try {
        if (!sameOrigin(req)) throw new HttpError(403, 'forbidden', '拒绝访问', 'Forbidden origin');
        const url = new URL(req.url ?? '/', origin);
        if (url.pathname.startsWith('/api/')) {
          if (req.method !== 'POST') throw new HttpError(405, 'method', '不支持的请求', 'POST only');
          const method = url.pathname.slice('/api/'.length);
          if (!keyMatches(key, requestKey(req))) {
            opts.log.warn('host.api.refused', { method: method.slice(0, 64), reason: requestKey(req) === undefined ? 'no-key' : 'wrong-key' });
            throw refused;
          }
          const body = await readJson(req, apiBodyLimit(method));
          return sendJson(res, 200, await dispatch(opts.handlers, method, body, opts.log));
        }
        if (req.method !== 'GET') throw new HttpError(405, 'method', '不支持的请求', 'GET only');
        const headers = { 'content-security-policy': contentSecurityPolicy(), 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
        if (serveStatic(rendererDir, url.pathname, res, headers)) return;
        // Single-page app: unknown paths get the shell page.
        if (!url.pathname.includes('.') && serveStatic(rendererDir, '/index.html', res, headers)) return;
        throw new HttpError(404, 'not-found', '页面不存在', 'Not found');
      } catch (e) {
        // A body refused unread is drained first, so the page reads this answer instead of a broken connection.
        if (e instanceof HttpError && e.status === 413 && !req.complete) return req.resume().once('end', () => sendJson(res, 413, { error: e.code, message_zh: TOO_LARGE.zh, message_en: TOO_LARGE.en }));
        if (e instanceof HttpError) return sendJson(res, e.status, { error: e.code, message_zh: e.message_zh, message_en: e.message });
        opts.log.error('host.request.failed', { error: e });
        return sendJson(res, 500, { error: 'internal', message_zh: '系统内部错误', message_en: 'Internal error' });
      }
    })();
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096, handleProtocols: (offered) => (offered.has(EVENTS_PROTOCOL) ? EVENTS_PROTOCOL : false) });
  const clients = new Set<WebSocket>();
  server.on('upgrade', (req, socket, head) => {
    if (!sameOrigin(req) || new URL(req.url ?? '/', origin).pathname !== '/api/events') {
      socket.destroy();
      return;
    }
    if (!keyMatches(key, socketKey(req))) {
      opts.log.warn('host.events.refused', { reason: socketKey(req) === undefined ? 'no-key' : 'wrong-key' });
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      clients.add(ws);
      ws.on('close', () => clients.delete(ws));
      ws.on('message', () => ws.close(1008, 'events only')); // the socket is one-way
    });
  });
  const forwarders = API_EVENTS.map((event) => {
    const listener = (payload: unknown) => {
      const msg = JSON.stringify({ event, payload });
      for (const ws of clients) ws.send(msg);
    };
    opts.bus.on(event, listener as never);
    return () => opts.bus.off(event, listener as never);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  opts.log.info('host.started', { url: origin });
  return {
    url: origin,
    launchUrl: (route = '') => launchUrl(origin, key, route),
    key,
    close: () =>
      new Promise<void>((resolve) => {
        forwarders.forEach((off) => off());
        for (const ws of clients) ws.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
