/**
 * CMPP 2.0 framing: every PDU is a 12-byte header (Total_Length, Command_Id, Sequence_Id, all
 * unsigned 32-bit big-endian) and a body. TCP gives a byte stream, so `FrameReader` cuts it
 * back into whole frames however the bytes arrive.
 */
export const CMD = {
  CONNECT: 0x00000001,
  CONNECT_RESP: 0x80000001,
  TERMINATE: 0x00000002,
  TERMINATE_RESP: 0x80000002,
  SUBMIT: 0x00000004,
  SUBMIT_RESP: 0x80000004,
  DELIVER: 0x00000005,
  DELIVER_RESP: 0x80000005,
  ACTIVE_TEST: 0x00000008,
  ACTIVE_TEST_RESP: 0x80000008,
} as const;

export const HEADER_BYTES = 12;
/** No CMPP 2.0 PDU comes near this; a larger length means a broken or hostile peer. */
export const MAX_FRAME_BYTES = 4096;

export interface Frame {
  commandId: number;
  sequenceId: number;
  body: Buffer;
}

export class FrameError extends Error {}

export function encodeFrame(commandId: number, sequenceId: number, body: Buffer = Buffer.alloc(0)): Buffer {
  const head = Buffer.alloc(HEADER_BYTES);
  head.writeUInt32BE(HEADER_BYTES + body.length, 0);
  head.writeUInt32BE(commandId >>> 0, 4);
  head.writeUInt32BE(sequenceId >>> 0, 8);
  return Buffer.concat([head, body]);
}

export class FrameReader {
  private pending: Buffer = Buffer.alloc(0);

  /** Appends bytes and returns every frame now complete; throws FrameError on a bad length. */
  push(chunk: Buffer): Frame[] {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const frames: Frame[] = [];
    while (this.pending.length >= HEADER_BYTES) {
      const total = this.pending.readUInt32BE(0);
      if (total < HEADER_BYTES || total > MAX_FRAME_BYTES) throw new FrameError(`bad CMPP frame length ${total}`);
      if (this.pending.length < total) break;
      frames.push({ commandId: this.pending.readUInt32BE(4), sequenceId: this.pending.readUInt32BE(8), body: Buffer.from(this.pending.subarray(HEADER_BYTES, total)) });
      this.pending = this.pending.subarray(total);
    }
    return frames;
  }
}
