import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { CMD, FrameError, FrameReader, encodeFrame } from '../../../src-main/sms/cmpp/frame.js';
import { authenticatorSource, cmppTimestamp, decodeConnect, encodeConnect } from '../../../src-main/sms/cmpp/connect.js';
import { decodeSubmit, decodeSubmitResp, encodeSubmit } from '../../../src-main/sms/cmpp/submit.js';
import { decodeDeliver, decodeStatusReport, encodeDeliver, encodeStatusReport } from '../../../src-main/sms/cmpp/deliver.js';
import { readSegment, splitMessage, ucs2be } from '../../../src-main/sms/cmpp/segments.js';

describe('CMPP 2.0 frames', () => {
  it('writes the 12-byte header big-endian with the total length', () => {
    const f = encodeFrame(CMD.ACTIVE_TEST_RESP, 7, Buffer.from([0]));
    expect(f.toString('hex')).toBe('0000000d' + '80000008' + '00000007' + '00');
  });

  it('cuts a byte stream into frames whatever the chunking', () => {
    const bytes = Buffer.concat([encodeFrame(CMD.ACTIVE_TEST, 1), encodeFrame(CMD.TERMINATE, 2), encodeFrame(CMD.SUBMIT_RESP, 3, Buffer.alloc(9, 1))]);
    for (let cut = 1; cut < bytes.length; cut++) {
      const r = new FrameReader();
      const frames = [...r.push(bytes.subarray(0, cut)), ...r.push(bytes.subarray(cut))];
      expect(frames.map((f) => [f.commandId, f.sequenceId, f.body.length])).toEqual([[CMD.ACTIVE_TEST, 1, 0], [CMD.TERMINATE, 2, 0], [CMD.SUBMIT_RESP, 3, 9]]);
    }
  });

  it('refuses a length below the header or absurdly large', () => {
    expect(() => new FrameReader().push(Buffer.from('00000004000000010000000100', 'hex'))).toThrow(FrameError);
    expect(() => new FrameReader().push(Buffer.from('7fffffff0000000100000001', 'hex'))).toThrow(FrameError);
  });
});

describe('CMPP_CONNECT', () => {
  it('AuthenticatorSource is MD5(SourceAddr + 9 zero bytes + secret + MMDDHHMMSS)', () => {
    const expected = createHash('md5').update(Buffer.concat([Buffer.from('901234'), Buffer.alloc(9), Buffer.from('s3cret'), Buffer.from('1203153000')])).digest();
    expect(authenticatorSource('901234', 's3cret', '1203153000').equals(expected)).toBe(true);
  });

  it('stamps the login in China time whatever the machine zone', () => {
    expect(cmppTimestamp(new Date('2026-12-31T16:30:05Z'))).toBe('0101003005');
  });

  it('is 6 + 16 + 1 + 4 = 27 bytes, version 0x20, timestamp as an integer', () => {
    const auth = Buffer.alloc(16, 0xab);
    const body = encodeConnect({ sourceAddr: '901234', authenticatorSource: auth, version: 0x20, timestamp: 1203153000 });
    expect(body.length).toBe(27);
    expect(body.subarray(0, 6).toString()).toBe('901234');
    expect(body[22]).toBe(0x20);
    expect(body.readUInt32BE(23)).toBe(1203153000);
    expect(decodeConnect(body)).toEqual({ sourceAddr: '901234', authenticatorSource: auth, version: 0x20, timestamp: 1203153000 });
  });
});

describe('CMPP_SUBMIT', () => {
  const base = { pkTotal: 1, pkNumber: 1, registeredDelivery: 1, serviceId: 'YZTFY', tpUdhi: 0, msgFmt: 8, msgSrc: '901234', srcId: '10690001', destTerminalIds: ['13812341234'], content: ucs2be('已受理') };

  it('lays the fields out at the offsets of the 2.0 spec', () => {
    const b = encodeSubmit(base);
    // 8+1+1+1+1+10+1+21+1+1+1+6+2+6+17+17+21+1 = 117 bytes before the destinations
    expect(b.length).toBe(117 + 21 + 1 + 6 + 8);
    expect(b[8]).toBe(1); // Pk_total
    expect(b.subarray(12, 17).toString()).toBe('YZTFY');
    expect(b[45]).toBe(0); // TP_udhi (after Fee_terminal_Id 23..43 and TP_pId 44)
    expect(b[46]).toBe(8); // Msg_Fmt UCS-2
    expect(b.subarray(47, 53).toString()).toBe('901234');
    expect(b.subarray(53, 55).toString()).toBe('01'); // FeeType free
    expect(b.subarray(95, 103).toString()).toBe('10690001');
    expect(b[116]).toBe(1); // DestUsr_tl
    expect(b.subarray(117, 128).toString()).toBe('13812341234');
    expect(b[138]).toBe(6); // Msg_Length
    expect(b.subarray(139, 145).toString('hex')).toBe('5df253d77406'); // 已受理 (U+5DF2 U+53D7 U+7406) in UCS-2 BE
    expect(decodeSubmit(b)).toEqual(base);
  });

  it('answers with an 8-byte Msg_Id and a 1-byte Result', () => {
    expect(decodeSubmitResp(Buffer.from('0102030405060708' + '08', 'hex'))).toEqual({ msgId: '0102030405060708', result: 8 });
  });
});

describe('long messages', () => {
  it('keeps up to 70 characters in one segment without a header', () => {
    const s = splitMessage('字'.repeat(70), 9);
    expect(s).toHaveLength(1);
    expect(s[0]!.udhi).toBe(0);
    expect(s[0]!.content.length).toBe(140);
  });

  it('cuts longer text at 67 characters, each part led by 05 00 03 ref total seq', () => {
    const text = Array.from({ length: 150 }, (_, i) => String.fromCharCode(0x4e00 + i)).join('');
    const s = splitMessage(text, 0x2a);
    expect(s.map((x) => x.content.length)).toEqual([140, 140, 6 + 16 * 2]);
    expect(s.map((x) => x.content.subarray(0, 6).toString('hex'))).toEqual(['0500032a0301', '0500032a0302', '0500032a0303']);
    expect(s.map((x) => readSegment(x.content, x.udhi).text).join('')).toBe(text);
  });
});

describe('CMPP_DELIVER status report', () => {
  it('round-trips a 60-byte report inside a deliver', () => {
    const report = { msgId: 'a1b2c3d4e5f60718', stat: 'DELIVRD', submitTime: '2612031200', doneTime: '2612031201', destTerminalId: '13812341234', smscSequence: 42 };
    const content = encodeStatusReport(report);
    expect(content.length).toBe(60);
    const d = decodeDeliver(encodeDeliver({ msgId: report.msgId, destId: '10690001', serviceId: 'YZTFY', msgFmt: 0, srcTerminalId: '13812341234', registeredDelivery: 1, content }));
    expect(d.registeredDelivery).toBe(1);
    expect(decodeStatusReport(d.content)).toEqual(report);
  });
});
