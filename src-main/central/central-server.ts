/**
 * The central gateway: the court-side service that kiosks sync with. It assigns official
 * case numbers. Runs as its own process (`yzt central serve`) on its own database.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Db } from '../db/open.js';
import { openDatabase } from '../db/open.js';
import type { Logger } from '../log/logger.js';
import { filingRecordSchema } from '../../src-shared/domain/filing.js';
import {
  HEADER_PROTOCOL,
  MAX_PUSH_BYTES,
  PROTOCOL_VERSION,
  pushRequestSchema,
  type MutationResult,
  type PushResponse,
} from '../../src-shared/sync/protocol.js';
import { acceptMutation } from './accept-mutation.js';
import { HttpError, readJson, sendJson } from '../http/http-util.js';

export interface CentralOptions {
  dbFile: string;
  port: number;
  host?: string;
  log: Logger;
  now?: () => Date;
}

export interface CentralHandle {
  url: string;
  db: Db;
  close(): Promise<void>;
}

function registerDevice(db: Db, deviceId: string, courtCode: string, now: Date): string {
  const at = now.toISOString();
  const row = db.prepare('SELECT court_code FROM devices WHERE device_id = ?').get(deviceId) as { court_code: string } | undefined;
  if (row) {
    db.prepare('UPDATE devices SET last_seen_at = ? WHERE device_id = ?').run(at, deviceId);
    return row.court_code;
  }
  db.prepare('INSERT INTO devices (device_id, court_code, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?)').run(deviceId, courtCode, at, at);
  return courtCode;
}

function handlePush(db: Db, body: unknown, now: () => Date, log: Logger): PushResponse {
  const parsed = pushRequestSchema.safeParse(body);
  if (!parsed.success) throw new HttpError(400, 'bad-request', '同步请求格式错误', `Malformed push: ${parsed.error.issues[0]?.message ?? ''}`);
  const req = parsed.data;
  if (req.protocol !== PROTOCOL_VERSION) {
    throw new HttpError(409, 'protocol-mismatch', `终端程序版本与法院系统不一致（终端协议 ${req.protocol}，系统协议 ${PROTOCOL_VERSION}），请联系技术人员升级`, `Protocol ${req.protocol} not supported; server speaks ${PROTOCOL_VERSION}`);
  }
  const deviceCourt = registerDevice(db, req.deviceId, req.courtCode, now());
  const results: MutationResult[] = req.mutations.map((m) => {
    const filing = filingRecordSchema.safeParse(m.filing);
    if (!filing.success) {
      log.warn('central.mutation.malformed', { deviceId: req.deviceId, mutationId: m.mutationId, issue: filing.error.issues[0]?.path.join('.') });
      return { mutationId: m.mutationId, status: 'rejected', code: 'malformed', reason_zh: '申请数据不完整或格式错误', reason_en: 'Malformed filing data' };
    }
    const result = acceptMutation(db, req.deviceId, deviceCourt, { mutationId: m.mutationId, kind: m.kind, filing: filing.data }, now());
    log.info('central.mutation', { deviceId: req.deviceId, mutationId: m.mutationId, status: result.status, officialNo: result.status === 'accepted' ? result.officialNo : undefined });
    return result;
  });
  return { protocol: PROTOCOL_VERSION, results };
}

export async function startCentral(opts: CentralOptions): Promise<CentralHandle> {
  const db = openDatabase(opts.dbFile, 'central');
  const now = opts.now ?? (() => new Date());
  const server: Server = createServer((req, res) => {
    void (async () => {
      try {
        const url = new URL(req.url ?? '/', 'http://central');
        if (req.method === 'GET' && url.pathname === '/v1/health') {
          return sendJson(res, 200, { ok: true, protocol: PROTOCOL_VERSION, time: now().toISOString() });
        }
        if (req.method === 'POST' && url.pathname === '/v1/push') {
          const header = Number(req.headers[HEADER_PROTOCOL] ?? PROTOCOL_VERSION);
          if (header !== PROTOCOL_VERSION) throw new HttpError(409, 'protocol-mismatch', '终端程序版本与法院系统不一致，请联系技术人员升级', `Protocol ${header} not supported`);
          return sendJson(res, 200, handlePush(db, await readJson(req, MAX_PUSH_BYTES), now, opts.log));
        }
        throw new HttpError(404, 'not-found', '地址不存在', 'Not found');
      } catch (e) {
        if (e instanceof HttpError) {
          opts.log.warn('central.request.refused', { path: req.url, status: e.status, code: e.code });
          return sendJson(res, e.status, { error: e.code, message_zh: e.message_zh, message_en: e.message });
        }
        opts.log.error('central.request.failed', { path: req.url, error: e });
        return sendJson(res, 500, { error: 'internal', message_zh: '法院系统内部错误', message_en: 'Internal error' });
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${opts.host ?? '127.0.0.1'}:${port}`;
  opts.log.info('central.started', { url, dbFile: opts.dbFile });
  return {
    url,
    db,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          db.close();
          resolve();
        });
      }),
  };
}
