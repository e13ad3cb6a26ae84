/**
 * The kiosk's signed HTTP client for the central gateway. Every request carries the device id,
 * the protocol and kiosk schema versions, the time and an HMAC signature. The client keeps an
 * offset to the central's clock (from each answer's `x-yzt-server-time`), so a kiosk whose
 * clock is an hour off, or stepped back, still signs inside the central's window.
 */
import { createHash, createHmac } from 'node:crypto';
import {
  HEADER_DEVICE,
  HEADER_PROTOCOL,
  HEADER_SCHEMA,
  HEADER_SERVER_TIME,
  HEADER_SIGNATURE,
  HEADER_TIME,
  MIN_PROTOCOL_VERSION,
  signingText,
  type ProtocolErrorBody,
} from '../../src-shared/sync/protocol.js';
import type { Credential, SyncProblem } from './sync-state.js';

export class SyncFailure extends Error {
  constructor(
    readonly problem: SyncProblem,
    /** False when the central could not be reached at all. */
    readonly reachable: boolean,
    readonly body: (ProtocolErrorBody & Record<string, unknown>) | null = null,
  ) {
    super(problem.message_en);
  }
}

/** Answers after which retrying soon is pointless; the engine waits at its longest backoff. */
export const STANDING_PROBLEMS = new Set(['kiosk-too-old', 'central-too-old', 'kiosk-schema-too-old', 'device-revoked', 'not-enrolled', 'bad-signature']);

export function unreachable(detail: string): SyncFailure {
  return new SyncFailure({ code: 'unreachable', message_zh: '无法连接法院系统，申请已保存在本机，网络恢复后自动上传', message_en: `central unreachable${detail}` }, false);
}

export interface ClientOptions {
  protocol: number;
  schema: number;
  now: () => Date;
  timeoutMs: number;
}

export class CentralClient {
  private clockOffsetMs = 0;
  private lastSignedMs = 0;

  constructor(
    private readonly cred: Credential,
    private readonly o: ClientOptions,
  ) {}

  get url(): string {
    return this.cred.centralUrl;
  }

  private headers(method: string, path: string, body: string | Buffer, contentType: string): Record<string, string> {
    let t = this.o.now().getTime() + this.clockOffsetMs;
    // The central takes each signature once: two sends in one millisecond (or under a fixed
    // test clock) get distinct times. A clock moved back by more than that is followed as is.
    if (t <= this.lastSignedMs && this.lastSignedMs - t < 1_000) t = this.lastSignedMs + 1;
    this.lastSignedMs = t;
    const time = new Date(t).toISOString();
    const hash = createHash('sha256').update(body).digest('hex');
    return {
      'content-type': contentType,
      [HEADER_DEVICE]: this.cred.deviceId,
      [HEADER_PROTOCOL]: String(this.o.protocol),
      [HEADER_SCHEMA]: String(this.o.schema),
      [HEADER_TIME]: time,
      [HEADER_SIGNATURE]: createHmac('sha256', this.cred.secret).update(signingText(method, path, time, hash)).digest('base64url'),
    };
  }

  /** Sends one signed request; on a clock-skew refusal, adopts the central's clock and resends once. */
  async request<T>(method: 'GET' | 'POST', path: string, body?: unknown, opts: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<T> {
    return this.send<T>(method, path, body === undefined ? '' : JSON.stringify(body), 'application/json', {}, opts);
  }

  /** Sends a JSON body already in text form (a push made of the outbox's stored JSON, which need not be parsed and written again). */
  async postJsonText<T>(path: string, json: string, opts: { timeoutMs?: number } = {}): Promise<T> {
    return this.send<T>('POST', path, json, 'application/json', {}, opts);
  }

  /** Sends raw bytes (a page image) with PUT; the signature covers their hash like a JSON body's. */
  async put<T>(path: string, bytes: Buffer, contentType: string, extraHeaders: Record<string, string>, opts: { timeoutMs?: number } = {}): Promise<T> {
    return this.send<T>('PUT', path, bytes, contentType, extraHeaders, opts);
  }

  private async send<T>(method: 'GET' | 'POST' | 'PUT', path: string, text: string | Buffer, contentType: string, extraHeaders: Record<string, string>, opts: { timeoutMs?: number; signal?: AbortSignal }): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        const timeout = AbortSignal.timeout(opts.timeoutMs ?? this.o.timeoutMs);
        res = await fetch(`${this.cred.centralUrl}${path}`, {
          method,
          headers: { ...this.headers(method, path, text, contentType), ...extraHeaders },
          ...(method === 'GET' ? {} : { body: typeof text === 'string' ? text : new Uint8Array(text) }),
          signal: opts.signal ? AbortSignal.any([timeout, opts.signal]) : timeout,
        });
      } catch (e) {
        const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : e instanceof Error ? `: ${e.message}` : '';
        throw unreachable(cause);
      }
      const serverTime = Date.parse(res.headers.get(HEADER_SERVER_TIME) ?? '');
      if (Number.isFinite(serverTime)) this.clockOffsetMs = serverTime - this.o.now().getTime();
      const json = (await res.json().catch(() => null)) as (T & Record<string, unknown>) | null;
      const serverProtocol = Number(res.headers.get(HEADER_PROTOCOL) ?? NaN);
      if (res.ok && Number.isInteger(serverProtocol) && serverProtocol < MIN_PROTOCOL_VERSION) {
        throw new SyncFailure(
          { code: 'central-too-old', message_zh: `法院系统版本过旧（协议 ${serverProtocol}），请联系法院升级中心系统`, message_en: `Central speaks protocol ${serverProtocol}, older than this kiosk supports (${MIN_PROTOCOL_VERSION})` },
          true,
        );
      }
      if (res.ok && json) return json;
      const err = json as unknown as (ProtocolErrorBody & Record<string, unknown>) | null;
      if (err?.error === 'clock-skew' && attempt === 0) continue;
      throw new SyncFailure(
        err && typeof err.error === 'string'
          ? { code: err.error, message_zh: err.message_zh, message_en: err.message_en }
          : { code: `http-${res.status}`, message_zh: '法院系统暂时无法处理，稍后自动重试', message_en: `central answered HTTP ${res.status}` },
        true,
        err,
      );
    }
  }
}
