-- Indexes a kiosk needs after years of use (issue 16: 1,000,000 filings, most purged).
-- The counter queue lists the newest filings first; without this it sorted the whole table.
CREATE INDEX filings_submitted ON filings (submitted_at);
-- The counter queue's cases from other kiosks, newest change first.
CREATE INDEX case_status_version ON case_status (version);
-- Every heartbeat and sync pass counts what is waiting and how old the oldest is: both from
-- this index alone, so no pending row (each an encrypted page) is read for the figures.
CREATE INDEX outbox_pending_created ON outbox (created_at) WHERE done_at IS NULL;
-- The status query pages an applicant's filings newest first by (submitted_at, id): with the id
-- in the index a page is read in order without touching the other filings of an agent who has
-- filed hundreds.
DROP INDEX filings_applicant;
CREATE INDEX filings_applicant ON filings (applicant_key, submitted_at, id);
-- Clerk records that reached a filing after its purge are found from the newest applied ones.
CREATE INDEX clerk_records_applied ON clerk_records (applied_at);
