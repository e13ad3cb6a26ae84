/**
 * CMPP_DELIVER from the ISMG: a mobile-originated message, or (Registered_Delivery = 1) a
 * status report whose content is Msg_Id 8, Stat 7, Submit_time 10, Done_time 10,
 * Dest_terminal_Id 21, SMSC_sequence 4 (CMPP 2.0 §7.4.5.1). Answered by CMPP_DELIVER_RESP.
 */
import { BodyReader, octets } from './octets.js';

export interface StatusReport {
  msgId: string;
  /** "DELIVRD" when the phone got it; EXPIRED, UNDELIV, REJECTD ... otherwise. */
  stat: string;
  submitTime: string;
  doneTime: string;
  destTerminalId: string;
  smscSequence: number;
}

export interface DeliverBody {
  msgId: string;
  destId: string;
  serviceId: string;
  msgFmt: number;
  srcTerminalId: string;
  registeredDelivery: number;
  content: Buffer;
}

export function encodeStatusReport(s: StatusReport): Buffer {
  const seq = Buffer.alloc(4);
  seq.writeUInt32BE(s.smscSequence >>> 0);
  return Buffer.concat([Buffer.from(s.msgId, 'hex'), octets(s.stat, 7), octets(s.submitTime, 10), octets(s.doneTime, 10), octets(s.destTerminalId, 21), seq]);
}

export function decodeStatusReport(content: Buffer): StatusReport {
  const r = new BodyReader(content);
  return { msgId: r.bytes(8).toString('hex'), stat: r.text(7), submitTime: r.text(10), doneTime: r.text(10), destTerminalId: r.text(21), smscSequence: r.u32() };
}

export function encodeDeliver(b: DeliverBody): Buffer {
  return Buffer.concat([
    Buffer.from(b.msgId, 'hex'),
    octets(b.destId, 21),
    octets(b.serviceId, 10),
    Buffer.from([0 /* TP_pid */, 0 /* TP_udhi */, b.msgFmt]),
    octets(b.srcTerminalId, 21),
    Buffer.from([b.registeredDelivery, b.content.length]),
    b.content,
    Buffer.alloc(8),
  ]);
}

export function decodeDeliver(body: Buffer): DeliverBody {
  const r = new BodyReader(body);
  const msgId = r.bytes(8).toString('hex');
  const destId = r.text(21);
  const serviceId = r.text(10);
  r.u8();
  r.u8();
  const msgFmt = r.u8();
  const srcTerminalId = r.text(21);
  const registeredDelivery = r.u8();
  const content = r.bytes(r.u8());
  return { msgId, destId, serviceId, msgFmt, srcTerminalId, registeredDelivery, content };
}

export function encodeDeliverResp(msgId: string, result: number): Buffer {
  return Buffer.concat([Buffer.from(msgId, 'hex'), Buffer.from([result])]);
}
