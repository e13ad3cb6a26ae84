-- Central gateway database, version 11: a 执前督 case's state as the central derives it from the
-- clerks' records (seed 001 art. 25): supervising with its period, performed with the amount
-- paid (and closed), failed with the 3 working days for the 执 filing, transferred with the 执
-- case's number and deadlines. Published with the case's changes, so the applicant's status
-- query shows the deadline that now runs.
ALTER TABLE cases ADD COLUMN pre_json TEXT;
