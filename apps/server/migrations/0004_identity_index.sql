-- Keyed blind index (HMAC) of the applicant's identity (name and date of birth): counts the lines a
-- person holds and finds one document under two identities, without decrypting anyone.
ALTER TABLE applications ADD COLUMN identity_index bytea;
CREATE INDEX applications_identity_index ON applications (identity_index) WHERE identity_index IS NOT NULL;
