-- Case corrections (the same as SQLite central version 10): a counter clerk's correction of a verified item
-- (seed 002 art. 7(一)) changes the case record; the case keeps its corrected values (published
-- with its case changes) and every correction with the old value, the reason, the clerk and
-- the central's time. The official number is never touched.
ALTER TABLE cases ADD COLUMN corrected_json TEXT;

CREATE TABLE case_corrections (
  id              TEXT PRIMARY KEY,      -- the clerk's verification record id: a resend is applied once
  filing_id       TEXT NOT NULL,
  court_code      TEXT NOT NULL,
  field           TEXT NOT NULL,
  old_value       TEXT NOT NULL,
  new_value       TEXT NOT NULL,
  correction_json TEXT NOT NULL,         -- the typed value
  reason          TEXT NOT NULL,
  clerk           TEXT NOT NULL,
  terminal        TEXT NOT NULL,
  at              TEXT NOT NULL          -- central clock
);
CREATE INDEX case_corrections_filing ON case_corrections (filing_id, at);
