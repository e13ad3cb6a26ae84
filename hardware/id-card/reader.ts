/**
 * The ID card reader as a device: polls find / select / read over any ByteBinding, reports a
 * card once when placed and once when lifted, retries lost or corrupt answers, resets the SAM
 * when it reports a fault, and reconnects with backoff when the port goes away.
 */
import { EventEmitter } from 'node:events';
import type { IdCard, IdCardRaw } from '../../src-shared/domain/id-card.js';
import { LinkOpenError, type ByteBinding, type ByteLink, type LinkClosed } from '../serial/binding.js';
import { FrameDecoder } from './frame-decoder.js';
import { COMMANDS, SAM_FAULT_CODES, encodeRequest, parseResponse, type CommandDef, type Response } from './protocol.js';
import { parseReadAnswer } from './read-answer.js';
import { ReaderError, givenUp, readerError, samError, stateEvent, statusError, type ReaderStateEvent } from './reader-messages.js';
import { decodeTextBlock } from './text-block.js';

export interface ReaderLogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  event: string;
  /** Codes and counts only: never card contents. */
  detail?: Record<string, string | number | boolean>;
}

export interface IdCardReaderOptions {
  binding: ByteBinding;
  /** Pause between polls; readers are commonly polled every 0.5-1 s. */
  pollIntervalMs?: number;
  /** Wait for one answer; drivers allow ~1.1 s for the read answer. */
  commandTimeoutMs?: number;
  /** Extra attempts per command after a timeout or a corrupt answer. */
  retries?: number;
  /** Wait before the first retry of a command; each further retry waits twice as long. */
  retryDelayMs?: number;
  /** Longest pause between poll cycles that keep failing (the pause doubles from pollIntervalMs). */
  errorBackoffMaxMs?: number;
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  /** Read with `30 10` so the fingerprint block is kept. */
  withFingerprint?: boolean;
  log?: (entry: ReaderLogEntry) => void;
}

export interface ReaderEvents {
  placed: [card: IdCard, raw: IdCardRaw];
  removed: [];
  state: [state: ReaderStateEvent];
  /** After every poll cycle, whatever its outcome: a heartbeat for health checks and tests. */
  polled: [];
}

interface Pending {
  command: CommandDef;
  resolve(r: Response): void;
  reject(e: ReaderError): void;
}

/** Answers that cannot belong to the command sent (a late answer to an earlier one) are dropped. */
function hexBytes(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** Find's own answers (found, not found) and select's failure: no other card command gives them. */
const FIND_ONLY = new Set([0x9f, 0x80]);
const SELECT_FAILED = 0x81;

export function fitsCommand(command: CommandDef, r: Response): boolean {
  if (r.sw1 !== 0 || r.sw2 !== 0) return true;
  switch (command.name) {
    case 'find-card':
      return r.sw3 === 0x9f ? r.data.length >= 4 : r.sw3 !== 0x90 && r.sw3 !== SELECT_FAILED;
    case 'select-card':
      return r.sw3 === 0x90 ? r.data.length >= 8 : !FIND_ONLY.has(r.sw3);
    case 'read-text-photo':
    case 'read-text-photo-fingerprint':
      // A late "no card" from a find that timed out, taken as the read's answer, failed a read
      // the module had served: it then counted the card as read and never found it again.
      return r.sw3 === 0x90 ? r.data.length >= 4 : !FIND_ONLY.has(r.sw3) && r.sw3 !== SELECT_FAILED;
    default:
      return true;
  }
}

export class IdCardReader {
  private readonly emitter = new EventEmitter();
  private readonly opts: Required<Omit<IdCardReaderOptions, 'log'>> & Pick<IdCardReaderOptions, 'log'>;
  private readonly decoder: FrameDecoder;
  private link: ByteLink | undefined;
  private pending: Pending | undefined;
  private running = false;
  private loopDone: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private cardPresent = false;
  /** Serial from `20 02` of the card that was read: tells a resting card from a new one. */
  private cardSerial: string | undefined;
  private addressProbe = true;
  /** `30 03` answered for the card now on the reader: a later failure then means it was lifted. */
  private addressAnsweredSinceRead = false;
  private lastRead: { card: IdCard; raw: IdCardRaw } | undefined;
  /**
   * A card was selected but its read answer was lost (timeout, corruption). Most modules count a
   * card as read once they have sent the answer and do not find it again while it rests, so the
   * next poll selects it directly instead of waiting for a find that never comes.
   */
  private readLost = false;
  private current: ReaderStateEvent = stateEvent('disconnected', 'stopped');

  constructor(options: IdCardReaderOptions) {
    this.opts = {
      pollIntervalMs: 500,
      commandTimeoutMs: 1500,
      retries: 2,
      retryDelayMs: 100,
      errorBackoffMaxMs: 2000,
      reconnectMinMs: 250,
      reconnectMaxMs: 5000,
      withFingerprint: false,
      ...options,
    };
    this.decoder = new FrameDecoder((issue) => {
      this.log('debug', `frame-${issue.kind}`, { ...issue });
      // A corrupt answer will never be followed by the right one: retry now, not at the timeout.
      if (issue.kind === 'bad-checksum' && this.pending) this.settle(undefined, readerError('bad-checksum'));
    });
  }

  get state(): ReaderStateEvent {
    return this.current;
  }

  on<K extends keyof ReaderEvents>(event: K, listener: (...args: ReaderEvents[K]) => void): () => void {
    this.emitter.on(event, listener as (...a: unknown[]) => void);
    return () => this.emitter.off(event, listener as (...a: unknown[]) => void);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loopDone = this.loop().catch((e: unknown) => {
      // The loop catches everything it expects; this is a bug, reported without stopping the app.
      this.log('error', 'loop-crashed', { error: e instanceof Error ? e.name : 'unknown' });
      this.setState(readerError('internal').toState());
    });
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.settle(undefined, readerError('stopped'));
    this.wake?.();
    await this.loopDone;
    const link = this.link;
    this.link = undefined;
    await link?.close();
    this.cardPresent = false;
    this.setState(stateEvent('disconnected', 'stopped'));
  }

  /**
   * Reads one card: resolves with the card already on the reader or the next one placed, or
   * rejects with a ReaderError saying why not (no card, port missing, SAM fault, timeout).
   */
  readOnce(timeoutMs: number): Promise<{ card: IdCard; raw: IdCardRaw }> {
    if (this.cardPresent && this.lastRead) return Promise.resolve(this.lastRead);
    return new Promise((resolve, reject) => {
      const off = this.on('placed', (card, raw) => {
        clearTimeout(timer);
        off();
        resolve({ card, raw });
      });
      const timer = setTimeout(() => {
        off();
        const s = this.current;
        if (s.state === 'ready' || s.state === 'card-present') reject(readerError('no-card'));
        else if (s.state === 'connecting') reject(readerError('timeout'));
        // The caller stops here, so the message must not promise a retry that will not happen.
        else reject(givenUp(new ReaderError(s.code ?? s.state, s.message_zh, s.message_en)));
      }, timeoutMs);
      this.start();
    });
  }

  private log(level: ReaderLogEntry['level'], event: string, detail?: ReaderLogEntry['detail']): void {
    this.opts.log?.(detail ? { level, event, detail } : { level, event });
  }

  private setState(s: ReaderStateEvent): void {
    const c = this.current;
    if (c.state === s.state && c.code === s.code && c.message_zh === s.message_zh) return;
    this.current = s;
    this.log(s.state === 'error' ? 'warn' : 'info', 'state', { state: s.state, code: s.code ?? '' });
    this.emitter.emit('state', s);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      function done(): void {
        clearTimeout(t);
        resolve();
      }
      this.wake = done;
    });
  }

  private async loop(): Promise<void> {
    let backoff = this.opts.reconnectMinMs;
    let failures = 0;
    while (this.running) {
      if (!this.link) {
        // While retrying, keep showing why we are disconnected rather than flicker 'connecting'.
        if (this.current.state !== 'disconnected' || this.current.code === 'stopped') this.setState(stateEvent('connecting'));
        try {
          await this.connect();
          backoff = this.opts.reconnectMinMs;
        } catch (e) {
          const err = e instanceof LinkOpenError ? new ReaderError(`port-${e.code}`, e.message_zh, e.message_en) : readerError('port-other');
          this.log('warn', 'open-failed', { code: err.code, retryInMs: backoff });
          this.setState(err.toState('disconnected'));
          await this.sleep(backoff);
          backoff = Math.min(backoff * 2, this.opts.reconnectMaxMs);
          continue;
        }
      }
      let pause = this.opts.pollIntervalMs;
      try {
        await this.cycle();
        failures = 0;
      } catch (e) {
        if (!(e instanceof ReaderError)) throw e;
        if (e.code === 'stopped') break;
        if (e.code !== 'disconnected') {
          this.setState(e.toState());
          failures++;
          pause = Math.min(this.opts.pollIntervalMs * 2 ** failures, Math.max(this.opts.errorBackoffMaxMs, this.opts.pollIntervalMs));
          this.log('warn', 'cycle-failed', { code: e.code, failures, retryInMs: pause });
        }
      }
      this.emitter.emit('polled');
      if (this.running && this.link) await this.sleep(pause);
    }
  }

  private async connect(): Promise<void> {
    const link = await this.opts.binding.open();
    if (!this.running) {
      await link.close();
      return;
    }
    this.link = link;
    this.decoder.reset();
    this.log('info', 'connected', { binding: this.opts.binding.label });
    link.onData((chunk) => {
      if (this.link !== link) return;
      for (const body of this.decoder.push(chunk)) this.onFrame(body);
    });
    link.onClose((why) => this.onLinkClosed(link, why));
  }

  private onLinkClosed(link: ByteLink, why: LinkClosed): void {
    if (this.link !== link) return;
    this.link = undefined;
    this.log(why.lost ? 'warn' : 'info', 'link-closed', { code: why.code });
    this.settle(undefined, readerError('disconnected'));
    if (!this.running) return;
    this.setState({ state: 'disconnected', code: why.code, message_zh: `${why.message_zh}，正在重新连接`, message_en: `${why.message_en}; reconnecting` });
    // Over a reconnect nobody can vouch that the same card stayed on the reader.
    this.markRemoved();
    this.readLost = false;
    this.wake?.();
  }

  private onFrame(body: Uint8Array): void {
    const r = parseResponse(body);
    const p = this.pending;
    if (!r || !p || !fitsCommand(p.command, r)) {
      this.log('debug', 'unexpected-frame', { bytes: body.length, expected: p?.command.name ?? 'none' });
      return;
    }
    this.settle(r);
  }

  private settle(r: Response | undefined, err?: ReaderError): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    if (r) p.resolve(r);
    else p.reject(err ?? readerError('timeout'));
  }

  private sendOnce(command: CommandDef): Promise<Response> {
    const link = this.link;
    if (!link) return Promise.reject(readerError('disconnected'));
    return new Promise<Response>((resolve, reject) => {
      const timer = setTimeout(() => this.settle(undefined, readerError('timeout')), this.opts.commandTimeoutMs);
      this.pending = {
        command,
        resolve: (r) => (clearTimeout(timer), resolve(r)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      };
      link.write(encodeRequest(command)).catch(() => this.settle(undefined, readerError('disconnected')));
    });
  }

  /** One command with retries; throws ReaderError. */
  private async transact(command: CommandDef): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.sendOnce(command);
      } catch (e) {
        const err = e as ReaderError;
        if (err.code !== 'timeout' && err.code !== 'bad-checksum') throw err;
        // Whatever half-frame is left belongs to the failed attempt.
        this.decoder.reset();
        const last = attempt >= this.opts.retries || !this.running;
        const wait = this.opts.retryDelayMs * 2 ** attempt;
        this.log('warn', 'command-failed', { command: command.name, code: err.code, attempt, ...(last ? {} : { retryInMs: wait }) });
        if (last) throw err;
        // A reader answering noise must not be hammered: back off, and let a late answer drain.
        await this.sleep(wait);
        if (!this.running) throw readerError('stopped');
      }
    }
  }

  /** Throws for a SAM fault (after asking for a reset) and for SW1/SW2 errors. */
  private async check(r: Response): Promise<void> {
    if (r.sw1 !== 0 || r.sw2 !== 0) throw statusError(r.sw1, r.sw2, r.sw3);
    if (!SAM_FAULT_CODES.has(r.sw3)) return;
    const err = samError(r.sw3);
    this.setState(err.toState());
    try {
      const reset = await this.transact(COMMANDS.resetSam);
      this.log('info', 'sam-reset', { status: reset.sw3 });
    } catch (e) {
      this.log('warn', 'sam-reset-failed', { code: (e as ReaderError).code });
    }
    throw err;
  }

  private markRemoved(): void {
    if (!this.cardPresent) return;
    this.cardPresent = false;
    this.cardSerial = undefined;
    this.lastRead = undefined;
    this.emitter.emit('removed');
  }

  /**
   * Whether the card that was read still lies on the reader. The protocol gives no presence
   * command, and readers differ in what a resting, already-read card answers: most keep it
   * selected, so `30 03` (appended address) answers 90/91 only while it is in the field; some
   * end the selection with the read, or do not know `30 03` at all; some find a resting card
   * again, others only after it is lifted. So: `30 03` first, then `20 02`, then `20 01` +
   * `20 02`, and a card counts as the same one only by the serial `20 02` returns. Taking any
   * other answer as "lifted" made one resting card be read again on every poll.
   */
  private async stillPresent(): Promise<boolean> {
    if (this.addressProbe) {
      const r = await this.transact(COMMANDS.readAppendedAddress);
      await this.check(r);
      if (r.sw3 === 0x90 || r.sw3 === 0x91) {
        this.addressAnsweredSinceRead = true;
        return true;
      }
      if (r.sw3 === 0x21 || r.sw3 === 0x24) {
        // This module does not know `30 03`: stop spending a command on it every poll.
        this.addressProbe = false;
        this.log('info', 'address-probe-unsupported', { status: r.sw3 });
      } else if (this.addressAnsweredSinceRead) {
        // The selection held since the read and is gone now: the card left the field, even if
        // it is back already (lifted and placed again between two polls is a new placing).
        this.log('info', 'card-removed', { status: r.sw3 });
        return false;
      }
    }
    if (await this.sameCardSelected()) return true;
    const found = await this.transact(COMMANDS.findCard);
    await this.check(found);
    if (found.sw3 !== 0x9f) {
      this.log('info', 'card-removed', { status: found.sw3 });
      return false;
    }
    return this.sameCardSelected();
  }

  /**
   * Right after a read, while the card surely lies there: does `30 03` answer? If so, its later
   * failure means the card was lifted, even if it is back before the next poll. If not, this
   * reader ends the selection with the read (or lacks `30 03`), and presence goes by serial.
   */
  private async learnAddressProbe(): Promise<void> {
    const r = await this.transact(COMMANDS.readAppendedAddress);
    await this.check(r);
    if (r.sw3 === 0x90 || r.sw3 === 0x91) {
      this.addressAnsweredSinceRead = true;
      return;
    }
    this.addressProbe = false;
    this.log('info', 'address-probe-unusable', { status: r.sw3 });
  }

  private async sameCardSelected(): Promise<boolean> {
    const selected = await this.transact(COMMANDS.selectCard);
    await this.check(selected);
    if (selected.sw3 !== 0x90) return false;
    const same = hexBytes(selected.data.subarray(0, 8)) === this.cardSerial;
    if (!same) this.log('info', 'other-card-selected', {});
    return same;
  }

  private async cycle(): Promise<void> {
    if (this.cardPresent) {
      if (await this.stillPresent()) {
        this.setState(stateEvent('card-present'));
        return;
      }
      this.markRemoved();
      this.setState(stateEvent('ready'));
      return;
    }
    const found = await this.transact(COMMANDS.findCard);
    await this.check(found);
    if (found.sw3 !== 0x9f && !this.readLost) {
      this.setState(stateEvent('ready'));
      return;
    }
    const selected = await this.transact(COMMANDS.selectCard);
    await this.check(selected);
    if (selected.sw3 !== 0x90) {
      // The card left the field (between find and select, or since the lost read); start over.
      this.log('info', 'select-failed', { status: selected.sw3, afterLostRead: this.readLost });
      this.readLost = false;
      if (found.sw3 !== 0x9f) this.setState(stateEvent('ready'));
      return;
    }
    if (found.sw3 !== 0x9f) this.log('info', 'reselect-after-lost-read', {});
    const serial = hexBytes(selected.data.subarray(0, 8));
    const readCommand = this.opts.withFingerprint ? COMMANDS.readTextPhotoFingerprint : COMMANDS.readTextPhoto;
    this.readLost = true;
    const read = await this.transact(readCommand);
    await this.check(read);
    if (read.sw3 !== 0x90) {
      this.log('warn', 'read-failed', { status: read.sw3 });
      throw readerError('read-failed');
    }
    const answer = parseReadAnswer(read.data, this.opts.withFingerprint);
    if (typeof answer === 'string') {
      this.log('warn', 'bad-read-answer', { reason: answer, bytes: read.data.length });
      throw readerError('bad-answer');
    }
    this.readLost = false;
    const { card, warnings } = decodeTextBlock(answer.text);
    this.log(warnings.length ? 'warn' : 'info', 'card-read', { kind: card.kind, photoBytes: answer.raw.photoWlt.length, warnings: warnings.join(',') });
    this.cardPresent = true;
    this.cardSerial = serial;
    this.addressAnsweredSinceRead = false;
    if (this.addressProbe) await this.learnAddressProbe();
    this.lastRead = { card, raw: answer.raw };
    this.setState(stateEvent('card-present'));
    this.emitter.emit('placed', card, answer.raw);
  }
}
