-- The event log of the smaller stateful things (issue 23): police requests, holder changes, deletion
-- requests and retail packages move only through one door (apps/server/src/lifecycles/
-- transition-status.ts), which writes the new status, a row here and the audit entry in one
-- transaction. Applications, lines and payments keep their own event tables.
CREATE TABLE status_events (
  id bigserial PRIMARY KEY,
  subject_kind text NOT NULL CHECK (subject_kind IN ('police_request', 'holder_change', 'deletion_request', 'retail_package')),
  subject_id uuid NOT NULL,
  event text NOT NULL,
  from_status text NOT NULL,
  to_status text NOT NULL,
  actor text NOT NULL,
  data jsonb NOT NULL DEFAULT '{}',
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX status_events_subject ON status_events (subject_kind, subject_id, id);
