-- Sync, kiosk side: the court's case statuses pulled from the central by version cursor (so a
-- status query at the kiosk is current whenever the network is up), and the sync engine's
-- own state, kept in the database so `yzt sync status` and a restart see it.

CREATE TABLE case_status (
  filing_id      TEXT PRIMARY KEY,
  official_no    TEXT NOT NULL,
  provisional_no TEXT NOT NULL,
  status         TEXT NOT NULL,               -- filed, accepted, returned, triaged, assigned, closed
  reasons_json   TEXT NOT NULL,               -- the clerk's reasons when returned for correction
  team           TEXT,
  version        INTEGER NOT NULL,            -- the central's per-court cursor of this change
  changed_at     TEXT NOT NULL,               -- central clock
  received_at    TEXT NOT NULL                -- kiosk clock
) STRICT;

CREATE INDEX case_status_official ON case_status (official_no);
CREATE INDEX case_status_provisional ON case_status (provisional_no);

CREATE TABLE sync_state (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
