-- Active Authentication checked by the server (issue #22): the server issues a fresh 8-byte challenge for
-- one application, the reader has the chip sign it (INTERNAL AUTHENTICATE) and uploads the answer with
-- the chip; the upload uses the challenge up. It is not secret (anyone watching the reader sees it), so
-- it is kept as is; what matters is that it is fresh, the server's own, for this application and used
-- once: a replayed answer or an unknown challenge fails `chip.active_authentication`.
CREATE TABLE active_authentication_challenges (
  challenge bytea PRIMARY KEY CHECK (octet_length(challenge) = 8),
  application_id uuid NOT NULL REFERENCES applications (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX active_authentication_challenges_application
  ON active_authentication_challenges (application_id, created_at DESC);
CREATE INDEX active_authentication_challenges_expiry ON active_authentication_challenges (expires_at);
