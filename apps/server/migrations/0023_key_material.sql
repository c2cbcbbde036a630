-- Keys the server keeps for itself, stored only wrapped by the master key and re-wrapped with
-- everything else when the master key rotates. 'blind-index' keys every blind index: it must outlive
-- the master key it was first derived from, or duplicate search would break at the first rotation.
CREATE TABLE key_material (
  purpose text PRIMARY KEY,
  wrapped bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
