-- Kiosk database, version 7: personal data leaves the kiosk a set time after the central has
-- confirmed a filing (setting privacy.purgeAfterDays). confirmed_at is the kiosk's clock at the
-- moment the official number was bound, whichever way it arrived (the push answer or the status
-- pull): both set updated_at in the same statement, and the trigger copies it. accepted_at is the
-- central's clock and may be skewed, so the purge never counts from it. purged_at marks a filing
-- whose record now holds numbers, court, status, dates, amounts and masked names only.

ALTER TABLE filings ADD COLUMN confirmed_at TEXT;
ALTER TABLE filings ADD COLUMN purged_at TEXT;

-- Filings numbered before this version: updated_at is at or after the binding, so counting from
-- it never purges early.
UPDATE filings SET confirmed_at = updated_at WHERE official_no IS NOT NULL;

CREATE TRIGGER filings_confirmed AFTER UPDATE OF official_no ON filings
WHEN OLD.official_no IS NULL AND NEW.official_no IS NOT NULL AND NEW.confirmed_at IS NULL
BEGIN
  UPDATE filings SET confirmed_at = NEW.updated_at WHERE id = NEW.id;
END;

-- Filings that arrive numbered (the counter's court sync stores other kiosks' filings) are
-- confirmed when stored.
CREATE TRIGGER filings_confirmed_on_arrival AFTER INSERT ON filings
WHEN NEW.official_no IS NOT NULL AND NEW.confirmed_at IS NULL
BEGIN
  UPDATE filings SET confirmed_at = NEW.updated_at WHERE id = NEW.id;
END;

CREATE INDEX filings_purge_due ON filings (confirmed_at) WHERE purged_at IS NULL AND confirmed_at IS NOT NULL;

-- The purge finds a filing's outbox rows and clerk actions by filing; without these each
-- filing would scan both queues (and read past every pushed body).
CREATE INDEX outbox_filing ON outbox (filing_id);
CREATE INDEX counter_outbox_filing ON counter_outbox (filing_id);
