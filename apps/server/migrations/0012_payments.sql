-- Deposits and payments: the deposit decided for an application, every payment taken through the
-- payment gateway, and the log of what happened to each payment (our calls and the gateway's
-- notifications). No card data is ever stored: the gateway holds it and gives us tokens and ids.

-- What decideDeposit said, with the rules that said it. applications.deposit_required (the
-- lifecycle's guard) is set in the same transaction.
CREATE TABLE deposit_decisions (
  application_id uuid PRIMARY KEY REFERENCES applications (id),
  required boolean NOT NULL,
  amount_jpy integer NOT NULL CHECK (amount_jpy >= 0),
  reasons text[] NOT NULL,
  rules_version text NOT NULL,
  decided_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE payments (
  id uuid PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications (id),
  kind text NOT NULL CHECK (kind IN ('deposit', 'top_up')),
  amount_jpy integer NOT NULL CHECK (amount_jpy > 0),
  currency text NOT NULL DEFAULT 'JPY' CHECK (currency = 'JPY'),
  method text NOT NULL CHECK (method IN ('card')),
  status text NOT NULL CHECK (status IN ('pending', 'authorized', 'captured', 'declined', 'refunded', 'failed')),
  -- Which gateway, and its id for the payment (null until the gateway answered).
  gateway text NOT NULL,
  gateway_payment_id text,
  -- Sent to the gateway with every call for this payment (the merchant's order id): a retry after a
  -- time-out can never charge twice.
  idempotency_key text NOT NULL UNIQUE,
  refunded_jpy integer NOT NULL DEFAULT 0 CHECK (refunded_jpy >= 0 AND refunded_jpy <= amount_jpy),
  -- Set once, in the transaction that asks for the refund (refundChargesOnCancel).
  refund_requested_at timestamptz,
  failure_code text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (gateway, gateway_payment_id)
);
CREATE INDEX payments_application ON payments (application_id, created_at);
-- At most one deposit payment in flight or paid per application: two clicks cannot pay twice.
CREATE UNIQUE INDEX payments_one_live_deposit ON payments (application_id)
  WHERE kind = 'deposit' AND status IN ('pending', 'authorized', 'captured');

-- Every change of a payment, and every notification received (notification_id: the gateway's event
-- id, so a notification delivered twice is recorded once).
CREATE TABLE payment_events (
  id bigserial PRIMARY KEY,
  payment_id uuid NOT NULL REFERENCES payments (id),
  kind text NOT NULL,
  from_status text,
  to_status text,
  source text NOT NULL CHECK (source IN ('request', 'notification', 'job', 'system', 'staff')),
  notification_id text UNIQUE,
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payment_events_payment ON payment_events (payment_id, id);
