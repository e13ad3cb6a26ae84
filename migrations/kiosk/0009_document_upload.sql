-- Kiosk database, version 9: the pages photographed at the kiosk and the signed reception scan
-- attached at a counter go to the central, so the court's other terminals see them and the
-- privacy purge never deletes the only copy.

-- A filing's page is uploaded once its filing is numbered (PUT /v1/filings/<id>/documents/<doc>);
-- uploaded_at is the kiosk's clock when the central confirmed the bytes, and stays NULL until
-- then. A page a counter fetched from the central is stored already uploaded. upload_error holds
-- a refusal the central will repeat (the page is then kept here and reported, never resent).
ALTER TABLE documents ADD COLUMN uploaded_at TEXT;
ALTER TABLE documents ADD COLUMN upload_error TEXT;
CREATE INDEX documents_upload_pending ON documents (created_at) WHERE filing_id IS NOT NULL AND uploaded_at IS NULL;

-- The signed reception scan goes by the court token (PUT /v1/court/documents/<scan_id>); its id
-- is the id of the reception.scan clerk record, so every terminal knows what to fetch.
ALTER TABLE counter_receptions ADD COLUMN scan_id TEXT;
ALTER TABLE counter_receptions ADD COLUMN scan_uploaded_at TEXT;
CREATE INDEX counter_receptions_scan_pending ON counter_receptions (scan_at) WHERE scan_bytes IS NOT NULL AND scan_uploaded_at IS NULL;
