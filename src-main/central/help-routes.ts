/**
 * HTTP for calls for staff. Kiosk side (signed): POST /v1/help raises, GET /v1/help/<id>?wait=
 * long-polls until the call changes, POST /v1/help/<id>/cancel. Court side (court token): GET
 * /v1/court/help?since=&wait= long-polls the court's open calls, POST /v1/court/help/ack.
 * Nothing here is about an applicant: kiosk, place, times and the clerk's name. The calls are
 * kept in the central's store (`store.helpCalls`), so a gateway restart keeps them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { HELP_PLACES, type HelpCallView } from '../../src-shared/api/help.js';
import { MAX_LONG_POLL_MS } from '../../src-shared/sync/protocol.js';
import { HttpError, parseJson, sendJson } from '../http/http-util.js';
import type { Logger } from '../log/logger.js';
import type { ChangeNotifier } from './change-notifier.js';
import type { CourtScope } from './court-auth.js';
import { readCourt } from './court-auth.js';
import type { DeviceRecord, CentralStore } from './store.js';
import { HelpDesk } from './help-desk.js';

const raiseSchema = z.strictObject({ id: z.uuid(), place: z.enum(HELP_PLACES), kioskName: z.string().trim().min(1).max(60) });
const ackSchema = z.strictObject({ id: z.uuid(), by: z.string().trim().min(1).max(60) });
const CALL_PATH = /^\/v1\/help\/([0-9a-f-]{36})(\/cancel)?$/;

export interface HelpCallsResponse {
  protocol: number;
  calls: HelpCallView[];
  version: number;
}

const courtKey = (court: string) => `help:${court}`;
const callKey = (id: string) => `help-call:${id}`;

export function helpRoutes(o: { store: CentralStore; notifier: ChangeNotifier; log: Logger; now: () => Date; protocol: number; recheckMs?: number }) {
  const desk = new HelpDesk(o.store.helpCalls, (court, id) => {
    o.notifier.notify(courtKey(court));
    o.notifier.notify(callKey(id));
  });
  const waitOf = (url: URL) => Math.min(MAX_LONG_POLL_MS, Math.max(0, Number(url.searchParams.get('wait') ?? 0) || 0));

  /** Kiosk routes; false when the path is not one of them. */
  const kiosk = async (device: DeviceRecord, req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer, signal: AbortSignal): Promise<boolean> => {
    if (req.method === 'POST' && url.pathname === '/v1/help') {
      const parsed = raiseSchema.safeParse(parseJson(body));
      if (!parsed.success) throw new HttpError(400, 'bad-request', '呼叫请求格式错误', `Malformed help call: ${parsed.error.issues[0]?.message ?? ''}`);
      const call = await desk.raise(device, parsed.data, o.now());
      if (!call) throw new HttpError(409, 'help-id-taken', '呼叫编号冲突', 'Help call id belongs to another device');
      o.log.info('central.help.raised', { deviceId: device.deviceId, courtCode: device.courtCode, callId: call.id, place: call.place });
      sendJson(res, 200, call);
      return true;
    }
    const m = CALL_PATH.exec(url.pathname);
    if (!m) return false;
    const id = m[1]!;
    if (m[2] && req.method === 'POST') {
      const gone = await desk.cancel(device.deviceId, id, o.now());
      if (gone) o.log.info('central.help.cancelled', { deviceId: device.deviceId, callId: id });
      sendJson(res, 200, { cancelled: gone });
      return true;
    }
    if (req.method !== 'GET') return false;
    const seen = url.searchParams.get('status');
    const until = Date.now() + waitOf(url);
    for (;;) {
      const call = await desk.get(device.deviceId, id, o.now());
      if (!call) throw new HttpError(404, 'help-not-found', '呼叫已结束', 'No such help call (expired or cancelled)');
      const left = until - Date.now();
      if (call.status !== seen || left <= 0 || signal.aborted) {
        sendJson(res, 200, call);
        return true;
      }
      await o.notifier.wait(callKey(id), Math.min(left, o.recheckMs ?? 5_000), signal);
    }
  };

  /** Court routes (the caller has checked the token into `scope`); false when not one of them. */
  const court = async (scope: () => Promise<CourtScope>, req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer, signal: AbortSignal): Promise<boolean> => {
    if (req.method === 'GET' && url.pathname === '/v1/court/help') {
      const code = readCourt(await scope(), url.searchParams.get('court'));
      const since = Math.max(0, Number(url.searchParams.get('since') ?? 0) || 0);
      const until = Date.now() + waitOf(url);
      while ((await desk.version(code)) <= since && Date.now() < until && !signal.aborted) {
        o.log.debug('central.help.waiting', { court: code, since });
        const by = await o.notifier.wait(courtKey(code), Math.min(until - Date.now(), o.recheckMs ?? 5_000), signal);
        o.log.debug('central.help.woke', { court: code, since, by });
      }
      // The version first: a change between the two reads is then seen again, never missed.
      const version = await desk.version(code);
      const answer: HelpCallsResponse = { protocol: o.protocol, calls: await desk.open(code, o.now()), version };
      sendJson(res, 200, answer);
      return true;
    }
    if (req.method === 'POST' && url.pathname === '/v1/court/help/ack') {
      const s = await scope();
      const parsed = ackSchema.safeParse(parseJson(body));
      if (!parsed.success) throw new HttpError(400, 'bad-request', '确认请求格式错误', `Malformed acknowledgement: ${parsed.error.issues[0]?.message ?? ''}`);
      const r = await desk.acknowledge(s.court, parsed.data.id, parsed.data.by, o.now());
      if (r === 'not-found') throw new HttpError(404, 'help-not-found', '这个呼叫已结束', 'No such help call');
      if (r === 'wrong-court') throw new HttpError(403, 'wrong-court', '不能处理其他法院的呼叫', 'A court token acknowledges its own court only');
      o.log.info('central.help.acknowledged', { callId: r.id, deviceId: r.deviceId });
      sendJson(res, 200, r);
      return true;
    }
    return false;
  };

  return { kiosk, court, desk };
}
