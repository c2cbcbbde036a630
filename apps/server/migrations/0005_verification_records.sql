-- The verification record (本人確認記録): written when a verified contract starts, immutable (a
-- correction is a new version), kept until `purge_after` (set when the contract ends: 3 years later
-- under the Act), unless on legal hold. Its content is encrypted under the application's data key,
-- so destroying that key destroys the record (crypto-shredding).
CREATE TABLE verification_records (
  id uuid PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications (id),
  version integer NOT NULL,
  method text NOT NULL,
  policy_id text NOT NULL,
  policy_version text NOT NULL,
  policy_hash text NOT NULL,
  retention_years integer,
  content_enc bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  contract_ended_at timestamptz,
  purge_after timestamptz,
  legal_hold boolean NOT NULL DEFAULT false,
  UNIQUE (application_id, version)
);

CREATE FUNCTION verification_records_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.content_enc IS DISTINCT FROM OLD.content_enc OR NEW.version <> OLD.version OR NEW.method <> OLD.method
     OR NEW.policy_hash <> OLD.policy_hash OR NEW.application_id <> OLD.application_id THEN
    RAISE EXCEPTION 'a verification record is immutable: write a new version';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER verification_records_no_rewrite BEFORE UPDATE ON verification_records
  FOR EACH ROW EXECUTE FUNCTION verification_records_immutable();
