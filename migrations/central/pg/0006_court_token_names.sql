-- Court token names; clerk records attested by the central (the same as SQLite central version 7).
ALTER TABLE court_tokens ADD COLUMN name TEXT;

-- Follow-up filings the court creates: origin filing id and event, one per origin and event.
ALTER TABLE cases ADD COLUMN follows TEXT;
ALTER TABLE cases ADD COLUMN follow_event TEXT;
CREATE UNIQUE INDEX cases_follow_up ON cases (follows, follow_event) WHERE follows IS NOT NULL;
