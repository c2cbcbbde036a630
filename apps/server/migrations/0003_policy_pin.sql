-- The verification policy in force when the application was submitted: later decisions use it, and
-- the record shows it (id, version and the SHA-256 of its canonical content).
ALTER TABLE applications ADD COLUMN policy_id text;
ALTER TABLE applications ADD COLUMN policy_version text;
ALTER TABLE applications ADD COLUMN policy_hash text;
