-- The case file's page images (the same table as SQLite central version 5).
CREATE TABLE documents (
  id          TEXT PRIMARY KEY,
  filing_id   TEXT NOT NULL,
  court_code  TEXT NOT NULL,
  kind        TEXT NOT NULL,
  mime        TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  bytes       INTEGER NOT NULL,
  data        BYTEA NOT NULL,
  uploaded_by TEXT NOT NULL,
  uploaded_at TEXT NOT NULL
);
CREATE INDEX documents_filing ON documents (filing_id);
