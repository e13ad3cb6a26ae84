-- Kiosk database: saved drafts (encrypted, keyed by card) and document photographs.

-- An unfinished application, resumable by the same ID card until expires_at. The body is
-- AES-256-GCM under a key derived from the card's ID number, so the row alone reveals nothing;
-- owner_key is the keyed hash that finds it (the same hash as filings.applicant_key).
CREATE TABLE drafts (
  owner_key   TEXT PRIMARY KEY,
  iv          BLOB NOT NULL,
  tag         BLOB NOT NULL,
  body        BLOB NOT NULL,
  saved_at    TEXT NOT NULL,
  expires_at  TEXT NOT NULL
) STRICT;
CREATE INDEX drafts_expiry ON drafts (expires_at);

-- Pages photographed at the kiosk (basis document, power of attorney, licence, signature).
-- holder is the session id while the person is at the kiosk, 'draft:<owner_key>' while a
-- saved draft waits, and NULL once filing_id binds the page to a submitted filing.
CREATE TABLE documents (
  id          TEXT PRIMARY KEY,
  holder      TEXT,
  filing_id   TEXT REFERENCES filings (id),
  kind        TEXT NOT NULL,
  mime        TEXT NOT NULL,
  bytes       BLOB NOT NULL,
  sha256      TEXT NOT NULL,
  created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX documents_holder ON documents (holder);
CREATE INDEX documents_filing ON documents (filing_id);
