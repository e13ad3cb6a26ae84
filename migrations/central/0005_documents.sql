-- Central gateway database, version 5: the case file's page images. Pages photographed at a
-- kiosk (uploaded by the device that filed, after the filing was numbered) and the signed
-- first-reception scan a counter attached (uploaded with the court token). Keyed by the id the
-- terminal made; a resend with the same bytes is answered again, other bytes are refused.
CREATE TABLE documents (
  id          TEXT PRIMARY KEY,
  filing_id   TEXT NOT NULL,
  court_code  TEXT NOT NULL,
  kind        TEXT NOT NULL,                 -- a kiosk document kind, or 'reception-scan'
  mime        TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  bytes       INTEGER NOT NULL,
  data        BLOB NOT NULL,                 -- personal data: never logged
  uploaded_by TEXT NOT NULL,                 -- device id, or 'court:<code>' for a counter's scan
  uploaded_at TEXT NOT NULL                  -- central clock
) STRICT;
CREATE INDEX documents_filing ON documents (filing_id);
