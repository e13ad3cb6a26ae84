/**
 * CMPP_CONNECT (SP logs in to the ISMG) and its answer. The shared secret never travels:
 * AuthenticatorSource = MD5(Source_Addr + 9 zero bytes + secret + timestamp "MMDDHHMMSS"),
 * and the ISMG proves itself back with MD5(Status + AuthenticatorSource + secret).
 */
import { createHash } from 'node:crypto';
import { BodyReader, octets } from './octets.js';

export const CMPP_VERSION_2 = 0x20;

export interface ConnectBody {
  sourceAddr: string;
  authenticatorSource: Buffer;
  version: number;
  /** MMDDHHMMSS as a decimal number, as the wire carries it. */
  timestamp: number;
}

export interface ConnectRespBody {
  status: number;
  authenticatorIsmg: Buffer;
  version: number;
}

/** Status values of CMPP_CONNECT_RESP (CMPP 2.0 §7.4.2.2). */
export const CONNECT_STATUS: Record<number, string> = { 0: 'ok', 1: 'bad structure', 2: 'bad source address', 3: 'authentication failed', 4: 'version too high' };

/** The timestamp field: month to second, in China time since the ISMG is in China. */
export function cmppTimestamp(now: Date): string {
  const t = new Date(now.getTime() + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(t.getUTCMonth() + 1)}${p(t.getUTCDate())}${p(t.getUTCHours())}${p(t.getUTCMinutes())}${p(t.getUTCSeconds())}`;
}

export function authenticatorSource(sourceAddr: string, secret: string, timestamp: string): Buffer {
  return createHash('md5').update(Buffer.concat([Buffer.from(sourceAddr, 'latin1'), Buffer.alloc(9), Buffer.from(secret, 'utf8'), Buffer.from(timestamp, 'latin1')])).digest();
}

export function authenticatorIsmg(status: number, authSource: Buffer, secret: string): Buffer {
  return createHash('md5').update(Buffer.concat([Buffer.from([status]), authSource, Buffer.from(secret, 'utf8')])).digest();
}

export function encodeConnect(b: ConnectBody): Buffer {
  const tail = Buffer.alloc(5);
  tail.writeUInt8(b.version, 0);
  tail.writeUInt32BE(b.timestamp, 1);
  return Buffer.concat([octets(b.sourceAddr, 6), b.authenticatorSource, tail]);
}

export function decodeConnect(body: Buffer): ConnectBody {
  const r = new BodyReader(body);
  return { sourceAddr: r.text(6), authenticatorSource: r.bytes(16), version: r.u8(), timestamp: r.u32() };
}

export function encodeConnectResp(b: ConnectRespBody): Buffer {
  return Buffer.concat([Buffer.from([b.status]), b.authenticatorIsmg, Buffer.from([b.version])]);
}

export function decodeConnectResp(body: Buffer): ConnectRespBody {
  const r = new BodyReader(body);
  return { status: r.u8(), authenticatorIsmg: r.bytes(16), version: r.u8() };
}
