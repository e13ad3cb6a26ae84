-- Central gateway database, version 8: each kiosk's audit chain head as last stored, compared
-- with every heartbeat, so a kiosk whose audit log was cut short, rolled back to an older copy
-- or rewritten (a fork) is reported (`yzt central kiosks`, GET /v1/court/kiosks). A problem
-- stays until the court clears it; the head moves on to the kiosk's new one so later beats
-- are compared again.

CREATE TABLE audit_heads (
  device_id      TEXT PRIMARY KEY,
  entries        INTEGER NOT NULL,
  head           TEXT NOT NULL,
  at             TEXT NOT NULL,   -- central clock, last time the head was stored
  problem        TEXT CHECK (problem IN ('rewind', 'fork')),
  problem_at     TEXT,
  problem_detail TEXT
) STRICT;
