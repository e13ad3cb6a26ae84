-- Device binding and device events (the same as SQLite central version 6).
ALTER TABLE enrol_codes ADD COLUMN for_device TEXT;

CREATE TABLE device_events (
  id         BIGSERIAL PRIMARY KEY,
  device_id  TEXT NOT NULL,
  court_code TEXT NOT NULL,
  action     TEXT NOT NULL,
  at         TEXT NOT NULL
);
CREATE INDEX device_events_device ON device_events (device_id, id);
