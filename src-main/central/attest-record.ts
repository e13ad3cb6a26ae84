/**
 * A clerk record as the central vouches for it. A court token proves which counter terminal
 * sent the record, and nothing more: the clerk's name and the time are what the terminal says.
 * So the stored record is authored by the name the token was issued to, dated by the central
 * when it accepts the record, and keeps the terminal's claims beside them as `stated`. Other
 * terminals show the token's name and order records by the central's time, so a record cannot
 * be slipped in as another clerk's work or dated before the filing it changes.
 *
 * `clerk`: the account of the clerk session sent with the records (issue 14 item 8), which the
 * central issued itself: a record that account states as its own is authored by that account,
 * the terminal still the token's name. Any other record keeps the token's name as its author.
 */
import type { ClerkRecord } from '../../src-shared/sync/protocol.js';

export function attestRecord(r: ClerkRecord, authenticated: string, at: string, clerk: string | null = null): ClerkRecord {
  const { stated: _ignored, ...claimed } = r;
  void _ignored;
  return { ...claimed, author: clerk !== null && r.author === clerk ? clerk : authenticated, terminal: authenticated, createdAt: at, stated: { author: r.author, terminal: r.terminal, createdAt: r.createdAt } };
}

/**
 * The acceptance time: the central's clock, but always after the court's previous record, so
 * time order is acceptance (seq) order even when the clock steps back (NTP, a restored VM).
 */
export function acceptanceTime(now: Date, previous: string | undefined): string {
  const after = previous ? Date.parse(previous) + 1 : -Infinity;
  return new Date(Math.max(now.getTime(), after)).toISOString();
}
