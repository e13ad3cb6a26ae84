-- Central gateway database, version 6: a device identity is bound on its first enrolment and
-- never re-bound by a general code. Re-enrolling a device (new disk, new secret) takes a code
-- issued for that device after the court revoked it; every enrolment, re-enrolment and refused
-- take-over is kept as a device event for the court's IT staff.
ALTER TABLE enrol_codes ADD COLUMN for_device TEXT;

CREATE TABLE device_events (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  device_id  TEXT NOT NULL,
  court_code TEXT NOT NULL,
  action     TEXT NOT NULL,               -- enrolled | re-enrolled | takeover-refused | revoked | re-enrol-code
  at         TEXT NOT NULL                -- central clock
) STRICT;
CREATE INDEX device_events_device ON device_events (device_id, id);
