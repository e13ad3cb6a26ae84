-- Kiosk database, version 5: the counter console. Clerk accounts, the counter's work on each
-- filing (verification, first reception, triage, return, 执前督), and the clerk actions
-- waiting to reach the central's case API.

-- Local clerk accounts. password_hash is scrypt with its parameters and salt in the string.
CREATE TABLE counter_users (
  account       TEXT PRIMARY KEY,
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('reception', 'leader', 'admin')),
  password_hash TEXT NOT NULL,
  failed_count  INTEGER NOT NULL DEFAULT 0,
  locked_until  TEXT,
  disabled      INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT NOT NULL
) STRICT;

-- One row per filing the counter has touched.
CREATE TABLE counter_cases (
  filing_id             TEXT PRIMARY KEY REFERENCES filings (id),
  stage                 TEXT NOT NULL CHECK (stage IN ('new', 'verifying', 'received', 'triaged', 'returned', 'done')),
  no_reception_reason   TEXT,                 -- seed 003 ch.3 §1(一)2
  triage_team           TEXT,
  triage_decision       TEXT CHECK (triage_decision IN ('accept', 'override')),
  triage_suggested_team TEXT,
  triage_rule           TEXT,
  triage_reason         TEXT,
  triage_by             TEXT,
  triage_at             TEXT,
  conversion_json       TEXT,                 -- simple -> ordinary (seed 002 art. 17)
  return_reasons_json   TEXT,
  pre_json              TEXT,                 -- 执前督 hand-over and limit (seed 001 art. 25)
  done_by               TEXT,
  done_at               TEXT,
  updated_at            TEXT NOT NULL
) STRICT;

-- Verification of the filing data (seed 002 art. 7(一)); a correction keeps the original.
CREATE TABLE counter_verifications (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  filing_id       TEXT NOT NULL REFERENCES filings (id),
  field           TEXT NOT NULL,
  verdict         TEXT NOT NULL CHECK (verdict IN ('verified', 'corrected')),
  original_value  TEXT NOT NULL,
  corrected_value TEXT,
  reason          TEXT,
  clerk           TEXT NOT NULL,
  at              TEXT NOT NULL,
  CHECK (verdict = 'verified' OR (corrected_value IS NOT NULL AND reason IS NOT NULL))
) STRICT;
CREATE INDEX counter_verifications_filing ON counter_verifications (filing_id, id);

-- First reception record (初次接待笔录, seed 002 art. 6, seed 003 ch.3 §1(一)3) and its signed scan.
CREATE TABLE counter_receptions (
  filing_id           TEXT PRIMARY KEY REFERENCES filings (id),
  at                  TEXT NOT NULL,
  interviewer         TEXT NOT NULL,
  recorder            TEXT NOT NULL,
  interviewee         TEXT NOT NULL,
  place               TEXT NOT NULL,
  service_address     TEXT NOT NULL,
  contact             TEXT NOT NULL,
  filing_data         TEXT NOT NULL,
  respondent_property TEXT NOT NULL,
  termination_view    TEXT NOT NULL,
  notes               TEXT NOT NULL,
  clerk               TEXT NOT NULL,
  saved_at            TEXT NOT NULL,
  printed_at          TEXT,
  scan_mime           TEXT,
  scan_bytes          BLOB,
  scan_sha256         TEXT,
  scan_at             TEXT
) STRICT;
CREATE INDEX counter_receptions_at ON counter_receptions (at);

-- Clerk actions for the central's case API (accept, return, triage, ...), sent in order.
CREATE TABLE counter_outbox (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  filing_id   TEXT NOT NULL,
  action_json TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  attempts    INTEGER NOT NULL DEFAULT 0,
  last_error  TEXT,
  done_at     TEXT
) STRICT;
CREATE INDEX counter_outbox_pending ON counter_outbox (id) WHERE done_at IS NULL;

-- Court-editable notice templates (受理通知书, 执行通知书, 报告财产令); built-ins when absent.
CREATE TABLE counter_templates (
  kind       TEXT PRIMARY KEY,
  body       TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
