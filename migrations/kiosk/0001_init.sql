-- Kiosk database, version 1: settings, filings with their outbox, provisional numbering.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- One row per filing. record_json holds the full filing as pushed to the central
-- (personal data included); the columns beside it are what lists and queries need.
CREATE TABLE filings (
  id               TEXT PRIMARY KEY,            -- UUID chosen by the kiosk
  provisional_no   TEXT NOT NULL UNIQUE,        -- printed on the receipt, kept forever as an alias
  official_no      TEXT UNIQUE,                 -- assigned by the central gateway only
  court_id         TEXT NOT NULL,
  court_code       TEXT NOT NULL,
  type_code        TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected')),
  status_reason_zh TEXT,
  applicant_key    TEXT NOT NULL,               -- keyed hash of the applicant's ID number, for "my filings"
  submitted_at     TEXT NOT NULL,               -- kiosk clock, ISO-8601
  accepted_at      TEXT,                        -- central clock, ISO-8601
  record_json      TEXT NOT NULL,
  updated_at       TEXT NOT NULL
) STRICT;

CREATE INDEX filings_applicant ON filings (applicant_key, submitted_at);
CREATE INDEX filings_status ON filings (status);

-- Mutations waiting for the central gateway. AUTOINCREMENT: a mutation id is never reused,
-- even after rows are deleted, because the central keys idempotency on (device, mutation id).
CREATE TABLE outbox (
  mutation_id INTEGER PRIMARY KEY AUTOINCREMENT,
  filing_id   TEXT NOT NULL REFERENCES filings (id),
  kind        TEXT NOT NULL CHECK (kind IN ('filing.create')),
  body_json   TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  attempts    INTEGER NOT NULL DEFAULT 0,
  last_error  TEXT,
  done_at     TEXT
) STRICT;

CREATE INDEX outbox_pending ON outbox (mutation_id) WHERE done_at IS NULL;

-- Provisional numbers count per kiosk day.
CREATE TABLE daily_counters (
  day  TEXT PRIMARY KEY,                          -- YYYYMMDD, kiosk local date
  last INTEGER NOT NULL
) STRICT;
