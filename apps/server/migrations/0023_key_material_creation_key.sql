-- Keys the server keeps for itself, stored only wrapped by the master key and re-wrapped with
-- everything else when the master key rotates. 'blind-index' keys every blind index: it must outlive
-- the master key it was first derived from, or duplicate search would break at the first rotation.
CREATE TABLE key_material (
  purpose text PRIMARY KEY,
  wrapped bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The hash of the Idempotency-Key that created an application (issue 9, crash safety): a retry after
-- the process died between the creating commit and storing the answer finds the application instead
-- of creating a second one.
ALTER TABLE applications ADD COLUMN creation_key bytea;
CREATE UNIQUE INDEX applications_creation_key ON applications (creation_key) WHERE creation_key IS NOT NULL;
