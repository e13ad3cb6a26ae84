/**
 * One TCP connection to the ISMG: numbers requests by Sequence_Id, matches each answer to its
 * request, answers the ISMG's own ACTIVE_TEST, DELIVER and TERMINATE, and keeps the link alive
 * with ACTIVE_TEST when idle. A lost link fails every waiting request at once, so a caller
 * never waits on an answer that cannot come.
 */
import { connect as tcpConnect, type Socket } from 'node:net';
import { CMD, FrameReader, encodeFrame, type Frame } from './frame.js';
import { decodeDeliver, decodeStatusReport, encodeDeliverResp, type StatusReport } from './deliver.js';

export class CmppLinkError extends Error {
  constructor(message: string, readonly code: 'closed' | 'timeout' | 'refused' | 'protocol') {
    super(message);
  }
}

export interface ConnectionOptions {
  host: string;
  port: number;
  /** How long an answer may take before the request fails (ms). */
  responseTimeoutMs: number;
  /** ACTIVE_TEST after this long without traffic (ms); 0: never. */
  activeTestMs: number;
  onReport?: ((r: StatusReport) => void) | undefined;
}

interface Waiter {
  expect: number;
  resolve: (f: Frame) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

export class CmppConnection {
  private readonly reader = new FrameReader();
  private readonly waiting = new Map<number, Waiter>();
  private seq = 0;
  private idleTimer: NodeJS.Timeout | null = null;
  private closedError: CmppLinkError | null = null;
  private readonly closedListeners: Array<() => void> = [];

  private constructor(private readonly socket: Socket, private readonly opts: ConnectionOptions) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      let frames: Frame[];
      try {
        frames = this.reader.push(chunk);
      } catch (e) {
        this.fail(new CmppLinkError((e as Error).message, 'protocol'));
        return;
      }
      this.touch();
      for (const f of frames) this.onFrame(f);
    });
    socket.on('error', (e) => this.fail(new CmppLinkError(`CMPP link error: ${e.message}`, 'closed')));
    socket.on('close', () => this.fail(new CmppLinkError('CMPP link closed by the gateway', 'closed')));
    this.touch();
  }

  static open(opts: ConnectionOptions): Promise<CmppConnection> {
    return new Promise((resolve, reject) => {
      const socket = tcpConnect({ host: opts.host, port: opts.port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new CmppLinkError(`CMPP gateway ${opts.host}:${opts.port} did not answer`, 'timeout'));
      }, opts.responseTimeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        resolve(new CmppConnection(socket, opts));
      });
      socket.once('error', (e) => {
        clearTimeout(timer);
        reject(new CmppLinkError(`CMPP gateway ${opts.host}:${opts.port} unreachable: ${e.message}`, 'refused'));
      });
    });
  }

  get closed(): boolean {
    return this.closedError !== null;
  }

  onClosed(fn: () => void): void {
    this.closedListeners.push(fn);
  }

  private nextSeq(): number {
    this.seq = this.seq >= 0x7fffffff ? 1 : this.seq + 1;
    return this.seq;
  }

  /** Sends a request and resolves with the answer of `expect` carrying the same Sequence_Id. */
  request(commandId: number, body: Buffer, expect: number): Promise<Frame> {
    if (this.closedError) return Promise.reject(this.closedError);
    const seq = this.nextSeq();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(seq);
        reject(new CmppLinkError(`no answer to CMPP command 0x${commandId.toString(16)} within ${this.opts.responseTimeoutMs} ms`, 'timeout'));
        // An ISMG that stops answering is treated as gone: a new link is cheaper than guessing.
        this.close();
      }, this.opts.responseTimeoutMs);
      this.waiting.set(seq, { expect, resolve, reject, timer });
      this.socket.write(encodeFrame(commandId, seq, body));
    });
  }

  private reply(commandId: number, seq: number, body?: Buffer): void {
    if (!this.closedError) this.socket.write(encodeFrame(commandId, seq, body));
  }

  private onFrame(f: Frame): void {
    const w = this.waiting.get(f.sequenceId);
    if (w && w.expect === f.commandId) {
      this.waiting.delete(f.sequenceId);
      clearTimeout(w.timer);
      w.resolve(f);
      return;
    }
    switch (f.commandId) {
      case CMD.ACTIVE_TEST:
        this.reply(CMD.ACTIVE_TEST_RESP, f.sequenceId, Buffer.from([0]));
        return;
      case CMD.DELIVER: {
        const d = decodeDeliver(f.body);
        this.reply(CMD.DELIVER_RESP, f.sequenceId, encodeDeliverResp(d.msgId, 0));
        if (d.registeredDelivery === 1 && this.opts.onReport) this.opts.onReport(decodeStatusReport(d.content));
        return;
      }
      case CMD.TERMINATE:
        this.reply(CMD.TERMINATE_RESP, f.sequenceId);
        this.socket.end();
        return;
      default:
        // A late answer to a request that timed out, or an unknown command: nothing waits for it.
        return;
    }
  }

  private touch(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.opts.activeTestMs <= 0 || this.closedError) return;
    this.idleTimer = setTimeout(() => {
      this.request(CMD.ACTIVE_TEST, Buffer.alloc(0), CMD.ACTIVE_TEST_RESP).catch(() => undefined);
    }, this.opts.activeTestMs);
    this.idleTimer.unref();
  }

  private fail(e: CmppLinkError): void {
    if (this.closedError) return;
    this.closedError = e;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    for (const [seq, w] of this.waiting) {
      clearTimeout(w.timer);
      w.reject(e);
      this.waiting.delete(seq);
    }
    this.socket.destroy();
    for (const fn of this.closedListeners) fn();
  }

  /** Says goodbye with CMPP_TERMINATE (waiting briefly for its answer), then closes. */
  async terminate(): Promise<void> {
    if (this.closedError) return;
    await this.request(CMD.TERMINATE, Buffer.alloc(0), CMD.TERMINATE_RESP).catch(() => undefined);
    this.close();
  }

  close(): void {
    this.fail(new CmppLinkError('CMPP link closed', 'closed'));
  }
}
