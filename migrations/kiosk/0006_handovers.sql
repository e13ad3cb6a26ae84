-- Kiosk database, version 6: unfinished applications handed to the counter. The applicant
-- takes away a code; the body (draft and card record) is AES-256-GCM under a key derived from
-- that code and the kiosk secret, so the database alone cannot open it. code_hash is a keyed
-- hash of the code: it finds the row but does not reveal the code.
CREATE TABLE handovers (
  code_hash  TEXT PRIMARY KEY,
  iv         BLOB NOT NULL CHECK (length(iv) = 12),
  tag        BLOB NOT NULL CHECK (length(tag) = 16),
  body       BLOB NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX handovers_expires ON handovers (expires_at);
