/**
 * The counter's work queue: filings of this court from the local database, plus cases the
 * central's status feed reports from other kiosks. Each row carries the 5-working-day limit of
 * seed 002 art. 7 (verification, reception, triage). Search by number, by name, or by ID
 * number through the keyed hash the filing store keeps: no plaintext ID index exists.
 */
import type { Db } from '../db/open.js';
import type { CounterStage, QueueRow } from '../../src-shared/counter/contract.js';
import type { FilingRecord } from '../../src-shared/domain/filing.js';
import { addWorkingDays, chinaDate, covers, type WorkCalendar } from '../../src-shared/calendar/work-calendar.js';
import { parseCaseNumber } from '../../src-shared/casenum/case-number.js';

/** Seed 002 art. 7: items (一)-(五) within five working days of filing. */
export const COUNTER_WORKING_DAYS = 5;
const FINISHED: readonly CounterStage[] = ['triaged', 'done', 'returned'];

export interface QueueDeps {
  db: Db;
  calendar: WorkCalendar;
  now: () => Date;
  applicantKey: (idNumber: string) => string;
}

interface Row {
  id: string;
  provisional_no: string;
  official_no: string | null;
  submitted_at: string;
  type_code: string;
  applicant_key: string;
  record_json: string;
  stage: CounterStage | null;
  central_status: string | null;
}

export interface LoadedFiling {
  row: QueueRow;
  record: FilingRecord;
  applicantKey: string;
}

const SELECT = `SELECT f.id, f.provisional_no, f.official_no, f.submitted_at, f.type_code, f.applicant_key, f.record_json, c.stage, s.status AS central_status
  FROM filings f LEFT JOIN counter_cases c ON c.filing_id = f.id LEFT JOIN case_status s ON s.filing_id = f.id`;

export function dueDateOf(submittedAt: string, cal: WorkCalendar): string {
  return addWorkingDays(chinaDate(new Date(submittedAt)), COUNTER_WORKING_DAYS, cal);
}

/** The type code of an official number, read by the one case-number parser. */
function typeCodeOf(officialNo: string): string {
  const r = parseCaseNumber(officialNo);
  return r.ok ? r.value.typeCode : '';
}

/** Whether the calendar holds a notice for both ends of the counter's period. */
function dueConfirmed(submittedAt: string, dueDate: string, cal: WorkCalendar): boolean {
  return covers(cal, chinaDate(new Date(submittedAt))) && covers(cal, dueDate);
}

function toRow(r: Row, d: QueueDeps): LoadedFiling {
  const record = JSON.parse(r.record_json) as FilingRecord;
  const stage = r.stage ?? 'new';
  const dueDate = dueDateOf(r.submitted_at, d.calendar);
  const party = record.filer === 'agent' ? record.principal : record.filer === 'company' ? record.company : undefined;
  return {
    record,
    applicantKey: r.applicant_key,
    row: {
      filingId: r.id,
      provisionalNo: r.provisional_no,
      officialNo: r.official_no,
      submittedAt: r.submitted_at,
      applicantName: party?.name ?? record.applicant.name,
      respondentNames: record.respondents.map((x) => x.name),
      amountFen: record.amountFen,
      typeCode: r.type_code,
      stage,
      centralStatus: r.central_status,
      dueDate,
      dueDateConfirmed: dueConfirmed(r.submitted_at, dueDate, d.calendar),
      overdue: !FINISHED.includes(stage) && chinaDate(d.now()) > dueDate,
      source: 'local',
    },
  };
}

export function loadFiling(d: QueueDeps, filingId: string): LoadedFiling | undefined {
  const r = d.db.prepare(`${SELECT} WHERE f.id = ?`).get(filingId) as Row | undefined;
  return r && toRow(r, d);
}

const ID_LIKE = /^(\d{17}[\dXx]|\d{15}|[0-9A-HJ-NPQRTUWXY]{18})$/;

function matches(f: LoadedFiling, q: string, key: string | null): boolean {
  if (!q) return true;
  const { row, record } = f;
  if (key && f.applicantKey === key) return true;
  if (row.provisionalNo.includes(q) || (row.officialNo ?? '').includes(q)) return true;
  const people = [record.applicant, record.principal, record.company, ...record.respondents].filter((p): p is NonNullable<typeof p> => Boolean(p));
  // Respondents' and principals' numbers live only inside the record: compared in memory, never indexed.
  if (ID_LIKE.test(q) && people.some((p) => (p.idNumber ?? '').toUpperCase() === q.toUpperCase())) return true;
  return people.some((p) => p.name.includes(q));
}

export function listQueue(d: QueueDeps, query: string, filter: 'open' | 'today' | 'overdue' | 'returned' | 'done' | 'all'): QueueRow[] {
  const q = query.trim();
  const key = ID_LIKE.test(q) ? d.applicantKey(q) : null;
  const today = chinaDate(d.now());
  // The last 2,000 filings bound the in-memory search; older cases are found in the central.
  const local = (d.db.prepare(`${SELECT} ORDER BY f.submitted_at DESC LIMIT 2000`).all() as Row[]).map((r) => toRow(r, d)).filter((f) => matches(f, q, key)).map((f) => f.row);
  // Remote rows carry numbers only: a query without a digit (a name) cannot match them.
  const remote = q && !/\d/.test(q) ? [] : remoteRows(d, q);
  const keep = (r: QueueRow) => {
    switch (filter) {
      case 'open': return r.stage !== 'done' && r.centralStatus !== 'closed';
      case 'today': return chinaDate(new Date(r.submittedAt)) === today;
      case 'overdue': return r.overdue;
      case 'returned': return r.stage === 'returned' || r.centralStatus === 'returned';
      case 'done': return r.stage === 'done' || r.centralStatus === 'closed';
      case 'all': return true;
    }
  };
  return [...local, ...remote].filter(keep).sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.submittedAt.localeCompare(b.submittedAt));
}

/** Cases of this court filed at other kiosks, as the central's status feed reports them (numbers and status only). */
function remoteRows(d: QueueDeps, q: string): QueueRow[] {
  const rows = d.db
    .prepare(`SELECT s.filing_id, s.official_no, s.provisional_no, s.status, s.changed_at FROM case_status s LEFT JOIN filings f ON f.id = s.filing_id WHERE f.id IS NULL ORDER BY s.version DESC LIMIT 500`)
    .all() as Array<{ filing_id: string; official_no: string; provisional_no: string; status: string; changed_at: string }>;
  return rows
    .filter((r) => !q || r.official_no.includes(q) || r.provisional_no.includes(q))
    .map((r) => {
      const dueDate = dueDateOf(r.changed_at, d.calendar);
      return {
        filingId: r.filing_id,
        provisionalNo: r.provisional_no,
        officialNo: r.official_no,
        submittedAt: r.changed_at,
        applicantName: '',
        respondentNames: [],
        amountFen: 0,
        typeCode: typeCodeOf(r.official_no),
        stage: 'new' as const,
        centralStatus: r.status,
        dueDate,
        dueDateConfirmed: dueConfirmed(r.changed_at, dueDate, d.calendar),
        overdue: r.status === 'filed' && chinaDate(d.now()) > dueDate,
        source: 'central' as const,
      };
    });
}
