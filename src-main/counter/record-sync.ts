/**
 * The clerk records' leg of the counter's court sync: this terminal's records go to the central
 * (POST /v1/court/records, oldest first, in batches), and the court's filings and the records
 * other terminals wrote come back (GET /v1/court/filings, GET /v1/court/records, by cursor), so
 * the court's other counter PCs show the same verification, reception, reasons and deadlines.
 * Payloads carry personal data: the log gets ids, counts and codes only.
 */
import type { Db } from '../db/open.js';
import type { Logger } from '../log/logger.js';
import {
  MAX_CLERK_RECORDS_PULL,
  MAX_PULL_CHANGES,
  clerkRecordSchema,
  type ClerkRecord,
  type ClerkRecordsPushResponse,
  type CourtFiling,
  type StoredClerkRecord,
} from '../../src-shared/sync/protocol.js';
import { filingRecordSchema } from '../../src-shared/domain/filing.js';
import { applyWaiting, receiveClerkRecords } from './clerk-records.js';
import { HEADER_CLERK_SESSION } from '../../src-shared/sync/clerk-accounts.js';

export const RECORD_BATCH = 100;

export interface RecordSyncTarget {
  db: Db;
  log: Logger;
  url: string;
  token: string;
  /** This terminal's court code: what it pulls. */
  court: string;
  now: () => Date;
  /** Keyed hash of an ID number for pulled filings (the queue's search by ID number). */
  applicantKey: (idNumber: string) => string;
  /** The central clerk session an account's records are sent with; none: the terminal's name authors them. */
  clerkSession?: (account: string) => string | null;
}

/** 'offline': the central could not be reached; 'refused': it answered with an error. */
/** `filingIds`: for pulls, the filings whose view changed here (shown again by open screens). */
export type LegOutcome = { ok: true; moved: number; filingIds?: string[] } | { ok: false; kind: 'offline' | 'refused'; code: string };

export async function call<T>(t: RecordSyncTarget, method: 'GET' | 'POST', path: string, body?: unknown, session?: string | null): Promise<{ ok: true; body: T } | Extract<LegOutcome, { ok: false }>> {
  let res: Response;
  try {
    res = await fetch(`${t.url.replace(/\/$/, '')}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.token}`, ...(session ? { [HEADER_CLERK_SESSION]: session } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    return { ok: false, kind: 'offline', code: 'unreachable' };
  }
  const json = (await res.json().catch(() => null)) as (T & { error?: string }) | null;
  if (!res.ok || !json) return { ok: false, kind: 'refused', code: json?.error ?? `http-${res.status}` };
  return { ok: true, body: json };
}

/** Sends pending records in batches, oldest first, until none is left or a batch fails. */
export async function pushRecords(t: RecordSyncTarget): Promise<LegOutcome> {
  let moved = 0;
  for (;;) {
    const r = await pushBatch(t);
    if (!r.ok) return r;
    moved += r.moved;
    if (r.moved === 0) return { ok: true, moved };
  }
}

/**
 * One batch; the numbers are read at send time (an official number may have come since). A
 * batch holds one clerk's records (the oldest pending and those after it by the same clerk), so
 * the clerk's central session sent with it vouches for all of them.
 */
async function pushBatch(t: RecordSyncTarget): Promise<LegOutcome> {
  const pending = t.db
    .prepare(
      `SELECT o.seq, r.record_json, f.official_no FROM clerk_record_outbox o JOIN clerk_records r ON r.id = o.record_id LEFT JOIN filings f ON f.id = r.filing_id
       WHERE o.sent_at IS NULL ORDER BY o.seq LIMIT ${RECORD_BATCH}`,
    )
    .all() as Array<{ seq: number; record_json: string; official_no: string | null }>;
  if (pending.length === 0) return { ok: true, moved: 0 };
  const all = pending.map((r) => {
    const rec = JSON.parse(r.record_json) as ClerkRecord;
    return { ...rec, officialNo: r.official_no ?? rec.officialNo };
  });
  const author = all[0]!.author;
  const same = all.findIndex((r) => r.author !== author);
  const records = same < 0 ? all : all.slice(0, same);
  const rows = pending.slice(0, records.length);
  const answer = await call<ClerkRecordsPushResponse>(t, 'POST', '/v1/court/records', { records }, t.clerkSession?.(author) ?? null);
  const at = t.now().toISOString();
  if (!answer.ok) {
    t.db.prepare(`UPDATE clerk_record_outbox SET attempts = attempts + 1, last_error = ? WHERE seq IN (${rows.map((r) => r.seq).join(',')})`).run(answer.code);
    return answer;
  }
  const finish = t.db.prepare('UPDATE clerk_record_outbox SET sent_at = ?, last_error = ?, attempts = attempts + 1 WHERE seq = ?');
  t.db.transaction(() => {
    rows.forEach((row, i) => {
      const res = answer.body.results[i];
      // A record the central refuses (malformed, another court) stays refused: kept here, noted, not resent.
      finish.run(at, res?.status === 'rejected' ? res.code : null, row.seq);
      if (res?.status === 'rejected') t.log.warn('counter.record.refused', { recordId: records[i]!.id, kind: records[i]!.kind, code: res.code });
    });
  }).immediate();
  return { ok: true, moved: rows.length };
}

function cursor(db: Db, name: string): number {
  return (db.prepare('SELECT value FROM counter_cursors WHERE name = ?').get(name) as { value: number } | undefined)?.value ?? 0;
}

function saveCursor(db: Db, name: string, value: number): void {
  db.prepare('INSERT INTO counter_cursors (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value').run(name, value);
}

/** Reads a court feed page by page from the stored cursor; `apply` stores one page (with its cursor) and returns the filings it changed. */
async function pullPages<T>(t: RecordSyncTarget, name: 'filings' | 'records', limit: number, apply: (items: T[], cursor: number) => string[]): Promise<LegOutcome> {
  const changed = new Set<string>();
  for (;;) {
    const answer = await call<{ cursor: number } & Record<typeof name, T[]>>(t, 'GET', `/v1/court/${name}?since=${cursor(t.db, name)}&court=${encodeURIComponent(t.court)}`);
    if (!answer.ok) return answer;
    const items = answer.body[name];
    const ids = t.db.transaction(() => {
      const touched = apply(items, answer.body.cursor);
      saveCursor(t.db, name, answer.body.cursor);
      return touched;
    }).immediate();
    for (const id of ids) changed.add(id);
    if (items.length < limit) return { ok: true, moved: changed.size, filingIds: [...changed] };
  }
}

/** The court's numbered filings not yet here (filed at other kiosks or counters), stored without an outbox row. */
export function pullFilings(t: RecordSyncTarget): Promise<LegOutcome> {
  return pullPages<CourtFiling>(t, 'filings', MAX_PULL_CHANGES, (filings) => {
    const at = t.now().toISOString();
    const insert = t.db.prepare(
      `INSERT INTO filings (id, provisional_no, official_no, court_id, court_code, type_code, status, applicant_key, submitted_at, accepted_at, record_json, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'accepted', ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
    const stored: string[] = [];
    for (const c of filings) {
      const f = filingRecordSchema.safeParse(c.filing);
      if (!f.success) {
        t.log.warn('counter.filing.unreadable', { officialNo: c.officialNo });
        continue;
      }
      const r = f.data;
      if (insert.run(r.id, r.provisionalNo, c.officialNo, r.courtId, r.courtCode, r.typeCode, t.applicantKey(r.applicant.idNumber), r.submittedAt, c.acceptedAt, JSON.stringify(r), at).changes > 0) stored.push(r.id);
    }
    // Records that came before their filing are shown now.
    applyWaiting(t.db, at);
    return stored;
  });
}

/** Records written at the court's other terminals (this terminal's own come back as no-ops). */
export function pullRecords(t: RecordSyncTarget): Promise<LegOutcome> {
  return pullPages<StoredClerkRecord>(t, 'records', MAX_CLERK_RECORDS_PULL, (records) => {
    const valid: ClerkRecord[] = [];
    for (const s of records) {
      const r = clerkRecordSchema.safeParse(s.record);
      if (r.success && r.data.court === t.court) valid.push(r.data);
      else t.log.warn('counter.record.unreadable', { seq: s.seq });
    }
    // Own records come back too: only a page that brought something new changes a view.
    return receiveClerkRecords(t.db, valid, t.now().toISOString()) > 0 ? valid.map((r) => r.filingId) : [];
  });
}
