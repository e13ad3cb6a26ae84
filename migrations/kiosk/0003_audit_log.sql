-- Kiosk database, version 3: the audit log. Each entry carries the hash of the one before,
-- so editing or deleting a past row breaks the chain (`yzt audit verify` finds where).

CREATE TABLE audit_log (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  at         TEXT NOT NULL,              -- ISO-8601
  actor      TEXT NOT NULL,              -- 'applicant-session', 'clerk:<account>', 'admin:<account>', 'system'
  action     TEXT NOT NULL,              -- stable dotted name, e.g. 'filing.submitted'
  subject    TEXT,                       -- an id (filing id, device id), never personal data
  details    TEXT NOT NULL DEFAULT '{}', -- JSON, no personal data
  prev_hash  TEXT NOT NULL,
  hash       TEXT NOT NULL UNIQUE
) STRICT;

-- Past entries are immutable; a trigger refuses edits so only tampering outside the app
-- (editing the file) can change them, and the hash chain catches that.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit log entries cannot be changed');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit log entries cannot be deleted');
END;
