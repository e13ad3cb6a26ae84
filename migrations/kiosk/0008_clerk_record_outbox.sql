-- Kiosk database, version 8: the counter clerks' records shared with the court's other
-- terminals through the central. Every clerk action is an append-only fact keyed by a UUID
-- made where it was done; the counter tables (counter_cases, counter_verifications,
-- counter_receptions) are the view, where the latest record per field wins.

CREATE TABLE clerk_records (
  id          TEXT PRIMARY KEY,                -- UUID made by the terminal that wrote it
  filing_id   TEXT NOT NULL,
  kind        TEXT NOT NULL,
  created_at  TEXT NOT NULL,                   -- the writing terminal's clock
  origin      TEXT NOT NULL CHECK (origin IN ('local', 'central')),
  record_json TEXT NOT NULL,                   -- personal data, as in filings
  applied_at  TEXT                             -- in the view; NULL while its filing is not here yet
) STRICT;
CREATE INDEX clerk_records_latest ON clerk_records (filing_id, kind, created_at);
CREATE INDEX clerk_records_unapplied ON clerk_records (created_at) WHERE applied_at IS NULL;

-- This terminal's records waiting for the central, written in the same transaction as the record.
CREATE TABLE clerk_record_outbox (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  record_id  TEXT NOT NULL UNIQUE REFERENCES clerk_records (id),
  attempts   INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  sent_at    TEXT
) STRICT;
CREATE INDEX clerk_record_outbox_pending ON clerk_record_outbox (seq) WHERE sent_at IS NULL;

-- Pull cursors of the counter's court sync (records and filings from the central).
CREATE TABLE counter_cursors (
  name  TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) STRICT;

-- A verification row points at its record, so a record is never shown twice.
ALTER TABLE counter_verifications ADD COLUMN record_id TEXT;
CREATE UNIQUE INDEX counter_verifications_record ON counter_verifications (record_id) WHERE record_id IS NOT NULL;
