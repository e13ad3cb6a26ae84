-- Central gateway database, version 9: calls for staff (呼叫工作人员) are kept in the store, so a
-- restart of the gateway keeps the calls still open and the clerks' acknowledgements. A call
-- holds the kiosk, its name, the step and times; nothing about the applicant.
CREATE TABLE help_calls (
  id              TEXT PRIMARY KEY,        -- chosen by the kiosk (uuid)
  device_id       TEXT NOT NULL,
  court_code      TEXT NOT NULL,           -- the court the central enrolled the device for
  kiosk_name      TEXT NOT NULL,
  place           TEXT NOT NULL,           -- a wizard step or another screen
  called_at       TEXT NOT NULL,           -- central clock
  status          TEXT NOT NULL,           -- waiting | acknowledged | cancelled
  acknowledged_at TEXT,
  acknowledged_by TEXT                     -- the clerk's display name
) STRICT;
CREATE INDEX help_calls_court ON help_calls (court_code, called_at);

-- Each court's change counter for its calls: counters long-poll until it passes what they saw.
CREATE TABLE help_versions (
  court_code TEXT PRIMARY KEY,
  version    INTEGER NOT NULL
) STRICT;
