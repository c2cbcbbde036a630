-- One-stop port-out (we are the porting-out operator): the single-use code a recipient operator
-- redeems for the reservation its customer confirmed here. Only the code's keyed hash is kept.
CREATE TABLE number_port_out_one_stop_codes (
  code_hash bytea PRIMARY KEY,
  reservation_number text NOT NULL REFERENCES number_ports_out (reservation_number),
  recipient text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
