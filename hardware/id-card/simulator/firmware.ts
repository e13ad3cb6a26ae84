/**
 * Reader firmware for the simulator: answers the real protocol from a card held in memory and
 * injects faults on demand. Transport-free; simulator.ts puts it on a pseudo-terminal.
 */
import type { IdCard } from '../../../src-shared/domain/id-card.js';
import { FrameDecoder } from '../frame-decoder.js';
import { STATUS, commandByCode, encodeResponse, parseRequest, type CommandName } from '../protocol.js';
import { PHOTO_BYTES, encodeReadAnswer } from '../read-answer.js';
import { encodeTextBlock, type EncodeOptions } from '../text-block.js';

export const SIM_FAULTS = ['bad-checksum', 'truncated-frame', 'garbage-bytes', 'slow', 'no-card', 'sam-error', 'unplug', 'read-lost'] as const;
export type SimFault = (typeof SIM_FAULTS)[number];

export function isSimFault(s: string): s is SimFault {
  return (SIM_FAULTS as readonly string[]).includes(s);
}

export interface FirmwareOptions {
  card?: IdCard | null;
  fault?: SimFault | null;
  /** Delay of the `slow` fault; pick it above the driver's command timeout. */
  slowMs?: number;
  /** SW3 sent by the `sam-error` fault (0x60 SAM self-test failed by default). */
  samErrorCode?: number;
  /** Characters outside UCS-2 on the card: see EncodeOptions. */
  nonBmp?: EncodeOptions['nonBmp'];
  /** Seed for garbage bytes, so a failing run can be repeated. */
  seed?: number;
}

export type FirmwareEvent =
  | { type: 'command'; name: CommandName | 'unknown' }
  | { type: 'read-served'; intact: boolean }
  /** The `unplug` fault fired half-way through a read answer: the transport must now vanish. */
  | { type: 'unplug-now' };

export interface FirmwareIO {
  send(bytes: Uint8Array, delayMs: number): void;
  event(e: FirmwareEvent): void;
}

/** Stand-in for the 1024-byte WLT photo: not a decodable image, only the right size. */
export function fakeWlt(seed: string): Uint8Array {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  const out = new Uint8Array(PHOTO_BYTES);
  for (let i = 0; i < out.length; i++) {
    h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
    out[i] = h & 0xff;
  }
  return out;
}

/** The chip's serial that `20 02` returns: one per card, so a swapped card is told apart. */
function cardSerial(card: IdCard): Uint8Array {
  return fakeWlt(`serial:${card.idNumber}`).subarray(0, 8);
}

export class ReaderFirmware {
  private card: IdCard | null;
  private fault: SimFault | null;
  private selected = false;
  /** After a good read the card answers "not found" until it is lifted and placed again. */
  private readDone = false;
  private rng: number;
  private readonly decoder = new FrameDecoder((issue) => {
    if (issue.kind === 'bad-checksum') this.reply(STATUS.checksumError.code);
  });
  private readonly opts: FirmwareOptions;

  constructor(
    private readonly io: FirmwareIO,
    opts: FirmwareOptions = {},
  ) {
    this.opts = opts;
    this.card = opts.card ?? null;
    this.fault = opts.fault ?? null;
    this.rng = opts.seed ?? 0x1d2c3b4a;
  }

  get currentCard(): IdCard | null {
    return this.card;
  }

  get currentFault(): SimFault | null {
    return this.fault;
  }

  placeCard(card: IdCard): void {
    // Refuse a card the real format cannot hold before it is on the "reader".
    encodeTextBlock(card, { nonBmp: this.opts.nonBmp ?? 'utf16' });
    this.card = card;
    this.selected = false;
    this.readDone = false;
  }

  removeCard(): void {
    this.card = null;
    this.selected = false;
    this.readDone = false;
  }

  setFault(fault: SimFault | null): void {
    this.fault = fault;
  }

  /** A reader plugged in again starts from scratch, card or no card. */
  powerCycle(): void {
    this.selected = false;
    this.readDone = false;
    this.decoder.reset();
  }

  receive(chunk: Uint8Array): void {
    for (const body of this.decoder.push(chunk)) {
      const req = parseRequest(body);
      if (!req) {
        this.reply(STATUS.lengthError.code);
        continue;
      }
      this.handle(req.cmd, req.para);
    }
  }

  private random(): number {
    this.rng = (Math.imul(this.rng ^ (this.rng >>> 13), 1274126177) + 0x9e3779b9) >>> 0;
    return this.rng;
  }

  /** Returns whether the answer went out intact. */
  private handle(cmd: number, para: number): boolean {
    const command = commandByCode(cmd, para);
    this.io.event({ type: 'command', name: command?.name ?? 'unknown' });
    if (!command) return this.reply(STATUS.commandError.code);
    if (this.fault === 'sam-error' && command.name !== 'reset-sam') return this.reply(this.opts.samErrorCode ?? 0x60);
    const cardHere = this.card !== null && this.fault !== 'no-card';
    switch (command.name) {
      case 'reset-sam':
        // Resets the SAM, not the card in the RF field: a selected card stays selected.
        return this.reply(STATUS.ok.code);
      case 'sam-status':
      case 'set-max-rf-bytes':
      case 'set-baud':
        return this.reply(STATUS.ok.code);
      case 'read-sam-id':
        return this.reply(STATUS.ok.code, new Uint8Array(16).map((_, i) => i + 1));
      case 'find-card':
        return cardHere && !this.readDone ? this.reply(STATUS.findOk.code, new Uint8Array(4)) : this.reply(STATUS.findFailed.code);
      case 'select-card':
        if (!cardHere) return this.reply(STATUS.selectFailed.code);
        this.selected = true;
        return this.reply(STATUS.ok.code, cardSerial(this.card!));
      case 'read-appended-address':
        if (!cardHere || !this.selected) return this.reply(STATUS.cardOperationFailed.code);
        return this.reply(STATUS.ok.code, new Uint8Array(70).map((_, i) => (i % 2 === 0 ? 0x20 : 0)));
      case 'read-text-photo':
      case 'read-text-photo-fingerprint':
        return this.serveRead(command.name === 'read-text-photo-fingerprint');
      default:
        return this.reply(STATUS.commandError.code);
    }
  }

  private serveRead(withFingerprint: boolean): boolean {
    const card = this.card;
    if (!card || !this.selected || this.fault === 'no-card') return this.reply(STATUS.cardOperationFailed.code);
    const text = encodeTextBlock(card, { nonBmp: this.opts.nonBmp ?? 'utf16' });
    const raw = { photoWlt: fakeWlt(card.idNumber), fingerprint: fakeWlt(`fp:${card.idNumber}`) };
    // read-lost: the module sent the read and counts the card as read (a resting card is not
    // found again), but the line corrupted the answer on the way.
    const lost = this.fault === 'read-lost';
    const intact = this.reply(STATUS.ok.code, encodeReadAnswer(text, raw, withFingerprint), lost ? 'bad-checksum' : this.fault);
    if (intact || lost) this.readDone = true;
    this.io.event({ type: 'read-served', intact });
    return intact;
  }

  /** Sends one answer through the current fault; returns whether it went out intact. */
  private reply(sw3: number, data?: Uint8Array, fault: SimFault | null = this.fault): boolean {
    let frame = encodeResponse(sw3, data);
    let delay = 0;
    switch (fault) {
      case 'bad-checksum':
        frame[frame.length - 1]! ^= 0x5a;
        break;
      case 'truncated-frame':
        frame = frame.subarray(0, Math.max(1, Math.floor(frame.length / 2)));
        break;
      case 'garbage-bytes': {
        // Noise, including a preamble with an impossible length, before a good answer.
        const noise = Array.from({ length: 1 + (this.random() % 24) }, () => this.random() & 0xff);
        frame = Uint8Array.from([...noise, 0xaa, 0xaa, 0xaa, 0x96, 0x69, 0xff, 0xff, ...frame]);
        this.io.send(frame, 0);
        return true;
      }
      case 'slow':
        delay = this.opts.slowMs ?? 3000;
        break;
      case 'unplug':
        if (data && data.length > 1000) {
          this.io.send(frame.subarray(0, frame.length >> 1), 0);
          this.fault = null;
          this.io.event({ type: 'unplug-now' });
          return false;
        }
        this.io.send(frame, 0);
        return true;
      default:
        this.io.send(frame, 0);
        return true;
    }
    // Late, corrupt or cut answers do not count as delivered: the card stays readable.
    this.io.send(frame, delay);
    return false;
  }
}
