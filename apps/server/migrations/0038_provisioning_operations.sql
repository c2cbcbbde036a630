-- Every call to the network's provisioning API (the HLR/HSS or the MVNE's API), written before the
-- call (pending) and after it (succeeded, failed, or rolled_back when a later step undid it): what
-- was asked, what the network answered, how many attempts it took. The console's case view shows
-- the calls of one application. Numbers and SIM identifiers only: no names, no addresses.
CREATE TABLE provisioning_operations (
  id bigserial PRIMARY KEY,
  -- No foreign key: the row is written outside the transaction that holds the application locked.
  application_id uuid,
  operation text NOT NULL
    CHECK (operation IN ('activate', 'bar_outgoing', 'unbar_outgoing', 'suspend', 'resume', 'terminate', 'change_number')),
  adapter text NOT NULL,
  -- Sent with every attempt: the network does the operation once however often it is asked.
  idempotency_key text NOT NULL,
  request jsonb NOT NULL,
  answer jsonb,
  outcome text NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'succeeded', 'failed', 'rolled_back')),
  error text,
  attempts integer NOT NULL DEFAULT 0,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX provisioning_operations_application ON provisioning_operations (application_id, id);

-- The network simulator knows what a real HSS knows: the IMSI, and outgoing calls barred or not.
ALTER TABLE network_simulator_subscribers ADD COLUMN imsi text;
ALTER TABLE network_simulator_subscribers ADD COLUMN outgoing_barred boolean NOT NULL DEFAULT false;
