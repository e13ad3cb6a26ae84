/**
 * An ID card reader on HID, in memory: a fake node-hid device (write / 'data' / 'error' /
 * close, as HID.HID) that unwraps the host's reports with the configured framing, runs the
 * reader firmware of the pty simulator, and wraps its answers back into input reports. Unplug
 * makes the open handle fail the way node-hid does (an 'error' event) and the device leave the
 * enumeration until replug.
 */
import { EventEmitter } from 'node:events';
import type { IdCard } from '../../../src-shared/domain/id-card.js';
import { ReaderFirmware, type FirmwareEvent, type FirmwareOptions, type SimFault } from '../../id-card/simulator/firmware.js';
import { announceFirmwareEvent, cardTray, subscriber, type SimulatedReader } from '../../id-card/simulator/card-tray.js';
import { fromOutputReport, toInputReport, unwrapPayload, wrapPayloads, type HidFraming } from '../framing.js';
import type { HidApi, HidDeviceHandle, HidDeviceInfo } from '../hid-api.js';

export interface FakeHidReaderOptions extends Omit<FirmwareOptions, 'card' | 'fault'> {
  framing: HidFraming;
  card?: IdCard | null;
  fault?: SimFault | null;
  /** What enumeration shows; a made-up vendor id by default. */
  info?: Partial<HidDeviceInfo>;
  /** Other devices listed beside the reader (keyboards, the scanner ...). */
  others?: HidDeviceInfo[];
}

export interface FakeHidReader extends SimulatedReader {
  /** Pass to hidBinding({ api }) in place of node-hid. */
  readonly api: HidApi;
  readonly info: HidDeviceInfo;
  /** Reports the host wrote, and reports the device sent, since start. */
  readonly reports: { out: number; in: number };
}

class FakeHandle extends EventEmitter implements HidDeviceHandle {
  dead = false;

  constructor(private readonly receive: (report: Uint8Array) => void) {
    super();
  }

  write(report: number[] | Buffer): number {
    if (this.dead) throw new Error('Cannot write to hid device');
    const bytes = Uint8Array.from(report);
    this.receive(bytes);
    return bytes.length;
  }

  close(): void {
    this.dead = true;
    this.removeAllListeners();
  }
}

export function startFakeHidReader(opts: FakeHidReaderOptions): FakeHidReader {
  const emitter = new EventEmitter();
  const framing = opts.framing;
  const info: HidDeviceInfo = { vendorId: 0x1d6b, productId: 0x5aa5, path: '/dev/hidraw-fake0', product: 'Simulated ID card reader', interface: 0, ...opts.info };
  const counts: Record<string, number> = {};
  const reports = { out: 0, in: 0 };
  const timers = new Set<NodeJS.Timeout>();
  let handle: FakeHandle | undefined;
  let plugged = true;
  let closed = false;

  const deliver = (h: FakeHandle, bytes: Uint8Array): void => {
    if (h.dead || handle !== h) return;
    for (const payload of wrapPayloads(framing, bytes)) {
      reports.in++;
      const r = toInputReport(framing, payload);
      h.emit('data', Buffer.from(r.buffer, r.byteOffset, r.byteLength));
    }
  };

  const firmware = new ReaderFirmware(
    {
      send(bytes, delayMs) {
        const h = handle;
        if (!h) return;
        const copy = Uint8Array.from(bytes);
        // Asynchronous even without delay, as a device's interrupt endpoint is.
        const t = setTimeout(() => {
          timers.delete(t);
          deliver(h, copy);
        }, delayMs);
        timers.add(t);
      },
      event(e: FirmwareEvent) {
        announceFirmwareEvent(e, counts, emitter, () => {
          // After the half answer already queued.
          const t = setTimeout(() => {
            timers.delete(t);
            void self.unplug();
          }, 0);
          timers.add(t);
        });
      },
    },
    { ...opts, card: null, fault: opts.fault ?? null },
  );
  if (opts.card) firmware.placeCard(opts.card);

  const api: HidApi = {
    async devices() {
      return plugged && !closed ? [...(opts.others ?? []), { ...info }] : [...(opts.others ?? [])];
    },
    async open(path) {
      if (!plugged || closed || path !== info.path) throw new Error(`cannot open device with path ${path}`);
      const h = new FakeHandle((report) => {
        reports.out++;
        firmware.receive(unwrapPayload(framing, fromOutputReport(report)));
      });
      handle = h;
      return h;
    },
  };

  const pull = (): void => {
    for (const t of timers) clearTimeout(t);
    timers.clear();
    const h = handle;
    handle = undefined;
    plugged = false;
    if (h && !h.dead) {
      h.dead = true;
      h.emit('error', new Error('could not read from HID device'));
    }
  };

  const tray = cardTray(firmware, emitter, opts.card ?? null);
  const self: FakeHidReader = {
    api,
    info,
    get plugged() {
      return plugged;
    },
    commandCounts: counts,
    reports,
    ...tray,
    async unplug() {
      if (!plugged || closed) return;
      pull();
      emitter.emit('unplugged');
    },
    async replug() {
      if (plugged || closed) return;
      firmware.powerCycle();
      plugged = true;
      emitter.emit('replugged');
    },
    async close() {
      if (closed) return;
      pull();
      closed = true;
      emitter.removeAllListeners();
    },
    on: subscriber(emitter),
  };
  if (opts.fault === 'unplug') firmware.setFault('unplug');
  return self;
}
