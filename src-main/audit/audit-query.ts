/**
 * Reading the audit log in admin mode (issue 14 item 8): filtered by a China-time date range,
 * actor, action and case, newest first, a page at a time. The log holds ids and codes by design;
 * whatever looks like a person's data in an entry's details (an ID number, a phone, a bank
 * account, a name or address field) is masked before it is shown, as the screen faces the lobby.
 */
import type { Db } from '../db/open.js';
import { addDays } from '../../src-shared/calendar/work-calendar.js';
import { chinaDateTimeSeconds } from '../../src-shared/time/china-time.js';
import { maskIdNumber, maskPersonName, maskTail } from '../../src-shared/domain/masking.js';
import type { AuditRowView } from '../../src-shared/counter/account-contract.js';

export interface AuditFilter {
  from?: string | undefined;
  to?: string | undefined;
  actor: string;
  action: string;
  caseNo: string;
  page: number;
  pageSize: number;
}

const PERSONAL_KEYS = /name|address|phone|idnumber|account_?no|bank|contact|applicant|respondent/i;

/** Masks people's data in a details value, recursively; ids, codes, counts and hashes stay. */
export function maskDetails(v: unknown, key = ''): unknown {
  if (typeof v === 'string') {
    if (PERSONAL_KEYS.test(key)) return /^\d[\d\s]{6,}$/.test(v) ? maskTail(v) : maskPersonName(v);
    return v
      .replace(/\b\d{17}[\dXx]\b/g, (m) => maskIdNumber(m))
      // Not inside a hex id, a uuid or a hash, which are ids, not people's data.
      .replace(/(?<![0-9a-fA-F-])1[3-9]\d{9}(?![0-9a-fA-F-])/g, (m) => maskTail(m))
      .replace(/(?<![0-9a-fA-F-])\d{12,19}(?![0-9a-fA-F-])/g, (m) => maskTail(m));
  }
  if (Array.isArray(v)) return v.map((x) => maskDetails(x, key));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, maskDetails(x, k)]));
  return v;
}


export function queryAudit(db: Db, f: AuditFilter): { rows: AuditRowView[]; total: number; page: number; pageSize: number } {
  const where: string[] = [];
  const args: unknown[] = [];
  // China dates to instants: a day starts at 00:00 in Beijing, whatever the machine's zone.
  if (f.from) {
    where.push('a.at >= ?');
    args.push(new Date(`${f.from}T00:00:00+08:00`).toISOString());
  }
  if (f.to) {
    where.push('a.at < ?');
    args.push(new Date(`${addDays(f.to, 1)}T00:00:00+08:00`).toISOString());
  }
  if (f.actor) {
    where.push("a.actor LIKE ? ESCAPE '\\'");
    args.push(`%${like(f.actor)}%`);
  }
  if (f.action) {
    where.push("a.action LIKE ? ESCAPE '\\'");
    args.push(`${like(f.action)}%`);
  }
  if (f.caseNo) {
    // By the number a clerk sees (official or provisional, as typed or canonical) or the filing id.
    where.push('(a.subject = ? OR a.subject IN (SELECT id FROM filings WHERE official_no = ? OR provisional_no = ?))');
    args.push(f.caseNo, f.caseNo, f.caseNo);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_log a ${clause}`).get(...args) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT a.seq, a.at, a.actor, a.action, a.subject, a.details, f.official_no, f.provisional_no
       FROM audit_log a LEFT JOIN filings f ON f.id = a.subject ${clause} ORDER BY a.seq DESC LIMIT ? OFFSET ?`,
    )
    .all(...args, f.pageSize, (f.page - 1) * f.pageSize) as Array<{ seq: number; at: string; actor: string; action: string; subject: string | null; details: string; official_no: string | null; provisional_no: string | null }>;
  return {
    total,
    page: f.page,
    pageSize: f.pageSize,
    rows: rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      atChina: chinaDateTimeSeconds(new Date(r.at)),
      actor: r.actor,
      action: r.action,
      subject: r.subject,
      caseNumber: r.official_no ?? r.provisional_no ?? null,
      details: JSON.stringify(maskDetails(safeJson(r.details))),
    })),
  };
}

function like(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return {};
  }
}
