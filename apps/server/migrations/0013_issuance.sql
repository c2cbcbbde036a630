-- Getting the SIM to the subscriber and the line onto the network: shipments with their tracking,
-- the subscriptions (lines) that activation creates, and the local network simulator's subscriber
-- table (what a real HLR/HSS provisioning adapter would write to the operator's core network).

CREATE TABLE shipments (
  id uuid PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications (id),
  -- restricted_delivery: 特定事項伝達型本人限定受取郵便 (the post office checks the ID and passes the
  -- particulars back); registered_non_forwardable: 書留 with 転送不要, for the mail methods.
  method text NOT NULL CHECK (method IN ('restricted_delivery', 'registered_non_forwardable')),
  carrier text NOT NULL,
  tracking_number text NOT NULL UNIQUE,
  status text NOT NULL DEFAULT 'in_transit' CHECK (status IN ('in_transit', 'delivered', 'returned')),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz,
  returned_at timestamptz,
  return_reason text
);
CREATE INDEX shipments_application ON shipments (application_id, created_at);

CREATE TABLE subscriptions (
  id uuid PRIMARY KEY,
  application_id uuid NOT NULL UNIQUE REFERENCES applications (id),
  plan_id text NOT NULL REFERENCES plans (id),
  msisdn text NOT NULL,
  iccid text NOT NULL,
  form_factor text NOT NULL CHECK (form_factor IN ('physical', 'esim')),
  status text NOT NULL DEFAULT 'active',
  network_ref text NOT NULL,
  started_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX subscriptions_active_msisdn ON subscriptions (msisdn) WHERE status = 'active';

CREATE TABLE network_simulator_subscribers (
  msisdn text PRIMARY KEY,
  iccid text NOT NULL,
  network_ref text NOT NULL UNIQUE,
  request_key text NOT NULL UNIQUE,
  status text NOT NULL,
  provisioned_at timestamptz NOT NULL DEFAULT now()
);
