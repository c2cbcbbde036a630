-- Applicants get back in from any device (issue 20 item 1): a six-digit code sent to the contact the
-- application gave (e-mail, or SMS to its phone), exchanged once for an applicant session. The code is
-- kept only as a keyed hash, with the contact's blind index it was sent to (so the verify step finds it
-- without decrypting anyone's contact); wrong codes are counted where they are answered.
CREATE TABLE applicant_sign_in_codes (
  id uuid PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications (id),
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  contact_index bytea NOT NULL,
  code_hash bytea NOT NULL,
  expires_at timestamptz NOT NULL,
  failures integer NOT NULL DEFAULT 0,
  used_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX applicant_sign_in_codes_contact ON applicant_sign_in_codes (contact_index, created_at DESC);
CREATE INDEX applicant_sign_in_codes_application ON applicant_sign_in_codes (application_id, created_at DESC);

ALTER TABLE applicant_sessions DROP CONSTRAINT applicant_sessions_origin_check;
ALTER TABLE applicant_sessions ADD CONSTRAINT applicant_sessions_origin_check
  CHECK (origin IN ('handoff:chip_reader', 'handoff:continue_on_phone', 'sign_in:email_code', 'sign_in:sms_code'));

-- Applicant notices about a payment rather than a change of state (issue 20 item 6: a refund), one per
-- payment and notice, rendered once into the outboxes by a job, as `notifications` are.
CREATE TABLE payment_notices (
  payment_id uuid NOT NULL REFERENCES payments (id),
  template text NOT NULL,
  application_id uuid NOT NULL REFERENCES applications (id),
  rendered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (payment_id, template)
);
