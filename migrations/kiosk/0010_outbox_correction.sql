-- Kiosk database, version 10: the outbox also carries corrections of returned filings
-- ('filing.correct', issue 12 item 6). SQLite cannot alter a CHECK, so the table is rebuilt;
-- the AUTOINCREMENT high-water mark is carried over, so no mutation id is ever handed out twice.
CREATE TABLE outbox_v10 (
  mutation_id INTEGER PRIMARY KEY AUTOINCREMENT,
  filing_id   TEXT NOT NULL REFERENCES filings (id),
  kind        TEXT NOT NULL CHECK (kind IN ('filing.create', 'filing.correct')),
  body_json   TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  attempts    INTEGER NOT NULL DEFAULT 0,
  last_error  TEXT,
  done_at     TEXT
) STRICT;

INSERT INTO outbox_v10 (mutation_id, filing_id, kind, body_json, created_at, attempts, last_error, done_at)
  SELECT mutation_id, filing_id, kind, body_json, created_at, attempts, last_error, done_at FROM outbox;
-- The copy made a sequence row at the highest copied id; raise it to the old table's mark.
INSERT INTO sqlite_sequence (name, seq) SELECT 'outbox_v10', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'outbox_v10');
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0)) WHERE name = 'outbox_v10';
DROP TABLE outbox;
ALTER TABLE outbox_v10 RENAME TO outbox;

CREATE INDEX outbox_pending ON outbox (mutation_id) WHERE done_at IS NULL;
CREATE INDEX outbox_filing ON outbox (filing_id);
