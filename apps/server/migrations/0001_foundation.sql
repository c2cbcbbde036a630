-- Foundation schema: plans, applications and their events, evidence, checks, SIM inventory,
-- activation codes, the audit chain, jobs, the mail outbox and idempotency keys.
-- Personal data lives only in *_enc columns (AES-256-GCM under a per-application data key).

CREATE TABLE plans (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('prepaid', 'postpaid')),
  name jsonb NOT NULL,
  services text[] NOT NULL,
  form_factors text[] NOT NULL,
  price_jpy integer NOT NULL CHECK (price_jpy >= 0),
  validity_days integer,
  data_gb integer,
  minimum_term_months integer,
  sort_order integer NOT NULL DEFAULT 0,
  available boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE applications (
  id uuid PRIMARY KEY,
  reference text NOT NULL UNIQUE,
  plan_id text NOT NULL REFERENCES plans (id),
  state text NOT NULL,
  version integer NOT NULL DEFAULT 0,
  language text NOT NULL,
  channel text NOT NULL,
  form_factor text NOT NULL CHECK (form_factor IN ('physical', 'esim')),
  access_token_hash bytea NOT NULL,
  wrapped_data_key bytea NOT NULL,
  contact_enc bytea NOT NULL,
  particulars_enc bytea,
  -- Keyed blind index (HMAC) of document type and number: finds duplicates without decrypting.
  document_index bytea,
  deposit_required boolean NOT NULL DEFAULT false,
  check_run integer NOT NULL DEFAULT 0,
  activation_failures integer NOT NULL DEFAULT 0,
  activation_locked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  submitted_at timestamptz
);
CREATE INDEX applications_document_index ON applications (document_index) WHERE document_index IS NOT NULL;
CREATE INDEX applications_state ON applications (state, updated_at);

-- Every transition, in order. `data` holds no personal data (reasons, check codes, field names).
CREATE TABLE application_events (
  id bigserial PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications (id),
  version integer NOT NULL,
  event text NOT NULL,
  from_state text NOT NULL,
  to_state text NOT NULL,
  actor_kind text NOT NULL,
  actor_id text,
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (application_id, version)
);

CREATE TABLE evidence (
  id uuid PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications (id),
  kind text NOT NULL,
  content_enc bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX evidence_application ON evidence (application_id, created_at);

CREATE TABLE check_results (
  id bigserial PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications (id),
  run integer NOT NULL,
  code text NOT NULL,
  status text NOT NULL CHECK (status IN ('pass', 'fail', 'review')),
  params jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX check_results_application ON check_results (application_id, run);

-- SIM and eSIM inventory. A row is a SIM card (physical) or an eSIM profile with its activation code.
CREATE TABLE sims (
  iccid text PRIMARY KEY,
  msisdn text NOT NULL UNIQUE,
  form_factor text NOT NULL CHECK (form_factor IN ('physical', 'esim')),
  line_type text NOT NULL CHECK (line_type IN ('voice', 'data')),
  activation_code text,
  status text NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'assigned', 'active', 'quarantined')),
  application_id uuid UNIQUE REFERENCES applications (id),
  assigned_at timestamptz,
  activated_at timestamptz
);
CREATE INDEX sims_available ON sims (form_factor, line_type, iccid) WHERE status = 'available';

CREATE TABLE activation_codes (
  application_id uuid PRIMARY KEY REFERENCES applications (id),
  code_hash bytea NOT NULL,
  expires_at timestamptz NOT NULL,
  issued_at timestamptz NOT NULL DEFAULT now()
);

-- The audit trail: append-only, hash-chained. Each entry's hash is SHA-256 over the previous
-- entry's hash and the entry's canonical JSON (RFC 8785). audit_head serialises appends.
CREATE TABLE audit_entries (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  subject text,
  data jsonb NOT NULL,
  prev_hash bytea NOT NULL,
  hash bytea NOT NULL
);
CREATE TABLE audit_head (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  seq bigint NOT NULL,
  hash bytea NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (true, 0, decode(repeat('00', 32), 'hex'));

CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entries is append-only';
END;
$$;
CREATE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON audit_entries
  FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();

-- Work to do after a commit (mail, later webhooks and documents), claimed with SKIP LOCKED.
CREATE TABLE jobs (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  payload jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  run_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  done_at timestamptz
);
CREATE INDEX jobs_due ON jobs (run_at) WHERE status = 'pending';

-- Mail, encrypted: the recipient and the text are personal data (and may hold a one-time code).
CREATE TABLE mail_outbox (
  id uuid PRIMARY KEY,
  application_id uuid REFERENCES applications (id),
  template text NOT NULL,
  content_enc bytea NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'kept_locally', 'failed')),
  transport_message_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);

CREATE TABLE idempotency_keys (
  principal text NOT NULL,
  key text NOT NULL,
  request_hash bytea NOT NULL,
  status text NOT NULL CHECK (status IN ('in_progress', 'done')),
  response_status integer,
  response_enc bytea,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (principal, key)
);
