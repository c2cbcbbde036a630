-- Webhooks for integrators (Standard Webhooks): endpoints subscribed to event types, the events
-- themselves, one delivery per (endpoint, event), and every attempt of every delivery (the log).

CREATE TABLE webhook_endpoints (
  id uuid PRIMARY KEY,
  url text NOT NULL,
  description text NOT NULL DEFAULT '',
  event_types text[] NOT NULL,
  -- The signing secret (whsec_…), sealed under a data key of its own; shown once, at creation.
  secret_enc bytea NOT NULL,
  disabled_at timestamptz, -- null while enabled
  created_by text NOT NULL, -- the audit actor: staff:<id> or cli
  created_at timestamptz NOT NULL DEFAULT now()
);

-- What happened, once, whoever listens. `id` is the webhook-id header (msg_…): the same for every
-- endpoint and every retry, so receivers can discard repeats. `payload` holds no personal data:
-- references, states, events and times.
CREATE TABLE webhook_events (
  id text PRIMARY KEY,
  type text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE webhook_deliveries (
  id uuid PRIMARY KEY,
  endpoint_id uuid NOT NULL REFERENCES webhook_endpoints (id),
  event_id text NOT NULL REFERENCES webhook_events (id),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0, -- made in all (the number of the last logged attempt)
  attempts_left integer NOT NULL, -- in the current round; a manual re-delivery starts a new round
  next_attempt_at timestamptz, -- null once delivered or failed
  last_status_code integer,
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- A fan-out job that runs twice creates each delivery once.
  UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_at DESC, id DESC);

-- The delivery log: every POST made, with what came back. No request or response bodies are kept.
CREATE TABLE webhook_attempts (
  delivery_id uuid NOT NULL REFERENCES webhook_deliveries (id),
  attempt integer NOT NULL,
  at timestamptz NOT NULL,
  status_code integer, -- null when no answer came (refused, timed out)
  duration_ms integer NOT NULL,
  error text,
  manual boolean NOT NULL DEFAULT false, -- made because a person asked for a re-delivery
  PRIMARY KEY (delivery_id, attempt)
);
