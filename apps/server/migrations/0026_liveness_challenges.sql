-- Live selfie (issue 19): the server's active liveness challenges. The nonce is kept only as its
-- SHA-256; a challenge is used once (used_at), within its expiry. The outcome and the check codes
-- hold no biometric value (the frames and scores live in the encrypted selfie evidence).
CREATE TABLE liveness_challenges (
  id uuid PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications(id),
  nonce_hash bytea NOT NULL UNIQUE,
  steps jsonb NOT NULL,
  issued_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  outcome text CHECK (outcome IN ('pass', 'fail')),
  checks jsonb
);
CREATE INDEX liveness_challenges_application ON liveness_challenges (application_id, issued_at);

-- SHA-256 of every frame ever submitted: a frame seen again is a replayed capture. Only the hash is
-- kept; it reveals nothing of the image.
CREATE TABLE liveness_frames (
  sha256 bytea PRIMARY KEY,
  challenge_id uuid NOT NULL REFERENCES liveness_challenges(id),
  received_at timestamptz NOT NULL
);
