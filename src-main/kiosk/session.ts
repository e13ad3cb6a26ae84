/**
 * The kiosk session: from a card placed (or a person starting) to the end of their visit.
 * The card data lives here in the main process only, and only while the card is on the reader:
 * lifting the card drops it (the page keeps the answers; placing the same card again gives the
 * data back for the same session). At the end of the session it is dropped and the UI is told
 * to wipe itself.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { IdCard } from '../../src-shared/domain/id-card.js';
import type { EventBus } from './event-bus.js';

/** Who held the session, without keeping their number: another card starts a new session. */
const holderOf = (card: IdCard) => createHash('sha256').update(`holder:${card.idNumber.trim().toUpperCase()}`).digest('hex');

function overwrite(card: IdCard | null): void {
  if (!card) return;
  // Overwrite before dropping, so the strings are not kept reachable by a stale reference.
  for (const k of Object.keys(card) as Array<keyof IdCard>) (card as unknown as Record<string, string>)[k] = '';
}

export class KioskSession {
  private id = randomUUID();
  private card: IdCard | null = null;
  private holder: string | null = null;

  constructor(private readonly bus: EventBus) {}

  get sessionId(): string {
    return this.id;
  }

  /** The card on the reader now; null once it was lifted, even within the same session. */
  get currentCard(): IdCard | null {
    return this.card;
  }

  cardPlaced(card: IdCard): void {
    // A different person's card starts a new session: never mix two people's data.
    const holder = holderOf(card);
    if (this.holder && this.holder !== holder) this.end('card-changed');
    overwrite(this.card === card ? null : this.card);
    this.card = card;
    this.holder = holder;
    // No name or address in the event: the page reads them through session.current.
    this.bus.emit('card.placed', { sessionId: this.id });
  }

  cardRemoved(): void {
    // The answers stay on the page, but nothing of the card is served until it is back.
    overwrite(this.card);
    this.card = null;
    this.bus.emit('card.removed', { sessionId: this.id });
  }

  end(reason: string): void {
    const ended = this.id;
    overwrite(this.card);
    this.card = null;
    this.holder = null;
    this.id = randomUUID();
    this.bus.emit('session.ended', { sessionId: ended, reason });
  }
}
