/**
 * CMPP_SUBMIT (one short-message segment, CMPP 2.0 §7.4.3.1) and CMPP_SUBMIT_RESP. A
 * message longer than one segment is several SUBMITs sharing Pk_total, with TP_udhi = 1 and
 * the concatenation header at the start of each content (segments.ts).
 */
import { BodyReader, octets } from './octets.js';

/** Msg_Fmt 8: UCS-2, the only coding that carries Chinese. */
export const MSG_FMT_UCS2 = 8;
export const MAX_CONTENT_BYTES = 140;

export interface SubmitBody {
  pkTotal: number;
  pkNumber: number;
  registeredDelivery: number;
  serviceId: string;
  tpUdhi: number;
  msgFmt: number;
  /** Msg_src: the SP's enterprise code (the SourceAddr of the connection). */
  msgSrc: string;
  /** Src_Id: the number the phone shows as sender (SP access code + extension). */
  srcId: string;
  destTerminalIds: string[];
  content: Buffer;
}

export interface SubmitRespBody {
  /** Msg_Id as 16 hex digits: the ISMG's 64-bit id, quoted back by status reports. */
  msgId: string;
  result: number;
}

/** Result of CMPP_SUBMIT_RESP (2.0): 0 ok; the rest are refusals. */
export const SUBMIT_RESULT: Record<number, string> = { 0: 'ok', 1: 'bad structure', 2: 'bad command', 3: 'repeated sequence', 4: 'bad length', 5: 'bad fee code', 6: 'too long', 7: 'bad service id', 8: 'flow control', 9: 'other' };

export function encodeSubmit(b: SubmitBody): Buffer {
  if (b.content.length > MAX_CONTENT_BYTES) throw new RangeError(`CMPP segment of ${b.content.length} bytes exceeds ${MAX_CONTENT_BYTES}`);
  if (b.destTerminalIds.length < 1 || b.destTerminalIds.length > 100) throw new RangeError('CMPP_SUBMIT needs 1..100 destinations');
  return Buffer.concat([
    Buffer.alloc(8), // Msg_Id: the ISMG fills it
    Buffer.from([b.pkTotal, b.pkNumber, b.registeredDelivery, 0 /* Msg_level */]),
    octets(b.serviceId, 10),
    Buffer.from([0 /* Fee_UserType: charge the destination */]),
    octets('', 21), // Fee_terminal_Id
    Buffer.from([0 /* TP_pId */, b.tpUdhi, b.msgFmt]),
    octets(b.msgSrc, 6),
    octets('01', 2), // FeeType 01: free of charge
    octets('0', 6), // FeeCode
    octets('', 17), // ValId_Time: the ISMG's default
    octets('', 17), // At_Time: now
    octets(b.srcId, 21),
    Buffer.from([b.destTerminalIds.length]),
    ...b.destTerminalIds.map((d) => octets(d, 21)),
    Buffer.from([b.content.length]),
    b.content,
    Buffer.alloc(8), // Reserve
  ]);
}

export function decodeSubmit(body: Buffer): SubmitBody {
  const r = new BodyReader(body);
  r.bytes(8);
  const pkTotal = r.u8();
  const pkNumber = r.u8();
  const registeredDelivery = r.u8();
  r.u8();
  const serviceId = r.text(10);
  r.u8();
  r.text(21);
  r.u8();
  const tpUdhi = r.u8();
  const msgFmt = r.u8();
  const msgSrc = r.text(6);
  r.text(2);
  r.text(6);
  r.text(17);
  r.text(17);
  const srcId = r.text(21);
  const n = r.u8();
  const destTerminalIds = Array.from({ length: n }, () => r.text(21));
  const len = r.u8();
  const content = r.bytes(len);
  r.bytes(8);
  return { pkTotal, pkNumber, registeredDelivery, serviceId, tpUdhi, msgFmt, msgSrc, srcId, destTerminalIds, content };
}

export function encodeSubmitResp(b: SubmitRespBody): Buffer {
  return Buffer.concat([Buffer.from(b.msgId, 'hex'), Buffer.from([b.result])]);
}

export function decodeSubmitResp(body: Buffer): SubmitRespBody {
  const r = new BodyReader(body);
  return { msgId: r.bytes(8).toString('hex'), result: r.u8() };
}
