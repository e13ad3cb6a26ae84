/**
 * This terminal's own record, back from the central as the central vouches for it (the court
 * token's name, the central's acceptance time, the clerk's claim kept as stated). Until it
 * came back the view showed it provisionally, with the signed-in clerk and this terminal's
 * clock; now the view takes the central's author and time, so every terminal of the court
 * shows the same. Only who and when change: the content shown stays as it was (a scan's bytes
 * stay here, a print stays on its record).
 */
import type { Db } from '../db/open.js';
import type { ClerkRecord } from '../../src-shared/sync/protocol.js';

/** Who did it, as the view shows it: the authenticated name, and beside it the clerk the terminal named. */
export function shownAuthor(r: ClerkRecord): string {
  return r.stated ? `${r.author}（${r.stated.author}）` : r.author;
}

/** `r` is the central's version of a record that is here as 'local'; `was` is when it was made here. */
export function adoptOwnRecord(db: Db, r: ClerkRecord, was: string): void {
  const at = r.createdAt;
  const by = shownAuthor(r);
  db.prepare("UPDATE clerk_records SET created_at = ?, record_json = ?, origin = 'central' WHERE id = ?").run(at, JSON.stringify(r), r.id);
  const f = r.filingId;
  switch (r.kind) {
    case 'verification':
      db.prepare('UPDATE counter_verifications SET clerk = ?, at = ? WHERE record_id = ?').run(by, at, r.id);
      return;
    case 'reception':
      db.prepare('UPDATE counter_receptions SET clerk = ?, saved_at = ? WHERE filing_id = ? AND saved_at = ?').run(by, at, f, was);
      return;
    case 'reception.printed':
      db.prepare('UPDATE counter_receptions SET printed_at = ? WHERE filing_id = ? AND printed_at = ?').run(at, f, was);
      return;
    case 'reception.scan':
      db.prepare('UPDATE counter_receptions SET scan_at = ? WHERE filing_id = ? AND scan_id = ?').run(at, f, r.id);
      return;
    case 'triage':
      db.prepare('UPDATE counter_cases SET triage_by = ?, triage_at = ? WHERE filing_id = ? AND triage_at = ?').run(by, at, f, was);
      return;
    case 'done':
    case 'pre-enforcement':
      db.prepare('UPDATE counter_cases SET done_by = ?, done_at = ? WHERE filing_id = ? AND done_at = ?').run(by, at, f, was);
      return;
    default:
      return;
  }
}
