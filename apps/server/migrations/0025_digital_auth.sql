-- Signatures through the Digital Authentication App (デジタル認証アプリ, issue 19): one row per trip
-- to the app. The state travels in the browser, so only its keyed hash is kept; the PKCE verifier and
-- the nonce are derived from the state with a server key and never stored. Single use (used_at) and
-- short-lived (expires_at); the outcome stays for the page that polls it. No personal data, not even
-- hashed: what was signed is recomputed from the application when the signature comes back.
CREATE TABLE digital_auth_sessions (
  id uuid PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  state_hash bytea NOT NULL UNIQUE,
  transaction_id text NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  outcome text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX digital_auth_sessions_application ON digital_auth_sessions (application_id, created_at DESC);
