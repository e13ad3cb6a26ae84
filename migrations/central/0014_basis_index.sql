-- The duplicate flag on push looks up the court's cases by the basis number inside their
-- record (casesByBasis): without this index every push scanned and parsed every case.
-- The expression is the query's own, character for character, so the planner can use it.
CREATE INDEX cases_basis ON cases (court_code, json_extract(record_json, '$.basisNumber'));
