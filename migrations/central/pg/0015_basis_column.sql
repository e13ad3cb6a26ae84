-- The case's basis number as a column of its own, written by every insert, instead of an index
-- on an expression over the record: that index turned each case's whole record (2–3 KiB of
-- JSON) into jsonb on every insert, a third of what numbering a filing cost PostgreSQL. The
-- duplicate flag looks cases up by (court, basis) through this column's index. NOT NULL with
-- no default: an insert that forgets it fails instead of hiding a case from the flag.
ALTER TABLE cases ADD COLUMN basis_number TEXT;
UPDATE cases SET basis_number = coalesce((record_json::jsonb) ->> 'basisNumber', '');
ALTER TABLE cases ALTER COLUMN basis_number SET NOT NULL;
DROP INDEX cases_basis;
CREATE INDEX cases_basis ON cases (court_code, basis_number);
