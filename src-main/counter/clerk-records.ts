/**
 * Clerk records on a counter terminal. Every clerk action is written as an append-only fact
 * (UUID made here) in the same transaction as the counter tables it changes and its outbox row,
 * so it reaches the central and, through it, the court's other terminals. Records pulled from
 * the central are applied to the same tables: idempotently (by id), and never over a newer
 * record. "Newer" is the central's order, the only one every terminal agrees on: records come
 * back stamped with the central's acceptance time, increasing in the order it took them. This
 * terminal's own records not yet back count as the newest, since the central will take them
 * after everything already pulled (the feed comes in its order); each is shown provisionally
 * until its attested version arrives (`adoptOwnRecord`). A terminal's own clock never orders
 * records: one set fast, or a forged createdAt, would otherwise pin a value over later work.
 * A record whose filing is not here yet waits until the filing is pulled.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/open.js';
import type { ClerkRecord, ClerkRecordKind } from '../../src-shared/sync/protocol.js';
import type { CounterStage } from '../../src-shared/counter/contract.js';
import { getCounterCase, getReception, patchCounterCase, saveReception, type CounterCasePatch } from './counter-store.js';
import { adoptOwnRecord, shownAuthor } from './adopt-record.js';
import { keptFollowUp } from './pre-enforcement-view.js';
import { correctHeldRecord } from './field-corrections.js';
import { archiveReception, currentReceptionVersion, markArchivedPrint, markArchivedScan } from './reception-versions.js';

export type PayloadOf<K extends ClerkRecordKind> = Extract<ClerkRecord, { kind: K }>['payload'];

export interface RecordAuthor {
  account: string;
  terminal: string;
  court: string;
}

/** Writes this terminal's record (already shown in the view) and queues it for the central; call inside the action's transaction. */
export function writeClerkRecord<K extends ClerkRecordKind>(db: Db, who: RecordAuthor, filingId: string, kind: K, payload: PayloadOf<K>, at: string): ClerkRecord {
  const numbers = db.prepare('SELECT provisional_no, official_no FROM filings WHERE id = ?').get(filingId) as { provisional_no: string; official_no: string | null };
  const record = {
    id: randomUUID(), kind, filingId, provisionalNo: numbers.provisional_no, officialNo: numbers.official_no,
    court: who.court, author: who.account, terminal: who.terminal, createdAt: at, payload,
  } as ClerkRecord;
  db.prepare("INSERT INTO clerk_records (id, filing_id, kind, created_at, origin, record_json, applied_at) VALUES (?, ?, ?, ?, 'local', ?, ?)").run(record.id, filingId, kind, at, JSON.stringify(record), at);
  db.prepare('INSERT INTO clerk_record_outbox (record_id) VALUES (?)').run(record.id);
  return record;
}

/** Stores records from the central and applies those whose filing is here; returns how many were new or were this terminal's own, now attested. */
export function receiveClerkRecords(db: Db, records: readonly ClerkRecord[], at: string): number {
  let fresh = 0;
  db.transaction(() => {
    const insert = db.prepare("INSERT INTO clerk_records (id, filing_id, kind, created_at, origin, record_json) VALUES (?, ?, ?, ?, 'central', ?) ON CONFLICT (id) DO NOTHING");
    const own = db.prepare("SELECT created_at FROM clerk_records WHERE id = ? AND origin = 'local'");
    for (const r of records) {
      const added = insert.run(r.id, r.filingId, r.kind, r.createdAt, JSON.stringify(r)).changes;
      const mine = added ? undefined : (own.get(r.id) as { created_at: string } | undefined);
      if (mine) adoptOwnRecord(db, r, mine.created_at);
      fresh += added || (mine ? 1 : 0);
    }
    applyWaiting(db, at);
  }).immediate();
  return fresh;
}

/** Applies stored records not yet in the view whose filing is here, oldest first; at the same instant in the order they came (a print after its record). */
export function applyWaiting(db: Db, at: string): number {
  const rows = db
    .prepare('SELECT r.record_json FROM clerk_records r JOIN filings f ON f.id = r.filing_id WHERE r.applied_at IS NULL ORDER BY r.created_at, r.rowid')
    .all() as Array<{ record_json: string }>;
  const done = db.prepare('UPDATE clerk_records SET applied_at = ? WHERE id = ?');
  for (const { record_json } of rows) {
    const r = JSON.parse(record_json) as ClerkRecord;
    project(db, r);
    done.run(at, r.id);
  }
  return rows.length;
}

/** Kinds whose records decide the case's stage, and the stage each one sets. */
const STAGE_KINDS: ClerkRecordKind[] = ['reception', 'triage', 'return', 'done', 'pre-enforcement'];

/**
 * Is there an applied record of these kinds after `r` (a record from the central) in the
 * central's order? This terminal's own records not yet back from it are after everything it
 * sent, unless the central refused them (those stay here as noted, out of the order).
 */
function newer(db: Db, r: ClerkRecord, kinds: readonly ClerkRecordKind[]): boolean {
  const marks = kinds.map(() => '?').join(', ');
  return Boolean(
    db
      .prepare(
        `SELECT 1 FROM clerk_records s WHERE s.filing_id = ? AND s.kind IN (${marks}) AND s.applied_at IS NOT NULL AND s.id <> ? AND (
           (s.origin = 'local' AND NOT EXISTS (SELECT 1 FROM clerk_record_outbox o WHERE o.record_id = s.id AND o.last_error IS NOT NULL AND o.sent_at IS NOT NULL))
           OR (s.origin = 'central' AND (s.created_at > ? OR (s.created_at = ? AND s.id > ?)))) LIMIT 1`,
      )
      .get(r.filingId, ...kinds, r.id, r.createdAt, r.createdAt, r.id),
  );
}

function project(db: Db, r: ClerkRecord): void {
  const at = r.createdAt;
  const by = shownAuthor(r);
  const stage = (s: CounterStage | null): CounterCasePatch => (s && !newer(db, r, STAGE_KINDS) ? { stage: s } : {});
  const current = getCounterCase(db, r.filingId)?.stage ?? 'new';
  switch (r.kind) {
    case 'verification': {
      const p = r.payload;
      db.prepare('INSERT INTO counter_verifications (filing_id, field, verdict, original_value, corrected_value, reason, clerk, at, record_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING').run(
        r.filingId, p.field, p.verdict, p.originalValue, p.correctedValue, p.reason, by, at, r.id,
      );
      // Another terminal's correction: the record held here takes the value too (the central applies the same).
      if (p.correction) correctHeldRecord(db, r.filingId, p.correction, at);
      return patchCounterCase(db, r.filingId, current === 'new' ? { stage: 'verifying' } : {}, at);
    }
    case 'reception': {
      // Versions (issue 14 item 3): a later version replaces a printed one here too, which is kept with
      // its print and scan; an older version never overwrites a newer one; the same version is
      // written over only while unprinted (a printed version is locked).
      const v = r.payload.version ?? 1;
      const held = getReception(db, r.filingId);
      const heldVersion = held?.version ?? 0;
      if (v < heldVersion) return;
      if (v === heldVersion && (held?.printedAt || newer(db, r, ['reception']))) return;
      if (held && v > heldVersion) archiveReception(db, r.filingId, at);
      const { version: _v, ...content } = r.payload;
      void _v;
      saveReception(db, r.filingId, content, by, at, v);
      const clear: CounterCasePatch = newer(db, r, ['no-reception']) ? {} : { no_reception_reason: null };
      return patchCounterCase(db, r.filingId, { ...clear, ...stage(['new', 'verifying'].includes(current) ? 'received' : null) }, at);
    }
    case 'reception.printed': {
      const v = r.payload.version;
      if (v !== undefined && v !== currentReceptionVersion(db, r.filingId)) return markArchivedPrint(db, r.filingId, v, at);
      // A print belongs to the record saved before it; a later save needs a new print.
      db.prepare('UPDATE counter_receptions SET printed_at = ? WHERE filing_id = ? AND saved_at <= ? AND (printed_at IS NULL OR printed_at < ?)').run(at, r.filingId, at, at);
      return;
    }
    case 'reception.scan': {
      const p = r.payload;
      if (p.version !== undefined && p.version !== currentReceptionVersion(db, r.filingId)) return markArchivedScan(db, r.filingId, p.version, { id: r.id, mime: p.mime, sha256: p.sha256 }, at);
      // The others keep its reference (the record's id is the scan's id at the central) and fetch the image when a clerk opens it.
      db.prepare(
        'UPDATE counter_receptions SET scan_id = ?, scan_mime = ?, scan_bytes = NULL, scan_sha256 = ?, scan_at = ?, scan_uploaded_at = NULL WHERE filing_id = ? AND printed_at IS NOT NULL AND printed_at <= ? AND (scan_at IS NULL OR scan_at < ?)',
      ).run(r.id, p.mime, p.sha256, at, r.filingId, at, at);
      return;
    }
    case 'no-reception':
      if (newer(db, r, ['no-reception', 'reception']) || getReception(db, r.filingId)) return;
      return patchCounterCase(db, r.filingId, { no_reception_reason: r.payload.reason }, at);
    case 'triage': {
      if (newer(db, r, ['triage', 'conversion'])) return;
      const p = r.payload;
      return patchCounterCase(db, r.filingId, {
        triage_team: p.team, triage_decision: p.decision, triage_suggested_team: p.suggestedTeam, triage_rule: p.rule, triage_reason: p.reason, triage_by: by, triage_at: at,
        ...stage(current === 'done' ? null : 'triaged'),
      }, at);
    }
    case 'conversion':
      if (newer(db, r, ['conversion', 'triage'])) return;
      return patchCounterCase(db, r.filingId, { triage_team: r.payload.to, conversion_json: JSON.stringify(r.payload) }, at);
    case 'return':
      if (newer(db, r, ['return'])) return;
      return patchCounterCase(db, r.filingId, { return_reasons_json: JSON.stringify(r.payload.reasons_zh), ...stage('returned') }, at);
    case 'done':
      return patchCounterCase(db, r.filingId, { done_by: by, done_at: at, ...stage('done') }, at);
    case 'routing-tags':
      // Read from the records themselves (recorded-tags.ts): nothing to project.
      return;
    case 'pre-enforcement': {
      if (newer(db, r, ['pre-enforcement'])) return;
      const { event: _e, ...state } = r.payload;
      void _e;
      const finished = state.outcome !== null;
      // What the central answered this terminal for the 执 filing stays beside the state.
      return patchCounterCase(db, r.filingId, { pre_json: JSON.stringify({ ...state, ...keptFollowUp(getCounterCase(db, r.filingId)?.pre_json) }), ...(finished ? { done_by: by, done_at: at, ...stage('done') } : {}) }, at);
    }
  }
}

/** This terminal's records not yet at the central. */
export function pendingClerkRecords(db: Db, filingId?: string): number {
  const row = (filingId
    ? db.prepare('SELECT count(*) AS n FROM clerk_record_outbox o JOIN clerk_records r ON r.id = o.record_id WHERE o.sent_at IS NULL AND r.filing_id = ?').get(filingId)
    : db.prepare('SELECT count(*) AS n FROM clerk_record_outbox WHERE sent_at IS NULL').get()) as { n: number };
  return row.n;
}
