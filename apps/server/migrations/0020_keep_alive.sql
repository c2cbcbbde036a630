-- Keeping a prepaid number (保号): each prepaid plan carries its rules as data (validity per top-up,
-- maximum validity, receive-only and suspended periods, reminder days; packages/domain keep-alive),
-- a line's service moves active → receive-only / suspended by the sweep and back on a top-up, and
-- reminders before validity ends are sent once each.

ALTER TABLE plans ADD COLUMN keep_alive jsonb;

-- An install seeded before this migration keeps its demo plans: give them the rules a new install's
-- seed gives them (the same figures as keepAliveRuleSets in packages/domain).
UPDATE plans SET keep_alive = '{"id":"60-days-per-top-up-receive-only-360","validityPerTopUpDays":60,"maximumValidityDays":360,"receiveOnlyDays":360,"suspendedDays":0,"reminderDaysBefore":[30,7,1]}'
WHERE id = 'prepaid-voice-sim' AND keep_alive IS NULL;
UPDATE plans SET keep_alive = '{"id":"suspend-after-180-days","validityPerTopUpDays":180,"maximumValidityDays":180,"receiveOnlyDays":0,"suspendedDays":30,"reminderDaysBefore":[30,7,1]}'
WHERE id = 'prepaid-data-esim' AND keep_alive IS NULL;

-- What the network lets a line whose contract is active do. `status` stays the contract's
-- ('active' until 'terminated'), so every query that asks for a live contract is unchanged.
ALTER TABLE subscriptions ADD COLUMN service_state text NOT NULL DEFAULT 'active'
  CHECK (service_state IN ('active', 'receive_only', 'suspended'));
ALTER TABLE subscriptions ADD COLUMN service_changed_at timestamptz;
CREATE INDEX subscriptions_validity ON subscriptions (valid_until) WHERE status = 'active' AND valid_until IS NOT NULL;

-- Lines already live on a plan with rules get the validity their purchase gave them.
UPDATE subscriptions s
SET valid_until = s.started_at + make_interval(days => (p.keep_alive ->> 'validityPerTopUpDays')::int)
FROM plans p
WHERE p.id = s.plan_id AND p.keep_alive IS NOT NULL AND s.valid_until IS NULL AND s.status = 'active';

-- One row per reminder sent: once per line, validity end and threshold, however often the sweep runs.
-- A top-up moves the end, so the next end's reminders are new rows.
CREATE TABLE keep_alive_reminders (
  subscription_id uuid NOT NULL REFERENCES subscriptions (id),
  valid_until timestamptz NOT NULL,
  days_before integer NOT NULL CHECK (days_before > 0),
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (subscription_id, valid_until, days_before)
);
