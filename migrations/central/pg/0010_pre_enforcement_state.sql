-- 执前督 state (the same as SQLite central version 11): a 执前督 case's state as the central derives
-- it from the clerks' records (seed 001 art. 25), published with the case's changes.
ALTER TABLE cases ADD COLUMN pre_json TEXT;
