import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IdCard } from '../../../../src-shared/domain/id-card.js';
import { parseCardJson } from '../../../../hardware/id-card/card-json.js';
import type { IdCardReader, ReaderEvents } from '../../../../hardware/id-card/reader.js';
import type { ReaderStateEvent } from '../../../../hardware/id-card/reader-messages.js';

export const FIXTURES = join(import.meta.dirname, '../../../fixtures/cards');

export function fixtureCard(name: string): IdCard {
  return parseCardJson(readFileSync(join(FIXTURES, `${name}.json`), 'utf8'));
}

/** Resolves with the next event matching `pred`; the timeout only turns a hang into a failure. */
export function nextEvent<K extends keyof ReaderEvents>(
  reader: IdCardReader,
  event: K,
  pred: (...args: ReaderEvents[K]) => boolean = () => true,
  timeoutMs = 8000,
): Promise<ReaderEvents[K]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no '${event}' event within ${timeoutMs} ms (state ${JSON.stringify(reader.state)})`));
    }, timeoutMs);
    const off = reader.on(event, (...args) => {
      if (!pred(...args)) return;
      clearTimeout(timer);
      off();
      resolve(args);
    });
  });
}

/** The current state if it matches, else the next state that does. */
export async function waitState(reader: IdCardReader, pred: (s: ReaderStateEvent) => boolean, timeoutMs = 8000): Promise<ReaderStateEvent> {
  if (pred(reader.state)) return reader.state;
  const [s] = await nextEvent(reader, 'state', pred, timeoutMs);
  return s;
}

/** Waits for `n` complete poll cycles. */
export async function polls(reader: IdCardReader, n: number, timeoutMs = 8000): Promise<void> {
  let seen = 0;
  await nextEvent(reader, 'polled', () => ++seen >= n, timeoutMs);
}

export interface Recorded {
  placed: IdCard[];
  removed: number;
  states: ReaderStateEvent[];
}

export function record(reader: IdCardReader): Recorded {
  const r: Recorded = { placed: [], removed: 0, states: [] };
  reader.on('placed', (card) => r.placed.push(card));
  reader.on('removed', () => r.removed++);
  reader.on('state', (s) => r.states.push(s));
  return r;
}
