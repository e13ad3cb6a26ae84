/**
 * A second ID card reader simulator, written from shared/hardware.md §1 alone and sharing no
 * protocol code with hardware/id-card: its own framing, checksum and text block. The product's
 * simulator was written beside the driver, so the two can agree on a meaning the protocol does
 * not give; this one makes the choices a different vendor could make, as options:
 *
 * - `refindWhileResting`: whether `20 01` finds a card that was read and still lies there.
 *   hardware.md says a read card must be lifted before the next find succeeds; a reader that
 *   answers 9F again is the behaviour that once made the driver re-read one card every poll.
 * - `readEndsSelection`: whether a `30 01` read ends the card's selection, so `30 03` needs a
 *   new `20 02` first.
 * - `appendedAddress`: whether `30 03` is known at all (some SAM modules answer 24).
 *
 * Only the pty transport is shared, because the transport is not what is under test.
 */
import { startPtyDevice, type PtyDevice } from '../../../../hardware/serial/pty-pair.js';

export interface IndependentCard {
  name: string;
  gender: '1' | '2';
  ethnic: string;
  birth: string;
  address: string;
  id: string;
  authority: string;
  validFrom: string;
  validTo: string;
}

export interface IndependentSimOptions {
  link: string;
  refindWhileResting: boolean;
  readEndsSelection: boolean;
  appendedAddress: boolean;
}

export interface IndependentSim {
  readonly appPath: string;
  place(card: IndependentCard): void;
  lift(): void;
  /** Requests received, keyed by "CMD PARA" in hex, e.g. "30 01". */
  readonly received: Record<string, number>;
  close(): Promise<void>;
}

const HEAD = [0xaa, 0xaa, 0xaa, 0x96, 0x69];

function frame(sw3: number, payload: number[] = []): Buffer {
  const len = 3 + payload.length + 1;
  const body = [len >> 8, len & 0xff, 0x00, 0x00, sw3, ...payload];
  const chk = body.reduce((a, b) => a ^ b, 0);
  return Buffer.from([...HEAD, ...body, chk]);
}

/** The 256-byte text block: UCS-2 little-endian, each field padded with spaces to its width. */
function textBlock(c: IndependentCard): number[] {
  const widths: [string, number][] = [
    [c.name, 15], [c.gender, 1], [c.ethnic, 2], [c.birth, 8], [c.address, 35], [c.id, 18],
    [c.authority, 15], [c.validFrom, 8], [c.validTo, 8], ['', 18],
  ];
  const out: number[] = [];
  for (const [text, chars] of widths) {
    const padded = text.padEnd(chars, ' ').slice(0, chars);
    for (const ch of padded) {
      const u = ch.charCodeAt(0);
      out.push(u & 0xff, u >> 8);
    }
  }
  return out;
}

/** A card serial that differs between cards, as a chip's UID does. */
function serialOf(c: IndependentCard): number[] {
  let h = 7;
  for (const ch of c.id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return [0x11, 0x22, 0x33, 0x44, h >>> 24, (h >>> 16) & 0xff, (h >>> 8) & 0xff, h & 0xff];
}

export async function startIndependentSim(opts: IndependentSimOptions): Promise<IndependentSim> {
  const device: PtyDevice = await startPtyDevice(`${opts.link}`, { baudRate: 115200 });
  const received: Record<string, number> = {};
  let card: IndependentCard | null = null;
  let selected = false;
  let readSinceLanding = false;
  let inbox: number[] = [];

  const send = (b: Buffer): void => void device.port.write(b).catch(() => undefined);

  const answer = (cmd: number, para: number): Buffer => {
    const key = `${cmd.toString(16).padStart(2, '0')} ${para.toString(16).padStart(2, '0')}`;
    received[key] = (received[key] ?? 0) + 1;
    if (cmd === 0x20 && para === 0x01) {
      if (!card || (readSinceLanding && !opts.refindWhileResting)) return frame(0x80);
      return frame(0x9f, [0, 0, 0, 0]);
    }
    if (cmd === 0x20 && para === 0x02) {
      if (!card) return frame(0x81);
      selected = true;
      return frame(0x90, serialOf(card));
    }
    if (cmd === 0x30 && para === 0x01) {
      if (!card || !selected) return frame(0x41);
      readSinceLanding = true;
      if (opts.readEndsSelection) selected = false;
      return frame(0x90, [0x01, 0x00, 0x04, 0x00, ...textBlock(card), ...new Array<number>(1024).fill(0x5a)]);
    }
    if (cmd === 0x30 && para === 0x03) {
      if (!opts.appendedAddress) return frame(0x24);
      if (!card || !selected) return frame(0x41);
      return frame(0x91);
    }
    if (cmd === 0x10 || cmd === 0x11) return frame(0x90);
    return frame(0x21);
  };

  device.port.onData((chunk) => {
    inbox.push(...chunk);
    for (;;) {
      const at = inbox.findIndex((_, i) => HEAD.every((h, k) => inbox[i + k] === h));
      if (at < 0) {
        inbox = inbox.slice(-4);
        return;
      }
      if (inbox.length < at + 7) return;
      const len = (inbox[at + 5]! << 8) | inbox[at + 6]!;
      if (inbox.length < at + 7 + len) return;
      const body = inbox.slice(at + 5, at + 7 + len - 1);
      const chk = inbox[at + 7 + len - 1]!;
      inbox = inbox.slice(at + 7 + len);
      if (body.reduce((a, b) => a ^ b, 0) !== chk) {
        send(frame(0x10));
        continue;
      }
      send(answer(body[2]!, body[3]!));
    }
  });

  return {
    appPath: opts.link,
    received,
    place(c) {
      card = c;
      selected = false;
      readSinceLanding = false;
    },
    lift() {
      card = null;
      selected = false;
      readSinceLanding = false;
    },
    async close() {
      await device.close();
    },
  };
}
