-- Clerk accounts held at the central for their court, clerk sessions, account events (the same as SQLite central version 15).
CREATE TABLE clerk_accounts (
  court_code    TEXT NOT NULL,
  account       TEXT NOT NULL,
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('reception', 'leader', 'admin')),
  password_hash TEXT NOT NULL,
  disabled      INTEGER NOT NULL DEFAULT 0,
  must_change   INTEGER NOT NULL DEFAULT 0,
  failed_count  INTEGER NOT NULL DEFAULT 0,
  locked_until  TEXT,
  version       BIGINT NOT NULL,
  updated_at    TEXT NOT NULL,
  updated_by    TEXT NOT NULL,
  PRIMARY KEY (court_code, account)
);
CREATE INDEX clerk_accounts_version ON clerk_accounts (court_code, version);

CREATE TABLE clerk_sessions (
  token_hash  TEXT PRIMARY KEY,
  court_code  TEXT NOT NULL,
  account     TEXT NOT NULL,
  issued_at   TEXT NOT NULL,
  expires_at  TEXT NOT NULL,
  ended_at    TEXT
);
CREATE INDEX clerk_sessions_account ON clerk_sessions (court_code, account);

CREATE TABLE clerk_account_events (
  id          BIGSERIAL PRIMARY KEY,
  court_code  TEXT NOT NULL,
  account     TEXT NOT NULL,
  action      TEXT NOT NULL,
  by_account  TEXT NOT NULL,
  terminal    TEXT NOT NULL,
  at          TEXT NOT NULL,
  details_json TEXT NOT NULL
);
