-- The credit assessment of postpaid applications (与信審査): the applicant's consent, the payment
-- method and its check, every assessment with the policy that made it, our own subscribers ended for
-- non-payment and their registration in the carriers' non-payment exchange, and the local exchange
-- simulator's register. Figures read from other carriers are sealed; only outcomes and codes are plain.

-- Consent to the credit check and the exchange of non-payment information, before any query: the
-- text's version and SHA-256 as shown, the language it was read in, and when.
CREATE TABLE credit_consents (
  id uuid PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications (id),
  text_version text NOT NULL,
  text_sha256 text NOT NULL,
  language text NOT NULL,
  given_at timestamptz NOT NULL
);
CREATE INDEX credit_consents_application ON credit_consents (application_id, given_at);

-- How the bills would be paid, and what the payment-method check said. The card number never
-- reaches us (the gateway's token does); bank details are sealed; `display` is what a person may see
-- ("VISA •••• 4242", "bank 0005 •••• 567").
CREATE TABLE payment_methods (
  application_id uuid PRIMARY KEY REFERENCES applications (id),
  type text NOT NULL CHECK (type IN ('card', 'bank')),
  status text NOT NULL CHECK (status IN ('verified', 'refused')),
  refusal_code text,
  display text NOT NULL,
  details_enc bytea NOT NULL,
  checked_at timestamptz NOT NULL
);

-- Every assessment, numbered per application. reasons_enc holds the reasons with their figures (how
-- many unpaid records, days of stay left); reason_codes the codes alone, for the queue and the audit.
CREATE TABLE credit_assessments (
  id uuid PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications (id),
  seq integer NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('approve', 'approve_with_deposit', 'review', 'reject')),
  deposit_jpy integer NOT NULL CHECK (deposit_jpy >= 0),
  reason_codes text[] NOT NULL,
  reasons_enc bytea NOT NULL,
  -- What was asked and what came back (the exchange's answer, the payment check), sealed.
  queries_enc bytea NOT NULL,
  policy_id text NOT NULL,
  policy_version text NOT NULL,
  policy_hash text NOT NULL,
  consent_id uuid REFERENCES credit_consents (id),
  assessed_at timestamptz NOT NULL,
  UNIQUE (application_id, seq)
);

-- A line of ours ended for non-payment: registered in the exchange (by a job, after commit) and
-- removed from it once the balance is paid. identity_index is the application's blind index, so our
-- own assessments find it without decrypting anyone.
ALTER TABLE subscriptions ADD COLUMN ended_at timestamptz;
ALTER TABLE subscriptions ADD COLUMN end_reason text;
CREATE TABLE nonpayment_registrations (
  id uuid PRIMARY KEY,
  subscription_id uuid NOT NULL UNIQUE REFERENCES subscriptions (id),
  identity_index bytea NOT NULL,
  unpaid_jpy integer NOT NULL CHECK (unpaid_jpy > 0),
  registered_at timestamptz NOT NULL,
  -- The exchange's id for our registration; null until the job has registered it.
  exchange_ref text,
  paid_at timestamptz,
  -- Set when the exchange confirmed the removal.
  removed_at timestamptz
);
CREATE INDEX nonpayment_registrations_identity ON nonpayment_registrations (identity_index) WHERE paid_at IS NULL;

-- The local stand-in for the carriers' exchange (what another carrier registered, or what we did).
-- It keys people by a keyed hash of name and date of birth, as a real exchange matches particulars.
CREATE TABLE credit_exchange_simulator_records (
  ref text PRIMARY KEY,
  identity_key bytea NOT NULL,
  carrier text NOT NULL,
  amount_jpy integer NOT NULL,
  registered_at timestamptz NOT NULL DEFAULT now(),
  removed_at timestamptz
);
CREATE INDEX credit_exchange_simulator_identity ON credit_exchange_simulator_records (identity_key) WHERE removed_at IS NULL;
