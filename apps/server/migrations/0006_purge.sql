-- Crypto-shredding: when a record's retention is over, the application's data key is destroyed and
-- what it encrypted becomes unreadable; purged_at says when.
ALTER TABLE applications ADD COLUMN purged_at timestamptz;
ALTER TABLE verification_records ADD COLUMN legal_hold_reason text;
