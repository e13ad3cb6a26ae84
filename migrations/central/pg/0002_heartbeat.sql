-- Each kiosk's last heartbeat (the same table as SQLite central version 3).

CREATE TABLE heartbeats (
  device_id    TEXT PRIMARY KEY,
  at           TEXT NOT NULL,
  summary_json TEXT NOT NULL
);
