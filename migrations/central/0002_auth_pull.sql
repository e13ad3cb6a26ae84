-- Central gateway database, version 2: device enrolment and credentials, the case status
-- log that kiosks pull by cursor, and the filing behind each mutation id (to catch a kiosk
-- restored from an old backup reusing mutation ids for other filings).

ALTER TABLE devices ADD COLUMN court_id TEXT NOT NULL DEFAULT '';
ALTER TABLE devices ADD COLUMN secret TEXT;            -- HMAC key; NULL for pre-enrolment rows
ALTER TABLE devices ADD COLUMN enrolled_at TEXT;
ALTER TABLE devices ADD COLUMN revoked_at TEXT;
ALTER TABLE devices ADD COLUMN last_mutation_id INTEGER NOT NULL DEFAULT 0;

-- One-time codes; only the hash is kept, so a copy of the database does not enrol devices.
CREATE TABLE enrol_codes (
  code_hash  TEXT PRIMARY KEY,
  court_id   TEXT NOT NULL,
  court_code TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at    TEXT,
  device_id  TEXT
) STRICT;

ALTER TABLE mutations ADD COLUMN filing_id TEXT;

ALTER TABLE cases ADD COLUMN team TEXT;
ALTER TABLE cases ADD COLUMN reasons_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE cases ADD COLUMN updated_at TEXT;

-- Every status change of a case, numbered per court in commit order: the kiosks' pull cursor.
CREATE TABLE case_events (
  court_code TEXT NOT NULL,
  version    INTEGER NOT NULL,
  filing_id  TEXT NOT NULL,
  status     TEXT NOT NULL,
  reasons_json TEXT NOT NULL,
  team       TEXT,
  at         TEXT NOT NULL,
  PRIMARY KEY (court_code, version)
) STRICT;

CREATE TABLE court_versions (
  court_code   TEXT PRIMARY KEY,
  last_version INTEGER NOT NULL
) STRICT;
