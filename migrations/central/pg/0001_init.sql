-- Central gateway on PostgreSQL (a city's courts sharing one gateway): the same tables as the
-- SQLite schema at version 2, so both stores answer alike.

CREATE TABLE devices (
  device_id     TEXT PRIMARY KEY,
  court_code    TEXT NOT NULL,
  court_id      TEXT NOT NULL DEFAULT '',
  first_seen_at TEXT NOT NULL,
  last_seen_at  TEXT NOT NULL,
  secret        TEXT,
  enrolled_at   TEXT,
  revoked_at    TEXT,
  last_mutation_id BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE enrol_codes (
  code_hash  TEXT PRIMARY KEY,
  court_id   TEXT NOT NULL,
  court_code TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at    TEXT,
  device_id  TEXT
);

-- Locked (FOR UPDATE via ON CONFLICT DO UPDATE) by the transaction that inserts the case.
CREATE TABLE sequences (
  court_code TEXT NOT NULL,
  type_code  TEXT NOT NULL,
  year       INTEGER NOT NULL,
  last_seq   INTEGER NOT NULL,
  PRIMARY KEY (court_code, type_code, year)
);

CREATE TABLE cases (
  id             BIGSERIAL PRIMARY KEY,
  filing_id      TEXT NOT NULL UNIQUE,
  device_id      TEXT NOT NULL,
  mutation_id    BIGINT NOT NULL,
  provisional_no TEXT NOT NULL,
  court_code     TEXT NOT NULL,
  type_code      TEXT NOT NULL,
  year           INTEGER NOT NULL,
  seq            INTEGER NOT NULL,
  official_no    TEXT NOT NULL UNIQUE,
  status         TEXT NOT NULL,
  submitted_at   TEXT NOT NULL,
  accepted_at    TEXT NOT NULL,
  record_json    TEXT NOT NULL,
  team           TEXT,
  reasons_json   TEXT NOT NULL DEFAULT '[]',
  updated_at     TEXT,
  UNIQUE (court_code, type_code, year, seq)
);

CREATE TABLE mutations (
  device_id   TEXT NOT NULL,
  mutation_id BIGINT NOT NULL,
  result_json TEXT NOT NULL,
  received_at TEXT NOT NULL,
  filing_id   TEXT,
  PRIMARY KEY (device_id, mutation_id)
);

CREATE TABLE case_events (
  court_code   TEXT NOT NULL,
  version      BIGINT NOT NULL,
  filing_id    TEXT NOT NULL,
  status       TEXT NOT NULL,
  reasons_json TEXT NOT NULL,
  team         TEXT,
  at           TEXT NOT NULL,
  PRIMARY KEY (court_code, version)
);

-- The per-court version row is locked until commit, so versions become visible in order and
-- a pull cursor never skips a change that commits late.
CREATE TABLE court_versions (
  court_code   TEXT PRIMARY KEY,
  last_version BIGINT NOT NULL
);
