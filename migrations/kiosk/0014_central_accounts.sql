-- Counter PC database: clerk accounts are held at the court's central (issue 14 item 8). A row
-- here is then the PC's cache of a central account: its version, the time the central last
-- confirmed the clerk's password here (offline sign-in is allowed only for a while after that,
-- see docs/clerk-accounts.md), and whether a reset asks for a new password. Accounts made on
-- this PC before (central_version NULL) stay local until an administrator imports them.
ALTER TABLE counter_users ADD COLUMN central_version INTEGER;
ALTER TABLE counter_users ADD COLUMN central_confirmed_at TEXT;
ALTER TABLE counter_users ADD COLUMN must_change INTEGER NOT NULL DEFAULT 0;
