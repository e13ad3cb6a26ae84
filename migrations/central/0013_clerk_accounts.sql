-- Central gateway database: counter clerks' accounts are held here for their court (issue 14
-- item 8), so a reset, a role change or a disabled account reaches every counter PC of the
-- court. `version` orders the court's account changes (the counters' feed cursor); sessions are
-- the short-lived clerk tokens the central issues at sign-in (only their SHA-256 kept), which a
-- counter sends with its court token so the central knows which clerk acts.
CREATE TABLE clerk_accounts (
  court_code    TEXT NOT NULL,
  account       TEXT NOT NULL,
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('reception', 'leader', 'admin')),
  password_hash TEXT NOT NULL,           -- scrypt$N$r$p$salt$key
  disabled      INTEGER NOT NULL DEFAULT 0,
  must_change   INTEGER NOT NULL DEFAULT 0,  -- set by a reset: the clerk picks a new password at sign-in
  failed_count  INTEGER NOT NULL DEFAULT 0,
  locked_until  TEXT,
  version       INTEGER NOT NULL,
  updated_at    TEXT NOT NULL,
  updated_by    TEXT NOT NULL,
  PRIMARY KEY (court_code, account)
) STRICT;
CREATE INDEX clerk_accounts_version ON clerk_accounts (court_code, version);

CREATE TABLE clerk_sessions (
  token_hash  TEXT PRIMARY KEY,
  court_code  TEXT NOT NULL,
  account     TEXT NOT NULL,
  issued_at   TEXT NOT NULL,
  expires_at  TEXT NOT NULL,
  ended_at    TEXT
) STRICT;
CREATE INDEX clerk_sessions_account ON clerk_sessions (court_code, account);

-- Who changed which account, when (central clock); never a password or its hash.
CREATE TABLE clerk_account_events (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  court_code  TEXT NOT NULL,
  account     TEXT NOT NULL,
  action      TEXT NOT NULL,
  by_account  TEXT NOT NULL,
  terminal    TEXT NOT NULL,
  at          TEXT NOT NULL,
  details_json TEXT NOT NULL
) STRICT;
