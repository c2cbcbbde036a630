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
