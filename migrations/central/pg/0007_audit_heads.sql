-- Each kiosk's audit chain head as last stored, and any rewind or fork seen (the same table as
-- SQLite central version 8).

CREATE TABLE audit_heads (
  device_id      TEXT PRIMARY KEY,
  entries        BIGINT NOT NULL,
  head           TEXT NOT NULL,
  at             TEXT NOT NULL,
  problem        TEXT CHECK (problem IN ('rewind', 'fork')),
  problem_at     TEXT,
  problem_detail TEXT
);
