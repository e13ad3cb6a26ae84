/**
 * The contract over HTTP + WebSocket, for the host shell. Built from the contract's method and
 * event lists, so it cannot drift from what the Electron preload exposes.
 */
import { API_EVENTS, API_METHODS, type ApiEventName, type ApiEvents, type ApiResult, type KioskBridge } from '../../src-shared/api/contract.js';
import { EVENTS_PROTOCOL, KEY_HEADER, KEY_PROTOCOL_PREFIX } from '../../src-shared/api/host-launch.js';
import { hostKey } from './host-key.js';

const UNREACHABLE = {
  code: 'host-unreachable',
  message_zh: '与本机服务的连接中断，您填写的内容已保留，请稍候再试或联系工作人员',
  message_en: 'Lost the connection to the kiosk service; what you entered is kept. Try again shortly or ask the staff',
};

/** The shell answers only a page opened with the URL it printed (the per-launch secret). */
const NOT_LAUNCHED = {
  code: 'host-not-launched',
  message_zh: '本页面需要用终端启动时显示的网址打开，请联系工作人员',
  message_en: 'This page must be opened with the address the kiosk showed when it started; please ask the staff',
};

export function createHostBridge(): KioskBridge {
  const listeners = new Map<ApiEventName, Set<(payload: never) => void>>();
  // Taken before the app reads the hash for its route; without it the shell refuses every call.
  const key = hostKey() ?? '';

  const call = async (method: string, input: unknown): Promise<ApiResult<unknown>> => {
    try {
      const res = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [KEY_HEADER]: key },
        body: JSON.stringify(input ?? null),
      });
      const body = (await res.json()) as ApiResult<unknown> | { message_zh?: string; message_en?: string };
      if ('ok' in body) return body;
      if (res.status === 401) return { ok: false, error: NOT_LAUNCHED };
      // The service refused the request itself (e.g. a file too large): its own words, not "connection lost".
      if (body.message_zh && body.message_en) return { ok: false, error: { code: `http-${res.status}`, message_zh: body.message_zh, message_en: body.message_en } };
      return { ok: false, error: { ...UNREACHABLE, code: `http-${res.status}` } };
    } catch {
      return { ok: false, error: UNREACHABLE };
    }
  };

  const connect = () => {
    const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/api/events`, [EVENTS_PROTOCOL, `${KEY_PROTOCOL_PREFIX}${key}`]);
    ws.onmessage = (msg) => {
      const { event, payload } = JSON.parse(String(msg.data)) as { event: ApiEventName; payload: never };
      if (!(API_EVENTS as readonly string[]).includes(event)) return;
      listeners.get(event)?.forEach((l) => l(payload));
    };
    ws.onclose = () => setTimeout(connect, 1000);
  };
  connect();

  const methods = Object.fromEntries(API_METHODS.map((m) => [m, (input: unknown) => call(m, input)]));
  return {
    ...methods,
    on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (payload: never) => void);
      return () => {
        set.delete(listener as (payload: never) => void);
      };
    },
    // The method map is built from API_METHODS, so its keys are exactly the contract's.
  } as unknown as KioskBridge;
}
