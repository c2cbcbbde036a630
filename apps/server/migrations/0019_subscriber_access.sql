-- Subscribers sign in to see their lines and the documents issued to them: a one-time code sent to
-- the e-mail address on file for a line's number, then a bearer session. Codes and tokens are kept
-- only as keyed hashes; wrong codes are counted where they are answered.
CREATE TABLE subscriber_sign_in_codes (
  id uuid PRIMARY KEY,
  subscription_id uuid NOT NULL REFERENCES subscriptions (id),
  code_hash bytea NOT NULL,
  expires_at timestamptz NOT NULL,
  failures integer NOT NULL DEFAULT 0,
  used_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX subscriber_sign_in_codes_line ON subscriber_sign_in_codes (subscription_id, created_at DESC);

CREATE TABLE subscriber_sessions (
  token_hash bytea PRIMARY KEY,
  subscription_id uuid NOT NULL REFERENCES subscriptions (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
