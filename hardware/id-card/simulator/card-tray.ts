/**
 * What a person and a test do to any simulated reader, whatever its transport (pty or fake
 * HID): place and lift cards and inject faults, each announced on the simulator's events.
 */
import type { EventEmitter } from 'node:events';
import type { IdCard } from '../../../src-shared/domain/id-card.js';
import { PtyPairError } from '../../serial/pty-pair.js';
import type { FirmwareEvent, ReaderFirmware, SimFault } from './firmware.js';

export interface CardTray {
  /** Places the card (or lifts and places the last one again when none is given). */
  placeCard(card?: IdCard): void;
  removeCard(): void;
  setFault(fault: SimFault | null): void;
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
