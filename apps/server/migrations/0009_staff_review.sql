-- The staff side: accounts and sessions, the review queue (claims, escalation, four-eyes overrides),
-- correction requests with the particulars they replaced, and applicant notifications by SMS.

CREATE TABLE staff (
  id uuid PRIMARY KEY,
  email text NOT NULL UNIQUE, -- lower-cased; the login name
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('clerk', 'agent', 'reviewer', 'senior_reviewer', 'compliance', 'admin')),
  password_hash text NOT NULL, -- argon2id
  must_change_password boolean NOT NULL DEFAULT true,
  totp_secret_enc bytea NOT NULL, -- sealed like any other secret (standalone data key)
  last_totp_step bigint NOT NULL DEFAULT 0, -- a code is accepted once
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE staff_sessions (
  token_hash bytea PRIMARY KEY, -- SHA-256 of the cookie value; the value itself is never stored
  staff_id uuid NOT NULL REFERENCES staff (id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  ended_at timestamptz
);
CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id);

-- When the application entered its current state (SLA age, expiry); set by the one door.
ALTER TABLE applications ADD COLUMN state_changed_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX applications_state_changed ON applications (state, state_changed_at);

-- One reviewer works a case at a time; a claim lapses by itself.
CREATE TABLE case_claims (
  application_id uuid PRIMARY KEY REFERENCES applications (id),
  staff_id uuid NOT NULL REFERENCES staff (id),
  claimed_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);

-- Facts about a case the queue filters on; written in the transaction of the event that sets them.
CREATE TABLE case_flags (
  application_id uuid PRIMARY KEY REFERENCES applications (id),
  escalated boolean NOT NULL DEFAULT false,
  override_proposed_by uuid REFERENCES staff (id),
  override_reason text,
  correction_returned boolean NOT NULL DEFAULT false
);

-- What a reviewer asked the applicant to fix. The message may name personal data: sealed.
CREATE TABLE correction_requests (
  id uuid PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications (id),
  fields text[] NOT NULL,
  message_enc bytea NOT NULL,
  requested_by uuid REFERENCES staff (id), -- null when the automated checks asked
  -- What the applicant had given when asked: a resubmission must change something.
  content_version integer NOT NULL,
  requested_at timestamptz NOT NULL DEFAULT now(),
  answered_at timestamptz
);
CREATE INDEX correction_requests_application ON correction_requests (application_id, requested_at);

-- Every version of the particulars, so earlier values stay in the history after a correction.
CREATE TABLE particulars_history (
  application_id uuid NOT NULL REFERENCES applications (id),
  content_version integer NOT NULL,
  particulars_enc bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (application_id, content_version)
);

-- Applicant notifications, one per state change that matters to the applicant. Inserted by the one
-- door in the transition's transaction; a job renders it into mail_outbox and sms_outbox.
CREATE TABLE notifications (
  application_id uuid NOT NULL REFERENCES applications (id),
  version integer NOT NULL,
  template text NOT NULL,
  rendered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (application_id, version)
);

CREATE TABLE sms_outbox (
  id uuid PRIMARY KEY,
  application_id uuid REFERENCES applications (id),
  template text NOT NULL,
  content_enc bytea NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'kept_locally', 'failed')),
  provider_message_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
ALTER TABLE mail_outbox ADD COLUMN notification_version integer;
ALTER TABLE sms_outbox ADD COLUMN notification_version integer;
-- A notification job that runs twice queues each message once.
CREATE UNIQUE INDEX mail_outbox_notification ON mail_outbox (application_id, notification_version)
  WHERE notification_version IS NOT NULL;
CREATE UNIQUE INDEX sms_outbox_notification ON sms_outbox (application_id, notification_version)
  WHERE notification_version IS NOT NULL;

-- What staff write about a case (an approval's reasoning, an escalation, an override): free text
-- that may name personal data, so sealed under the application's key. Events point to it by id.
CREATE TABLE case_notes (
  id uuid PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications (id),
  staff_id uuid NOT NULL REFERENCES staff (id),
  kind text NOT NULL,
  note_enc bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_notes_application ON case_notes (application_id, created_at);
