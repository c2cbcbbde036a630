-- Retail channels: batches of packages sold off the shelf (airport counters, convenience stores,
-- shops), each with a registration code; prepaid top-ups and top-up vouchers; convenience-store
-- (コンビニ決済) payments.

-- A batch: one plan, one channel, N packages, made by one admin. Its packages' codes are derived
-- from a random seed (HMAC-SHA256(seed, serial)), stored only wrapped by the key-management port:
-- labels can be printed again from the batch, and nothing in the database alone gives a code.
CREATE TABLE retail_batches (
  id uuid PRIMARY KEY,
  wrapped_seed bytea NOT NULL,
  plan_id text NOT NULL REFERENCES plans (id),
  channel text NOT NULL CHECK (channel IN ('airport', 'konbini', 'shop')),
  form_factor text NOT NULL CHECK (form_factor IN ('physical', 'esim')),
  package_count integer NOT NULL CHECK (package_count > 0),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Cards and profiles bound to a package wait in their pool as 'packaged', out of the online stock.
ALTER TABLE sim_cards DROP CONSTRAINT sim_cards_status_check;
ALTER TABLE sim_cards ADD CONSTRAINT sim_cards_status_check CHECK (status IN ('available', 'packaged', 'assigned', 'retired'));
ALTER TABLE esim_profiles DROP CONSTRAINT esim_profiles_status_check;
ALTER TABLE esim_profiles ADD CONSTRAINT esim_profiles_status_check
  CHECK (status IN ('available', 'packaged', 'assigned', 'released'));

-- One package. The registration code is never stored: only its keyed blind index (HMAC, so a stolen
-- database cannot be searched for codes) and a hint of its first group for a person to find a
-- package by eye. The printed code is in the batch's CSV and labels, made once at creation.
CREATE TABLE retail_packages (
  id uuid PRIMARY KEY,
  batch_id uuid NOT NULL REFERENCES retail_batches (id),
  serial integer NOT NULL,
  code_index bytea NOT NULL UNIQUE,
  code_hint text NOT NULL,
  status text NOT NULL DEFAULT 'in_stock' CHECK (status IN ('in_stock', 'sold', 'registered', 'activated', 'void')),
  -- The physical SIM in the package, or the eSIM profile the voucher reserves.
  iccid text REFERENCES sim_cards (iccid),
  esim_profile_id bigint REFERENCES esim_profiles (id),
  application_id uuid UNIQUE REFERENCES applications (id),
  sold_at timestamptz,
  -- Who recorded the sale: a staff id (point of sale) or 'registration'.
  sold_by text,
  registered_at timestamptz,
  activated_at timestamptz,
  voided_at timestamptz,
  void_reason text CHECK (void_reason IN ('lost', 'stolen', 'damaged', 'returned_unsold', 'recalled')),
  UNIQUE (batch_id, serial),
  CHECK ((iccid IS NULL) <> (esim_profile_id IS NULL))
);
CREATE UNIQUE INDEX retail_packages_iccid ON retail_packages (iccid) WHERE iccid IS NOT NULL;
CREATE UNIQUE INDEX retail_packages_profile ON retail_packages (esim_profile_id) WHERE esim_profile_id IS NOT NULL;

-- Wrong registration codes, per client (keyed blind index of the address), for throttling guesses
-- across processes; old rows are only counted within the window.
CREATE TABLE retail_code_failures (
  id bigserial PRIMARY KEY,
  client_index bytea NOT NULL,
  reason text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX retail_code_failures_client ON retail_code_failures (client_index, created_at);

-- Payments: convenience-store payments wait (pending) until the shop's till reports them, and
-- expire when unpaid by their deadline. A package sold at an airport counter is paid at the
-- counter's own till ('counter', kind 'purchase'): recorded so its receipt can be issued.
ALTER TABLE payments DROP CONSTRAINT payments_method_check;
ALTER TABLE payments ADD CONSTRAINT payments_method_check CHECK (method IN ('card', 'konbini', 'counter'));
ALTER TABLE payments DROP CONSTRAINT payments_kind_check;
ALTER TABLE payments ADD CONSTRAINT payments_kind_check CHECK (kind IN ('deposit', 'top_up', 'purchase'));
ALTER TABLE payments DROP CONSTRAINT payments_status_check;
ALTER TABLE payments ADD CONSTRAINT payments_status_check
  CHECK (status IN ('pending', 'authorized', 'captured', 'declined', 'refunded', 'failed', 'expired'));

-- What the applicant takes to the till: the payment number (払込票番号), the barcode's data and the
-- deadline, as the provider gave them. Not personal data.
CREATE TABLE konbini_payments (
  payment_id uuid PRIMARY KEY REFERENCES payments (id),
  payment_number text NOT NULL,
  confirmation_number text,
  barcode text NOT NULL,
  expires_at timestamptz NOT NULL,
  paid_at timestamptz,
  store text
);
CREATE INDEX konbini_payments_expiry ON konbini_payments (expires_at) WHERE paid_at IS NULL;

-- Prepaid top-ups: each paid top-up extends the line's validity by the plan's days. The smallest
-- notion of prepaid validity: subscriptions.valid_until, moved only by a credited top-up.
ALTER TABLE subscriptions ADD COLUMN valid_until timestamptz;
CREATE TABLE top_ups (
  id uuid PRIMARY KEY,
  subscription_id uuid NOT NULL REFERENCES subscriptions (id),
  amount_jpy integer NOT NULL CHECK (amount_jpy > 0),
  validity_days integer NOT NULL CHECK (validity_days > 0),
  -- Paid by a payment (card or konbini) or by a voucher: exactly one.
  payment_id uuid UNIQUE REFERENCES payments (id),
  voucher_id uuid UNIQUE,
  status text NOT NULL CHECK (status IN ('pending', 'credited', 'expired')),
  created_at timestamptz NOT NULL DEFAULT now(),
  credited_at timestamptz,
  valid_until timestamptz,
  CHECK ((payment_id IS NULL) <> (voucher_id IS NULL))
);
CREATE INDEX top_ups_subscription ON top_ups (subscription_id, created_at);

-- Top-up vouchers sold in shops: a code (blind index only, as packages) worth one top-up of a plan.
CREATE TABLE top_up_vouchers (
  id uuid PRIMARY KEY,
  plan_id text NOT NULL REFERENCES plans (id),
  code_index bytea NOT NULL UNIQUE,
  code_hint text NOT NULL,
  amount_jpy integer NOT NULL CHECK (amount_jpy > 0),
  validity_days integer NOT NULL CHECK (validity_days > 0),
  status text NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'redeemed', 'void')),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  redeemed_at timestamptz
);
ALTER TABLE top_ups ADD CONSTRAINT top_ups_voucher_fk FOREIGN KEY (voucher_id) REFERENCES top_up_vouchers (id);
