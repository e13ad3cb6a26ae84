-- The case's basis number as a column of its own, written by every insert, instead of an index
-- on an expression over the record: that index parsed each case's whole record (2–3 KiB of
-- JSON) on every insert, a third of what numbering a filing cost the database. The duplicate
-- flag looks cases up by (court, basis) through this column's index.
ALTER TABLE cases ADD COLUMN basis_number TEXT NOT NULL DEFAULT '';
UPDATE cases SET basis_number = coalesce(json_extract(record_json, '$.basisNumber'), '');
DROP INDEX cases_basis;
CREATE INDEX cases_basis ON cases (court_code, basis_number);
