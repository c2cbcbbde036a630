-- Leases (issue #24): of the server processes sharing one database, the holder of a lease does the
-- periodic work it names (the sweeps: expiry, keep-alive, purges, retries) and renews it as it goes;
-- another process takes it over once it lapses. The database's clock decides, never a process's.
CREATE TABLE leases (
  name text PRIMARY KEY,
  holder text NOT NULL,
  expires_at timestamptz NOT NULL
);
