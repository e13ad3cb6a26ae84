/**
 * ID card reader simulator on a pseudo-terminal pair made by socat: the app opens `link` as if
 * it were the reader's serial port, the firmware is served on `<link>.sim` through serialport,
 * so tests exercise the real serial stack. Unplug kills socat (the port vanishes, as with a
 * USB adapter pulled out); replug starts it again on the same path.
 */
import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import type { IdCard } from '../../../src-shared/domain/id-card.js';
import type { ByteLink } from '../../serial/binding.js';
import { PtyPairError as SimulatorError, startPtyDevice, stopPtyPair } from '../../serial/pty-pair.js';
import { ReaderFirmware, type FirmwareEvent, type FirmwareOptions, type SimFault } from './firmware.js';
import { announceFirmwareEvent, cardTray, subscriber, type SimulatedReader } from './card-tray.js';

export interface SimulatorOptions extends Omit<FirmwareOptions, 'card' | 'fault'> {
  /** Path the app opens (a symlink to the app-side pty). */
  link: string;
  card?: IdCard | null;
  fault?: SimFault | null;
  baudRate?: number;
  /** Hold each answer back for its wire time at baudRate (10 bits a byte), as a real UART would. */
  paced?: boolean;
  /** How long to wait for socat to make the ptys. */
  startTimeoutMs?: number;
}

export type { SimulatorEvents } from './card-tray.js';

export interface IdCardSimulator extends SimulatedReader {
  /** = link: the path the app opens. */
  readonly appPath: string;
  readonly simPath: string;
}

/** Thrown by startIdCardSimulator, replug and placeCard, with message_zh / message_en. */
export { SimulatorError };

export async function startIdCardSimulator(opts: SimulatorOptions): Promise<IdCardSimulator> {
  const emitter = new EventEmitter();
  const simPath = `${opts.link}.sim`;
  const baudRate = opts.baudRate ?? 115200;
  const startTimeoutMs = opts.startTimeoutMs ?? 5000;
  const timers = new Set<NodeJS.Timeout>();
  const counts: Record<string, number> = {};
  let socat: ChildProcess | undefined;
  let port: ByteLink | undefined;
  let closed = false;

  const write = (bytes: Uint8Array): void => {
    port?.write(bytes).catch(() => undefined); // the port vanished mid-answer: as on a real unplug
  };

  const firmware = new ReaderFirmware(
    {
      send(bytes, delayMs) {
        const wire = opts.paced ? Math.ceil((bytes.length * 10 * 1000) / baudRate) : 0;
        const total = delayMs + wire;
        if (total === 0) return write(bytes);
        const copy = Uint8Array.from(bytes);
        const t = setTimeout(() => {
          timers.delete(t);
          write(copy);
        }, total);
        timers.add(t);
      },
      event(e: FirmwareEvent) {
        // Let the half answer reach the pty before the port disappears.
        announceFirmwareEvent(e, counts, emitter, () => setImmediate(() => void handle.unplug()));
      },
    },
    { ...opts, card: null, fault: opts.fault ?? null },
  );
  if (opts.card) firmware.placeCard(opts.card);

  const plugIn = async (): Promise<void> => {
    const device = await startPtyDevice(opts.link, { baudRate, timeoutMs: startTimeoutMs });
    const child = device.socat;
    socat = child;
    child.once('exit', () => {
      if (socat === child) socat = undefined;
    });
    const p = device.port;
    port = p;
    p.onData((chunk) => firmware.receive(chunk));
    p.onClose(() => {
      if (port === p) port = undefined;
    });
    firmware.powerCycle();
  };

  const pull = async (): Promise<void> => {
    for (const t of timers) clearTimeout(t);
    timers.clear();
    const child = socat;
    const p = port;
    socat = undefined;
    port = undefined;
    // socat first: the app's port vanishes as with a pulled adapter, not closed by the far end.
    if (child) await stopPtyPair(child);
    await p?.close();
  };

  const tray = cardTray(firmware, emitter, opts.card ?? null);
  const handle: IdCardSimulator = {
    appPath: opts.link,
    simPath,
    get plugged() {
      return socat !== undefined;
    },
    commandCounts: counts,
    ...tray,
    async unplug() {
      if (!socat || closed) return;
      await pull();
      emitter.emit('unplugged');
    },
    async replug() {
      if (socat || closed) return;
      await plugIn();
      emitter.emit('replugged');
    },
    async close() {
      if (closed) return;
      closed = true;
      await pull();
      emitter.removeAllListeners();
    },
    on: subscriber(emitter),
  };

  if (opts.fault === 'unplug') firmware.setFault('unplug');
  await plugIn();
  return handle;
}
