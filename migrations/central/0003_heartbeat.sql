-- Central gateway database, version 3: each kiosk's last heartbeat, so the court sees which
-- kiosks are down. One row per device, replaced on every heartbeat; the time is the central's.

CREATE TABLE heartbeats (
  device_id    TEXT PRIMARY KEY,
  at           TEXT NOT NULL,
  summary_json TEXT NOT NULL
) STRICT;
