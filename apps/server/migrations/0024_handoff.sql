-- Hand-off from one device to another (issue 19 §3, issue 20 item 1): the applicant's session asks for a
-- single-use, short-lived token, shown as a QR code; the phone (the site, or a native chip reader app)
-- exchanges it once for a session of its own on that application. The QR code never carries the
-- access token. Tokens and sessions are kept only as SHA-256 hashes.
CREATE TABLE handoff_tokens (
  token_hash bytea PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications (id),
  purpose text NOT NULL CHECK (purpose IN ('chip_reader', 'continue_on_phone')),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX handoff_tokens_application ON handoff_tokens (application_id, created_at DESC);
CREATE INDEX handoff_tokens_expiry ON handoff_tokens (expires_at);

-- Bearer sessions on one application other than its access token: opened by a hand-off (and, later,
-- by a sign-in). They open the application exactly as the access token does, until they expire.
CREATE TABLE applicant_sessions (
  token_hash bytea PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications (id),
  origin text NOT NULL CHECK (origin IN ('handoff:chip_reader', 'handoff:continue_on_phone')),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX applicant_sessions_application ON applicant_sessions (application_id);
CREATE INDEX applicant_sessions_expiry ON applicant_sessions (expires_at);
