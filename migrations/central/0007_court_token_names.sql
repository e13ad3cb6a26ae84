-- Central gateway database, version 7: each counter terminal's court token has a name (窗口1,
-- 执行立案窗口2…). From this version a clerk record is stored as the central vouches for it:
-- its author is that name, its created_at (and received_at) the central's acceptance time,
-- after the court's previous record; what the terminal claimed (clerk, terminal, time) is kept
-- in record_json under "stated". Tokens issued before have no name and are known by the start
-- of their hash.
ALTER TABLE court_tokens ADD COLUMN name TEXT;

-- Follow-up filings the court creates (a 执 after a failed 执前督, a 执恢 when a closed case is
-- resumed): the origin case's filing id and the event. One follow-up per origin and event.
ALTER TABLE cases ADD COLUMN follows TEXT;
ALTER TABLE cases ADD COLUMN follow_event TEXT;
CREATE UNIQUE INDEX cases_follow_up ON cases (follows, follow_event) WHERE follows IS NOT NULL;
