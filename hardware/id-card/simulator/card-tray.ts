/**
 * What a person and a test do to any simulated reader, whatever its transport (pty or fake
 * HID): place and lift cards and inject faults, each announced on the simulator's events.
 */
import type { EventEmitter } from 'node:events';
import type { IdCard } from '../../../src-shared/domain/id-card.js';
import { PtyPairError } from '../../serial/pty-pair.js';
import type { FirmwareEvent, ReaderFirmware, SimFault } from './firmware.js';

export interface SimulatorEvents {
  command: [name: string];
  'read-served': [intact: boolean];
  placed: [];
  removed: [];
  fault: [fault: SimFault | null];
  unplugged: [];
  replugged: [];
}

export interface CardTray {
  /** Places the card (or lifts and places the last one again when none is given). */
  placeCard(card?: IdCard): void;
  removeCard(): void;
  setFault(fault: SimFault | null): void;
}

/** Every simulated reader, whatever its transport; each adds how the app reaches it. */
export interface SimulatedReader extends CardTray {
  readonly plugged: boolean;
  /** Commands received, by name, since start. */
  readonly commandCounts: Readonly<Record<string, number>>;
  unplug(): Promise<void>;
  replug(): Promise<void>;
  close(): Promise<void>;
  on<K extends keyof SimulatorEvents>(event: K, listener: (...args: SimulatorEvents[K]) => void): () => void;
}

/** The typed `on` of a SimulatedReader over its emitter; the returned function unsubscribes. */
export function subscriber(emitter: EventEmitter): SimulatedReader['on'] {
  return (event, listener) => {
    emitter.on(event, listener as (...a: unknown[]) => void);
    return () => emitter.off(event, listener as (...a: unknown[]) => void);
  };
}

export function cardTray(firmware: ReaderFirmware, emitter: EventEmitter, firstCard: IdCard | null): CardTray {
  let lastCard = firstCard;
  return {
    placeCard(card) {
      const c = card ?? lastCard;
      if (!c) throw new PtyPairError('没有可放置的卡片', 'No card to place');
      firmware.placeCard(c);
      lastCard = c;
      emitter.emit('placed');
    },
    removeCard() {
      firmware.removeCard();
      emitter.emit('removed');
    },
    setFault(fault) {
      firmware.setFault(fault);
      emitter.emit('fault', fault);
    },
  };
}

/**
 * Counts and announces what the firmware reports, the same for every transport; only the
 * `unplug` fault's "vanish now" is left to the caller, since each transport vanishes its own way.
 */
export function announceFirmwareEvent(e: FirmwareEvent, counts: Record<string, number>, emitter: EventEmitter, unplugNow: () => void): void {
  if (e.type === 'command') {
    counts[e.name] = (counts[e.name] ?? 0) + 1;
    emitter.emit('command', e.name);
  } else if (e.type === 'read-served') {
    emitter.emit('read-served', e.intact);
  } else {
    unplugNow();
  }
}
