-- Central gateway database, version 14: progress SMS to applicants (issue 14 point 6).
-- The court's templates and which events send; and an outbox filled in the same transaction
-- as the case change that causes the message, so a change is never told twice or forgotten.
CREATE TABLE sms_templates (
  court_code  TEXT NOT NULL,
  event       TEXT NOT NULL,           -- accepted | returned | assigned | deadline | closed
  enabled     INTEGER NOT NULL,
  template    TEXT NOT NULL,
  updated_by  TEXT NOT NULL,           -- court-token name
  updated_at  TEXT NOT NULL,           -- central clock
  PRIMARY KEY (court_code, event)
) STRICT;

CREATE TABLE sms_outbox (
  id              INTEGER PRIMARY KEY,
  filing_id       TEXT NOT NULL,
  court_code      TEXT NOT NULL,
  event           TEXT NOT NULL,
  event_key       TEXT NOT NULL,       -- the event and the case version that caused it
  phone           TEXT NOT NULL,       -- personal data: shown masked, never logged
  text            TEXT NOT NULL,
  state           TEXT NOT NULL,       -- queued | sent | failed
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,       -- also the lease of a send under way
  last_error      TEXT,
  msg_ids         TEXT,                -- the ISMG's Msg_Id of each segment
  created_at      TEXT NOT NULL,
  sent_at         TEXT,
  UNIQUE (filing_id, event_key)
) STRICT;
CREATE INDEX sms_outbox_due ON sms_outbox (state, next_attempt_at);
CREATE INDEX sms_outbox_case ON sms_outbox (filing_id, id);
