-- Kiosk database, version 11: the audit chain is keyed. From `keyed_from` on, each entry's hash
-- is an HMAC under the audit key (a file apart from the database key, see
-- src-main/audit/audit-key.ts), and this one row seals the chain's end (last entry and head)
-- under the same key, so cutting entries off the end or writing a new chain no longer
-- verifies for someone who holds only the database key. Entries from before this version stay
-- as they were (plain SHA-256 links); the first open after the upgrade appends an
-- `audit.keyed` anchor entry that covers their head, so they are fixed as of the upgrade.
-- The row itself is written by the app at that open (the key is not SQL's to make).

CREATE TABLE audit_seal (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  keyed_from  INTEGER NOT NULL,   -- first seq whose hash is keyed
  last_seq    INTEGER NOT NULL,   -- 0 for an empty chain
  head        TEXT NOT NULL,      -- hash of entry last_seq (the genesis value when empty)
  mac         TEXT NOT NULL       -- HMAC of the three above under the audit key
) STRICT;
