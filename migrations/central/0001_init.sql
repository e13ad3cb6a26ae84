-- Central gateway database, version 1: devices, cases with official numbers, sequences,
-- and the idempotency record of every mutation a device pushed.

CREATE TABLE devices (
  device_id    TEXT PRIMARY KEY,
  court_code   TEXT NOT NULL,
  first_seen_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
) STRICT;

-- One gapless sequence per (court, type code, year): the row is read and bumped in the same
-- transaction that inserts the case, so a number is never skipped or given twice.
CREATE TABLE sequences (
  court_code TEXT NOT NULL,
  type_code  TEXT NOT NULL,
  year       INTEGER NOT NULL,
  last_seq   INTEGER NOT NULL,
  PRIMARY KEY (court_code, type_code, year)
) STRICT;

CREATE TABLE cases (
  id           INTEGER PRIMARY KEY,
  filing_id    TEXT NOT NULL UNIQUE,
  device_id    TEXT NOT NULL,
  mutation_id  INTEGER NOT NULL,
  provisional_no TEXT NOT NULL,
  court_code   TEXT NOT NULL,
  type_code    TEXT NOT NULL,
  year         INTEGER NOT NULL,
  seq          INTEGER NOT NULL,
  official_no  TEXT NOT NULL UNIQUE,
  status       TEXT NOT NULL,
  submitted_at TEXT NOT NULL,                    -- kiosk clock
  accepted_at  TEXT NOT NULL,                    -- central clock
  record_json  TEXT NOT NULL,
  UNIQUE (court_code, type_code, year, seq)
) STRICT;

CREATE TABLE mutations (
  device_id   TEXT NOT NULL,
  mutation_id INTEGER NOT NULL,
  result_json TEXT NOT NULL,
  received_at TEXT NOT NULL,
  PRIMARY KEY (device_id, mutation_id)
) STRICT;
