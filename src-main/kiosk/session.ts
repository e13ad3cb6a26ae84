/**
 * The kiosk session: from a card placed (or a person starting) to the end of their visit.
 * The card data lives here in the main process only; at the end of the session it is dropped
 * and the UI is told to wipe itself.
 */
import { randomUUID } from 'node:crypto';
import type { IdCard } from '../../src-shared/domain/id-card.js';
import type { EventBus } from './event-bus.js';
import { toCardView } from './card-view.js';

export class KioskSession {
  private id = randomUUID();
  private card: IdCard | null = null;

  constructor(private readonly bus: EventBus) {}

  get sessionId(): string {
    return this.id;
  }

  get currentCard(): IdCard | null {
    return this.card;
  }

  cardPlaced(card: IdCard): void {
    // A different person's card starts a new session: never mix two people's data.
    if (this.card && this.card.idNumber !== card.idNumber) this.end('card-changed');
    this.card = card;
    this.bus.emit('card.placed', { sessionId: this.id, card: toCardView(card) });
  }

  cardRemoved(): void {
    // The person keeps filing after taking the card back; the session continues.
    this.bus.emit('card.removed', { sessionId: this.id });
  }

  end(reason: string): void {
    const ended = this.id;
    if (this.card) {
      // Overwrite before dropping, so the strings are not kept reachable by a stale reference.
      for (const k of Object.keys(this.card) as Array<keyof IdCard>) (this.card as unknown as Record<string, string>)[k] = '';
    }
    this.card = null;
    this.id = randomUUID();
    this.bus.emit('session.ended', { sessionId: ended, reason });
  }
}
