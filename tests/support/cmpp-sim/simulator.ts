/**
 * An ISMG (the carrier's SMS gateway) speaking CMPP 2.0 over a real TCP socket on loopback,
 * written apart from the product's codec (src-main/sms/cmpp) so that a mistake there is not
 * mirrored here. It checks the login's AuthenticatorSource, answers each CMPP_SUBMIT with a
 * Msg_Id, sends a status report, reassembles long messages from their UDH, and records what a
 * phone would show. Faults: refuse the next submits with a Result, or drop the link on a submit.
 */
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';

export interface ReceivedSms {
  phone: string;
  text: string;
  srcId: string;
  serviceId: string;
  sourceAddr: string;
  msgIds: string[];
  segments: number;
}

export interface SimulatorOptions {
  sourceAddr: string;
  secret: string;
  port?: number;
}

interface Part {
  total: number;
  texts: Map<number, string>;
  msgIds: string[];
  phone: string;
  srcId: string;
  serviceId: string;
}

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
};
const field = (s: string, w: number) => {
  const b = Buffer.alloc(w);
  b.write(s, 'latin1');
  return b;
};
const str = (b: Buffer) => {
  const z = b.indexOf(0);
  return b.subarray(0, z < 0 ? b.length : z).toString('latin1');
};
const ucs2 = (b: Buffer) => {
  let s = '';
  for (let i = 0; i + 1 < b.length; i += 2) s += String.fromCharCode((b[i]! << 8) | b[i + 1]!);
  return s;
};

export class CmppSimulator extends EventEmitter {
  readonly received: ReceivedSms[] = [];
  /** Every command id seen, in order, with the link it came on: for protocol assertions. */
  readonly commands: Array<{ link: number; id: number }> = [];
  logins = 0;
  refusedSubmits = 0;
  refusedLogins = 0;
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private failNext: { count: number; result: number } = { count: 0, result: 0 };
  private dropNext = 0;
  private msgSeq = 0;
  private links = 0;
  private readonly parts = new Map<string, Part>();

  constructor(private readonly opts: SimulatorOptions) {
    super();
  }

  get port(): number {
    const a = this.server?.address();
    return typeof a === 'object' && a ? a.port : 0;
  }

  start(): Promise<number> {
    this.server = createServer((s) => this.accept(s));
    return new Promise((resolve) => this.server!.listen(this.opts.port ?? 0, '127.0.0.1', () => resolve(this.port)));
  }

  /** The next `count` submits are answered with `result` (8: flow control) instead of 0. */
  failSubmits(count: number, result = 8): void {
    this.failNext = { count, result };
  }

  /** The next `count` submits are never answered: the link is cut on receipt. */
  dropOnSubmit(count = 1): void {
    this.dropNext = count;
  }

  /** Cuts every open link now, as a carrier's gateway restart would. */
  dropAll(): void {
    for (const s of this.sockets) s.destroy();
  }

  get openLinks(): number {
    return this.sockets.size;
  }

  /** Resolves once `n` whole messages were received. */
  waitFor(n: number): Promise<ReceivedSms[]> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.received.length >= n) {
          this.off('message', check);
          resolve(this.received.slice());
        }
      };
      this.on('message', check);
      check();
    });
  }

  async stop(): Promise<void> {
    this.dropAll();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private accept(s: Socket): void {
    const link = ++this.links;
    this.sockets.add(s);
    s.on('close', () => this.sockets.delete(s));
    s.on('error', () => undefined);
    let buf = Buffer.alloc(0);
    let loggedIn = false;
    s.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      while (buf.length >= 12) {
        const len = buf.readUInt32BE(0);
        if (len < 12 || len > 4096) return void s.destroy();
        if (buf.length < len) break;
        const id = buf.readUInt32BE(4);
        const seq = buf.readUInt32BE(8);
        const body = buf.subarray(12, len);
        buf = buf.subarray(len);
        this.commands.push({ link, id });
        this.emit('command', id);
        if (id === 0x00000001) loggedIn = this.onConnect(s, seq, body);
        else if (!loggedIn) return void s.destroy();
        else if (id === 0x00000004) this.onSubmit(s, seq, body);
        else if (id === 0x00000008) send(s, 0x80000008, seq, Buffer.from([0]));
        else if (id === 0x00000002) {
          send(s, 0x80000002, seq, Buffer.alloc(0));
          s.end();
        }
      }
    });
  }

  private onConnect(s: Socket, seq: number, body: Buffer): boolean {
    const source = str(body.subarray(0, 6));
    const auth = body.subarray(6, 22);
    const version = body[22]!;
    const ts = String(body.readUInt32BE(23)).padStart(10, '0');
    const expected = createHash('md5').update(Buffer.concat([Buffer.from(this.opts.sourceAddr, 'latin1'), Buffer.alloc(9), Buffer.from(this.opts.secret, 'utf8'), Buffer.from(ts, 'latin1')])).digest();
    const status = source !== this.opts.sourceAddr ? 2 : !auth.equals(expected) ? 3 : version > 0x20 ? 4 : 0;
    const ismg = createHash('md5').update(Buffer.concat([Buffer.from([status]), auth, Buffer.from(this.opts.secret, 'utf8')])).digest();
    send(s, 0x80000001, seq, Buffer.concat([Buffer.from([status]), status === 0 ? ismg : Buffer.alloc(16), Buffer.from([0x20])]));
    if (status === 0) this.logins++;
    else this.refusedLogins++;
    return status === 0;
  }

  private onSubmit(s: Socket, seq: number, body: Buffer): void {
    if (this.dropNext > 0) {
      this.dropNext--;
      s.destroy();
      return;
    }
    let at = 8;
    const pkTotal = body[at++]!;
    const pkNumber = body[at++]!;
    const registered = body[at++]!;
    at++; // Msg_level
    const serviceId = str(body.subarray(at, at + 10));
    at += 10 + 1 + 21 + 1; // Service_Id, Fee_UserType, Fee_terminal_Id, TP_pId
    const udhi = body[at++]!;
    const fmt = body[at++]!;
    const msgSrc = str(body.subarray(at, at + 6));
    at += 6 + 2 + 6 + 17 + 17;
    const srcId = str(body.subarray(at, at + 21));
    at += 21;
    const n = body[at++]!;
    const dests = Array.from({ length: n }, (_, i) => str(body.subarray(at + i * 21, at + (i + 1) * 21)));
    at += n * 21;
    const len = body[at++]!;
    const content = body.subarray(at, at + len);
    if (this.failNext.count > 0) {
      this.failNext.count--;
      this.refusedSubmits++;
      send(s, 0x80000004, seq, Buffer.concat([Buffer.alloc(8), Buffer.from([this.failNext.result])]));
      return;
    }
    const msgId = this.nextMsgId();
    send(s, 0x80000004, seq, Buffer.concat([Buffer.from(msgId, 'hex'), Buffer.from([0])]));
    if (fmt !== 8) return;
    let ref = `single-${msgId}`;
    let number = 1;
    let total = 1;
    let text: Buffer = content;
    if (udhi) {
      const udhl = content[0]!;
      ref = `${dests[0]}-${content[3]}`;
      total = content[4]!;
      number = content[5]!;
      text = content.subarray(1 + udhl);
    }
    // A UDH that disagrees with Pk_total/Pk_number is kept as the phone would show it, by the UDH.
    void pkTotal;
    void pkNumber;
    const part = this.parts.get(ref) ?? { total, texts: new Map<number, string>(), msgIds: [], phone: dests[0] ?? '', srcId, serviceId };
    part.texts.set(number, ucs2(text));
    part.msgIds.push(msgId);
    this.parts.set(ref, part);
    if (part.texts.size === part.total) {
      this.parts.delete(ref);
      const whole = Array.from({ length: part.total }, (_, i) => part.texts.get(i + 1) ?? '').join('');
      for (const phone of dests) {
        const sms: ReceivedSms = { phone, text: whole, srcId: part.srcId, serviceId: part.serviceId, sourceAddr: msgSrc, msgIds: part.msgIds, segments: part.total };
        this.received.push(sms);
        this.emit('message', sms);
      }
    }
    if (registered === 1) this.report(s, msgId, dests[0] ?? '');
  }

  private report(s: Socket, msgId: string, phone: string): void {
    const content = Buffer.concat([Buffer.from(msgId, 'hex'), field('DELIVRD', 7), field('2612031200', 10), field('2612031200', 10), field(phone, 21), u32(1)]);
    const body = Buffer.concat([Buffer.from(msgId, 'hex'), field(this.opts.sourceAddr, 21), field('', 10), Buffer.from([0, 0, 0]), field(phone, 21), Buffer.from([1, content.length]), content, Buffer.alloc(8)]);
    send(s, 0x00000005, 0x40000000 + ++this.msgSeq, body);
  }

  private nextMsgId(): string {
    this.msgSeq++;
    return Buffer.concat([u32(0x5a5a0000), u32(this.msgSeq)]).toString('hex');
  }
}

function send(s: Socket, id: number, seq: number, body: Buffer): void {
  if (s.destroyed) return;
  s.write(Buffer.concat([u32(12 + body.length), u32(id), u32(seq), body]));
}
