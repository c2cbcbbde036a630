-- Confirm before submit (issue 20 item 8): the applicant's acceptance of the terms of service and the
-- privacy notice, recorded with the application on each submission (a correction's answer accepts
-- again), with the versions of both texts and the policy pinned by that submission. No personal data.
CREATE TABLE terms_acceptances (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  application_id uuid NOT NULL REFERENCES applications(id),
  terms_version text NOT NULL,
  privacy_version text NOT NULL,
  policy_id text NOT NULL,
  policy_version text NOT NULL,
  language text NOT NULL,
  accepted_at timestamptz NOT NULL
);
CREATE INDEX terms_acceptances_application ON terms_acceptances (application_id, accepted_at);
