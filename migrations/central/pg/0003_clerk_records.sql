-- Counter clerks' records and court-scoped API tokens (the same tables as SQLite central version 4).

CREATE TABLE clerk_records (
  court_code  TEXT NOT NULL,
  seq         BIGINT NOT NULL,
  id          TEXT NOT NULL UNIQUE,
  filing_id   TEXT NOT NULL,
  kind        TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  received_at TEXT NOT NULL,
  record_json TEXT NOT NULL,
  PRIMARY KEY (court_code, seq)
);
CREATE INDEX clerk_records_filing ON clerk_records (filing_id);

-- Locked by the transaction that stores a record until it commits, so seqs become visible in order.
CREATE TABLE clerk_record_seqs (
  court_code TEXT PRIMARY KEY,
  last_seq   BIGINT NOT NULL
);

CREATE TABLE court_tokens (
  token_hash TEXT PRIMARY KEY,
  court_id   TEXT NOT NULL,
  court_code TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
