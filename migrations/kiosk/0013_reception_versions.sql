-- Kiosk database, version 12: the first-reception record is a document with versions (issue 14
-- item 3). Once printed it is locked; a change makes the next version, which is printed and
-- signed again. The version replaced is kept here whole, with its print and the signed scan
-- that belongs to it, so no signature is ever shown against text it did not cover.
ALTER TABLE counter_receptions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

CREATE TABLE counter_reception_versions (
  filing_id        TEXT NOT NULL REFERENCES filings (id),
  version          INTEGER NOT NULL,
  content_json     TEXT NOT NULL,        -- the record as saved (personal data, as in counter_receptions)
  clerk            TEXT NOT NULL,
  saved_at         TEXT NOT NULL,
  printed_at       TEXT,
  scan_id          TEXT,
  scan_mime        TEXT,
  scan_bytes       BLOB,
  scan_sha256      TEXT,
  scan_at          TEXT,
  scan_uploaded_at TEXT,
  superseded_at    TEXT NOT NULL,
  PRIMARY KEY (filing_id, version)
) STRICT;
CREATE INDEX counter_reception_versions_scan ON counter_reception_versions (scan_id) WHERE scan_id IS NOT NULL;
