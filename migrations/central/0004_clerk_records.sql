-- Central gateway database, version 4: counter clerks' records (verification, first
-- reception, reasons, conversions, 执前督), shared by the court's counter terminals, and
-- court-scoped API tokens so one court's terminals cannot read or write another's records.

-- Append-only facts keyed by the UUID the terminal made (a resend is stored once). `seq` is
-- the court's pull cursor, bumped on a row that stays locked until commit (as case versions).
CREATE TABLE clerk_records (
  court_code  TEXT NOT NULL,
  seq         INTEGER NOT NULL,
  id          TEXT NOT NULL UNIQUE,
  filing_id   TEXT NOT NULL,
  kind        TEXT NOT NULL,
  created_at  TEXT NOT NULL,                 -- terminal clock
  received_at TEXT NOT NULL,                 -- central clock
  record_json TEXT NOT NULL,                 -- personal data: never logged
  PRIMARY KEY (court_code, seq)
) STRICT;
CREATE INDEX clerk_records_filing ON clerk_records (filing_id);

CREATE TABLE clerk_record_seqs (
  court_code TEXT PRIMARY KEY,
  last_seq   INTEGER NOT NULL
) STRICT;

-- Bearer tokens for one court's counter terminals; only the SHA-256 is kept.
CREATE TABLE court_tokens (
  token_hash TEXT PRIMARY KEY,
  court_id   TEXT NOT NULL,
  court_code TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
) STRICT;
