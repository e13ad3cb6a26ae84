/**
 * The counter's work queue: filings of this court from the local database, plus cases the
 * central's status feed reports from other kiosks. Each row carries the counter node the case
 * waits on, from the court profile (counter-deadlines.ts: 武陟 reception at once, 商丘 five
 * working days …), or none where the court sets none. Search by number, by name, or by ID
 * number through the keyed hash the filing store keeps: no plaintext ID index exists.
 */
import type { Db } from '../db/open.js';
import type { CounterStage, QueueRow } from '../../src-shared/counter/contract.js';
import type { FilingRecord } from '../../src-shared/domain/filing.js';
import { chinaDate, type WorkCalendar } from '../../src-shared/calendar/work-calendar.js';
import { parseCaseNumber } from '../../src-shared/casenum/case-number.js';
import type { CourtProfile } from '../../src-shared/courts/court-profile.js';
import { counterDeadlines, queueNode, shortestCounterDays } from '../../src-shared/counter/counter-deadlines.js';

const FINISHED: readonly CounterStage[] = ['triaged', 'done', 'returned'];

export interface QueueDeps {
  db: Db;
  court: CourtProfile;
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

/** The counter node a case filed at `submittedAt` and now at `stage` waits on, with whether the calendar confirms it. */
export function dueOf(d: Pick<QueueDeps, 'court' | 'calendar'>, submittedAt: string, stage: string): { dueDate: string | null; dueDateConfirmed: boolean; dueTask: string | null } {
  const node = queueNode(counterDeadlines(d.court, new Date(submittedAt), d.calendar), stage);
  return node ? { dueDate: node.dueDate, dueDateConfirmed: node.calendarConfirmed, dueTask: node.task } : { dueDate: null, dueDateConfirmed: true, dueTask: null };
}

/** The type code of an official number, read by the one case-number parser. */
function typeCodeOf(officialNo: string): string {
  const r = parseCaseNumber(officialNo);
  return r.ok ? r.value.typeCode : '';
}

function toRow(r: Row, d: QueueDeps): LoadedFiling {
  const record = JSON.parse(r.record_json) as FilingRecord;
  const stage = r.stage ?? 'new';
  const due = dueOf(d, r.submitted_at, stage);
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
      ...due,
      overdue: !FINISHED.includes(stage) && due.dueDate !== null && chinaDate(d.now()) > due.dueDate,
      source: 'local',
    },
  };
}

export function loadFiling(d: QueueDeps, filingId: string): LoadedFiling | undefined {
  const r = d.db.prepare(`${SELECT} WHERE f.id = ?`).get(filingId) as Row | undefined;
  return r && toRow(r, d);
}

const ID_LIKE = /^(\d{17}[\dXx]|\d{15}|[0-9A-HJ-NPQRTUWXY]{18})$/;


type QueueFilter = 'open' | 'today' | 'overdue' | 'returned' | 'done' | 'all';

/** Rows a queue shows at most: the newest that fit the filter. */
export const QUEUE_LIMIT = 200;
/** How far back a partial number or a name is looked for on this PC; older cases: the central. */
export const SEARCH_WINDOW = 5000;

// What a queue row needs, taken out of the record by SQLite (json_extract) so a listing never
// parses whole records in JS: at 2,000 records that alone was over 100 ms.
const LIST_FIELDS = `f.id, f.provisional_no, f.official_no, f.submitted_at, f.type_code, f.applicant_key,
  coalesce(CASE json_extract(f.record_json, '$.filer') WHEN 'agent' THEN json_extract(f.record_json, '$.principal.name')
    WHEN 'company' THEN json_extract(f.record_json, '$.company.name') END, json_extract(f.record_json, '$.applicant.name')) AS applicant_name,
  (SELECT json_group_array(json_extract(r.value, '$.name')) FROM json_each(f.record_json, '$.respondents') r) AS respondent_names,
  json_extract(f.record_json, '$.amountFen') AS amount_fen, c.stage, s.status AS central_status`;
const JOINS = 'LEFT JOIN counter_cases c ON c.filing_id = f.id LEFT JOIN case_status s ON s.filing_id = f.id';

interface ListRow {
  id: string;
  provisional_no: string;
  official_no: string | null;
  submitted_at: string;
  type_code: string;
  applicant_key: string;
  applicant_name: string | null;
  respondent_names: string;
  amount_fen: number | null;
  stage: CounterStage | null;
  central_status: string | null;
}

/** Each filter as a condition the (submitted_at) index can walk newest first. */
function filterSql(filter: QueueFilter): string {
  const open = "f.purged_at IS NULL AND coalesce(c.stage, 'new') <> 'done' AND coalesce(s.status, '') <> 'closed'";
  switch (filter) {
    case 'open': return open;
    case 'today': return 'f.submitted_at >= @todayStart';
    // A node of N working days is at least N calendar days: the exact due date is checked after.
    case 'overdue': return `${open} AND coalesce(c.stage, 'new') NOT IN ('triaged', 'returned') AND f.submitted_at < @shortestAgo`;
    case 'returned': return "(c.stage = 'returned' OR s.status = 'returned')";
    case 'done': return "(c.stage = 'done' OR s.status = 'closed')";
    case 'all': return '1';
  }
}

export function listQueue(d: QueueDeps, query: string, filter: QueueFilter): QueueRow[] {
  const q = query.trim();
  const now = d.now();
  const today = chinaDate(now);
  const params = {
    todayStart: new Date(`${today}T00:00:00+08:00`).toISOString(),
    shortestAgo: new Date(now.getTime() - shortestCounterDays(d.court) * 86_400_000).toISOString(),
    limit: QUEUE_LIMIT,
  };
  // Rows filed on the same day at the same stage share their due date: computed once.
  const dueByDay = new Map<string, ReturnType<typeof dueOf>>();
  const due = (submittedAt: string, stage: string) => {
    const key = `${chinaDate(new Date(submittedAt))}|${stage === 'verifying' ? 'new' : stage}|${submittedAt.slice(11, 13)}`;
    let v = dueByDay.get(key);
    if (!v) dueByDay.set(key, (v = dueOf(d, submittedAt, stage)));
    return v;
  };
  const rows = q ? searchRows(d, q, filter, params) : (d.db.prepare(`SELECT ${LIST_FIELDS} FROM filings f ${JOINS} WHERE ${filterSql(filter)} ORDER BY f.submitted_at DESC LIMIT @limit`).all(params) as ListRow[]);
  const local = rows.map((r) => listRow(r, due(r.submitted_at, r.stage ?? 'new'), today));
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

function listRow(r: ListRow, due: ReturnType<typeof dueOf>, today: string): QueueRow {
  const stage = r.stage ?? 'new';
  return {
    filingId: r.id,
    provisionalNo: r.provisional_no,
    officialNo: r.official_no,
    submittedAt: r.submitted_at,
    applicantName: r.applicant_name ?? '',
    respondentNames: (JSON.parse(r.respondent_names) as Array<string | null>).map((n) => n ?? ''),
    amountFen: r.amount_fen ?? 0,
    typeCode: r.type_code,
    stage,
    centralStatus: r.central_status,
    ...due,
    overdue: !FINISHED.includes(stage) && due.dueDate !== null && today > due.dueDate,
    source: 'local',
  };
}

/**
 * A search: exact numbers and the applicant's ID number through their indexes, whatever the
 * age of the case; a partial number, a name or a respondent's ID number among the newest
 * SEARCH_WINDOW filings (SQLite's instr narrows, the record decides: names only, not addresses).
 */
function searchRows(d: QueueDeps, q: string, filter: QueueFilter, params: Record<string, unknown>): ListRow[] {
  const key = ID_LIKE.test(q) ? d.applicantKey(q) : null;
  const sql = `SELECT ${LIST_FIELDS}, f.record_json FROM filings f ${JOINS}
    WHERE (${filterSql(filter)}) AND (
      f.id IN (SELECT id FROM filings WHERE provisional_no = @q UNION SELECT id FROM filings WHERE official_no = @q UNION SELECT id FROM filings WHERE applicant_key = @key)
      OR (f.id IN (SELECT id FROM filings ORDER BY submitted_at DESC LIMIT @window)
          AND (instr(f.provisional_no, @q) > 0 OR instr(coalesce(f.official_no, ''), @q) > 0 OR instr(upper(f.record_json), upper(@q)) > 0)))
    ORDER BY f.submitted_at DESC LIMIT @limit`;
  const found = d.db.prepare(sql).all({ ...params, q, key: key ?? '', window: SEARCH_WINDOW }) as Array<ListRow & { record_json: string }>;
  return found.filter((r) => r.applicant_key === key || r.provisional_no.includes(q) || (r.official_no ?? '').includes(q) || partyMatches(JSON.parse(r.record_json) as FilingRecord, q));
}

function partyMatches(record: FilingRecord, q: string): boolean {
  const people = [record.applicant, record.principal, record.company, ...record.respondents].filter((p): p is NonNullable<typeof p> => Boolean(p));
  // Respondents' and principals' numbers live only inside the record: compared here, never indexed.
  if (ID_LIKE.test(q) && people.some((p) => (p.idNumber ?? '').toUpperCase() === q.toUpperCase())) return true;
  return people.some((p) => p.name.includes(q));
}

/** Cases of this court filed at other kiosks, as the central's status feed reports them (numbers and status only). */
function remoteRows(d: QueueDeps, q: string): QueueRow[] {
  const rows = d.db
    .prepare(`SELECT s.filing_id, s.official_no, s.provisional_no, s.status, s.changed_at FROM case_status s LEFT JOIN filings f ON f.id = s.filing_id WHERE f.id IS NULL ORDER BY s.version DESC LIMIT 500`)
    .all() as Array<{ filing_id: string; official_no: string; provisional_no: string; status: string; changed_at: string }>;
  return rows
    .filter((r) => !q || r.official_no.includes(q) || r.provisional_no.includes(q))
    .map((r) => {
      const due = dueOf(d, r.changed_at, 'new');
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
        ...due,
        overdue: r.status === 'filed' && due.dueDate !== null && chinaDate(d.now()) > due.dueDate,
        source: 'central' as const,
      };
    });
}
