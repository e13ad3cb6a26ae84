-- Court token names; clerk records attested by the central (the same as SQLite central version 7).
ALTER TABLE court_tokens ADD COLUMN name TEXT;
