-- eSIM profiles are released for download through the SM-DP+'s ES2+ interface after assignment.
-- esim_released_at: when the SM-DP+ confirmed the order (the profile can be downloaded from then on).
ALTER TABLE sims ADD COLUMN esim_released_at timestamptz;

-- The local SM-DP+ simulator's own state: what a real SM-DP+ keeps behind ES2+ (an order allocated,
-- confirmed, released, downloaded or cancelled; the confirmation code only as a hash).
CREATE TABLE smdp_simulator_orders (
  iccid text PRIMARY KEY,
  matching_id text,
  state text NOT NULL CHECK (state IN ('allocated', 'confirmed', 'released', 'downloaded', 'cancelled')),
  confirmation_code_hash bytea,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX smdp_simulator_orders_matching ON smdp_simulator_orders (matching_id);
