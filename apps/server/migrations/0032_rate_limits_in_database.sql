-- Rate limits counted in the database (issue #21, findings 1, 6 and 13): every server process sees
-- the same counts, so a limit holds however many processes answer. One row per bucket and fixed
-- window; the bucket is a blind index (keyed HMAC) of what is counted (an address, a device, a
-- contact, an account), never the value. Old windows are deleted by the server's periodic sweep.
CREATE TABLE rate_limit_hits (
  bucket bytea NOT NULL,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL,
  PRIMARY KEY (bucket, window_start)
);
CREATE INDEX rate_limit_hits_window ON rate_limit_hits (window_start);

-- Growing delays after failed sign-ins (issue #21, finding 6), instead of locking an account: per
-- account (the blind index of the e-mail given, whether or not an account has it, so the answer
-- tells nothing) and per client address. A bucket waits until `wait_until`; its count starts again
-- an hour after its last failure.
CREATE TABLE sign_in_failures (
  bucket bytea PRIMARY KEY,
  failures integer NOT NULL,
  last_failure_at timestamptz NOT NULL,
  wait_until timestamptz NOT NULL
);
