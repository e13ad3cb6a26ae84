/**
 * The SP side of CMPP 2.0: logs in, submits a text to one phone as UCS-2 segments, and logs
 * in again when the link was lost. A message either gets a Msg_Id for every segment or fails
 * as a whole with a `CmppSendError`; the outbox decides when to try again.
 */
import { CMD } from './frame.js';
import { CMPP_VERSION_2, CONNECT_STATUS, authenticatorIsmg, authenticatorSource, cmppTimestamp, decodeConnectResp, encodeConnect } from './connect.js';
import { CmppConnection, CmppLinkError } from './connection.js';
import { MSG_FMT_UCS2, SUBMIT_RESULT, decodeSubmitResp, encodeSubmit } from './submit.js';
import { splitMessage } from './segments.js';
import type { StatusReport } from './deliver.js';

export interface CmppConfig {
  host: string;
  port: number;
  /** Source_Addr: the SP's enterprise code (企业代码, 6 characters). */
  sourceAddr: string;
  /** The shared secret the ISMG gave the SP. Never logged. */
  secret: string;
  serviceId: string;
  /** Src_Id: the SP access number the phone shows as sender (e.g. 1069xxxx). */
  srcId: string;
  responseTimeoutMs?: number | undefined;
  activeTestMs?: number | undefined;
}

export class CmppSendError extends Error {
  constructor(message: string, readonly code: string, readonly retryable: boolean) {
    super(message);
  }
}

export interface SendResult {
  msgIds: string[];
  segments: number;
}

export class CmppClient {
  private link: CmppConnection | null = null;
  private opening: Promise<CmppConnection> | null = null;
  private ref = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly cfg: CmppConfig, private readonly onReport?: (r: StatusReport) => void, private readonly now: () => Date = () => new Date()) {}

  private async login(): Promise<CmppConnection> {
    const conn = await CmppConnection.open({ host: this.cfg.host, port: this.cfg.port, responseTimeoutMs: this.cfg.responseTimeoutMs ?? 10_000, activeTestMs: this.cfg.activeTestMs ?? 30_000, onReport: this.onReport });
    const ts = cmppTimestamp(this.now());
    const auth = authenticatorSource(this.cfg.sourceAddr, this.cfg.secret, ts);
    const resp = decodeConnectResp((await conn.request(CMD.CONNECT, encodeConnect({ sourceAddr: this.cfg.sourceAddr, authenticatorSource: auth, version: CMPP_VERSION_2, timestamp: Number(ts) }), CMD.CONNECT_RESP)).body);
    if (resp.status !== 0) {
      conn.close();
      throw new CmppSendError(`CMPP login refused: status ${resp.status} (${CONNECT_STATUS[resp.status] ?? 'unknown'})`, `connect-${resp.status}`, resp.status !== 3);
    }
    if (!resp.authenticatorIsmg.equals(authenticatorIsmg(0, auth, this.cfg.secret))) {
      conn.close();
      throw new CmppSendError('CMPP gateway failed to prove the shared secret (AuthenticatorISMG mismatch)', 'ismg-auth', false);
    }
    conn.onClosed(() => {
      if (this.link === conn) this.link = null;
    });
    return conn;
  }

  private async connection(): Promise<CmppConnection> {
    if (this.link && !this.link.closed) return this.link;
    this.opening ??= this.login().finally(() => (this.opening = null));
    this.link = await this.opening;
    return this.link;
  }

  /** Sends one message; sends are serialised so segments of two messages never interleave. */
  send(phone: string, text: string): Promise<SendResult> {
    const run = this.queue.then(() => this.sendNow(phone, text));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async sendNow(phone: string, text: string): Promise<SendResult> {
    this.ref = (this.ref + 1) & 0xff;
    const segments = splitMessage(text, this.ref);
    let conn: CmppConnection;
    try {
      conn = await this.connection();
    } catch (e) {
      throw asSendError(e);
    }
    const msgIds: string[] = [];
    for (const s of segments) {
      let resp;
      try {
        const body = encodeSubmit({ pkTotal: s.total, pkNumber: s.number, registeredDelivery: 1, serviceId: this.cfg.serviceId, tpUdhi: s.udhi, msgFmt: MSG_FMT_UCS2, msgSrc: this.cfg.sourceAddr, srcId: this.cfg.srcId, destTerminalIds: [phone], content: s.content });
        resp = decodeSubmitResp((await conn.request(CMD.SUBMIT, body, CMD.SUBMIT_RESP)).body);
      } catch (e) {
        throw asSendError(e);
      }
      if (resp.result !== 0) throw new CmppSendError(`CMPP_SUBMIT refused: result ${resp.result} (${SUBMIT_RESULT[resp.result] ?? 'unknown'})`, `submit-${resp.result}`, true);
      msgIds.push(resp.msgId);
    }
    return { msgIds, segments: segments.length };
  }

  async close(): Promise<void> {
    const link = this.link;
    this.link = null;
    if (link) await link.terminate();
  }
}

function asSendError(e: unknown): CmppSendError {
  if (e instanceof CmppSendError) return e;
  if (e instanceof CmppLinkError) return new CmppSendError(e.message, `link-${e.code}`, true);
  return new CmppSendError(e instanceof Error ? e.message : String(e), 'unknown', true);
}
