-- Calls for staff kept in the store (the same as SQLite central version 9).
CREATE TABLE help_calls (
  id              TEXT PRIMARY KEY,
  device_id       TEXT NOT NULL,
  court_code      TEXT NOT NULL,
  kiosk_name      TEXT NOT NULL,
  place           TEXT NOT NULL,
  called_at       TEXT NOT NULL,
  status          TEXT NOT NULL,
  acknowledged_at TEXT,
  acknowledged_by TEXT
);
CREATE INDEX help_calls_court ON help_calls (court_code, called_at);

CREATE TABLE help_versions (
  court_code TEXT PRIMARY KEY,
  version    BIGINT NOT NULL
);
