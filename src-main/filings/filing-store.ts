/**
 * The kiosk's filings and their outbox. Every write that changes a filing's state commits in
 * one synchronous transaction with the outbox row that carries it to the central.
 */
import type { Db } from '../db/open.js';
import type { FilingRecord, FilingStatus, FilingView } from '../../src-shared/domain/filing.js';
import { maskPersonName } from '../../src-shared/domain/masking.js';
import { nextProvisionalNumber } from './provisional-number.js';
import { chinaDate } from '../../src-shared/time/china-time.js';

interface FilingRow {
  id: string;
  provisional_no: string;
  official_no: string | null;
  status: FilingStatus;
  status_reason_zh: string | null;
  submitted_at: string;
  accepted_at: string | null;
  record_json: string;
}

function untilPaidOf(record: FilingRecord): NonNullable<FilingView['interestUntilPaid']> | null {
  const i = (record.facts as { interest?: { untilPaid?: boolean; from?: string; ratePercent?: string; countedTo?: string } } | undefined)?.interest;
  return i?.untilPaid && i.from && i.ratePercent && i.countedTo ? { from: i.from, ratePercent: i.ratePercent, countedTo: i.countedTo } : null;
}

export function toView(row: FilingRow, now: Date = new Date()): FilingView {
  const record = JSON.parse(row.record_json) as FilingRecord;
  const today = chinaDate(now);
  // A 执前督's published state replaces the deadlines of its filing: the ones that run now.
  const pre = record.preEnforcement;
  const next = (pre ? pre.deadlines : (record.deadlines ?? [])).filter((d) => d.dueDate >= today).sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0];
  return {
    id: row.id,
    provisionalNo: row.provisional_no,
    officialNo: row.official_no,
    status: row.status,
    statusReason_zh: row.status_reason_zh,
    submittedAt: row.submitted_at,
    acceptedAt: row.accepted_at,
    applicantNameMasked: maskPersonName(record.applicant.name),
    respondentNames: record.respondents.map((r) => (r.kind === 'person' ? maskPersonName(r.name) : r.name)),
    basisNumber: record.basisNumber,
    amountFen: record.amountFen,
    typeCode: record.typeCode,
    interestUntilPaid: untilPaidOf(record),
    ...(pre ? { preEnforcement: pre } : {}),
    nextDeadline: next ? { label_zh: next.label_zh, label_en: next.label_en, dueDate: next.dueDate, calendarConfirmed: next.calendarConfirmed !== false } : null,
  };
}

const SELECT_VIEW = 'SELECT id, provisional_no, official_no, status, status_reason_zh, submitted_at, accepted_at, record_json FROM filings';

/** Stores a new filing and its outbox row atomically; the provisional number is drawn inside. */
export function insertFiling(
  db: Db,
  record: Omit<FilingRecord, 'provisionalNo'>,
  opts: { deviceId: string; applicantKey: string; now: Date; within?: (filingId: string) => void },
): FilingView {
  return db.transaction(() => {
    const provisionalNo = nextProvisionalNumber(db, opts.deviceId, opts.now);
    const full: FilingRecord = { ...record, provisionalNo };
    const json = JSON.stringify(full);
    const at = opts.now.toISOString();
    db.prepare(
      `INSERT INTO filings (id, provisional_no, court_id, court_code, type_code, status, applicant_key, submitted_at, record_json, updated_at)
       VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)`,
    ).run(full.id, provisionalNo, full.courtId, full.courtCode, full.typeCode, opts.applicantKey, full.submittedAt, json, at);
    db.prepare(`INSERT INTO outbox (filing_id, kind, body_json, created_at) VALUES (?, 'filing.create', ?, ?)`).run(full.id, json, at);
    opts.within?.(full.id);
    return getFilingView(db, full.id)!;
  }).immediate();
}

export function getFilingView(db: Db, id: string): FilingView | undefined {
  const row = db.prepare(`${SELECT_VIEW} WHERE id = ?`).get(id) as FilingRow | undefined;
  return row && toView(row);
}

/** Finds a filing by its official number or by its provisional alias. */
export function findFilingByNumber(db: Db, number: string): FilingView | undefined {
  const row = db.prepare(`${SELECT_VIEW} WHERE official_no = ? OR provisional_no = ?`).get(number, number) as FilingRow | undefined;
  return row && toView(row);
}

/** Filings shown per page of the status query: an agent or a company may have filed hundreds. */
export const MINE_PAGE = 20;

export interface FilingPage {
  items: FilingView[];
  /** Pass as `before` for the next (older) page; null on the last one. */
  next: string | null;
}

const CURSOR = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)~([0-9a-f-]{36})$/;

/**
 * The applicant's filings, newest first, a page at a time: read through the
 * (applicant_key, submitted_at, id) index, so a page costs the same at 10 filings or 10,000.
 */
export function listFilingsByApplicant(db: Db, applicantKey: string, o: { before?: string | undefined; limit?: number } = {}): FilingPage {
  const limit = o.limit ?? MINE_PAGE;
  const cursor = o.before ? CURSOR.exec(o.before) : null;
  const rows = (
    cursor
      ? db.prepare(`${SELECT_VIEW} WHERE applicant_key = ? AND (submitted_at, id) < (?, ?) ORDER BY submitted_at DESC, id DESC LIMIT ?`).all(applicantKey, cursor[1], cursor[2], limit + 1)
      : db.prepare(`${SELECT_VIEW} WHERE applicant_key = ? ORDER BY submitted_at DESC, id DESC LIMIT ?`).all(applicantKey, limit + 1)
  ) as FilingRow[];
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map((r) => toView(r)), next: rows.length > limit && last ? `${last.submitted_at}~${last.id}` : null };
}

/** One filing, only if it is this applicant's. */
export function applicantFiling(db: Db, applicantKey: string, id: string): FilingView | undefined {
  const row = db.prepare(`${SELECT_VIEW} WHERE id = ? AND applicant_key = ?`).get(id, applicantKey) as FilingRow | undefined;
  return row && toView(row);
}
