-- Number portability (MNP, 番号ポータビリティ): numbers that come in with an application (port-in) and
-- numbers that leave with a subscriber (port-out). States and their transitions are the domain's
-- (packages/domain/src/number-portability/port-lifecycle.ts); only number-portability/ writes these rows.
-- The holder's name and birth date at the porting-out operator are compared and never stored.

CREATE TABLE number_ports_in (
  application_id uuid PRIMARY KEY REFERENCES applications (id),
  msisdn text NOT NULL,
  mode text NOT NULL CHECK (mode IN ('two_stop', 'one_stop')),
  reservation_number text NOT NULL,
  reservation_expires_on date NOT NULL,
  donor text NOT NULL,
  state text NOT NULL CHECK (state IN ('reserved', 'scheduled', 'completed', 'failed', 'cancelled')),
  switch_over_at timestamptz,
  failure_code text,
  port_ref text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (state <> 'scheduled' OR switch_over_at IS NOT NULL)
);
-- One application at a time may bring a number in.
CREATE UNIQUE INDEX number_ports_in_live_msisdn ON number_ports_in (msisdn)
  WHERE state IN ('reserved', 'scheduled', 'failed');

-- One-stop trips to the porting-out operator: the state travels in the browser, only its keyed hash here.
CREATE TABLE number_port_one_stop_trips (
  state_hash bytea PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications (id),
  msisdn text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

CREATE TABLE number_ports_out (
  id uuid PRIMARY KEY,
  subscription_id uuid NOT NULL REFERENCES subscriptions (id),
  msisdn text NOT NULL,
  reservation_number text NOT NULL UNIQUE,
  mode text NOT NULL CHECK (mode IN ('two_stop', 'one_stop')),
  recipient text,
  state text NOT NULL CHECK (state IN ('issued', 'ported', 'expired', 'cancelled')),
  issued_on date NOT NULL,
  expires_on date NOT NULL,
  created_at timestamptz NOT NULL,
  ended_at timestamptz
);
CREATE UNIQUE INDEX number_ports_out_live ON number_ports_out (subscription_id) WHERE state = 'issued';

-- A number that left with its subscriber is no longer ours to hand out.
ALTER TABLE phone_numbers DROP CONSTRAINT phone_numbers_status_check;
ALTER TABLE phone_numbers ADD CONSTRAINT phone_numbers_status_check
  CHECK (status IN ('available', 'assigned', 'quarantined', 'ported_out'));
