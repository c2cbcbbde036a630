-- One state for a line (issue #23, finding 1). `status` (live or how the contract ended) and
-- `service_state` (what the keep-alive rules let the line do) overlapped and were written from several
-- files; a line suspended after a police request read {status: suspended, service_state: active} and
-- could be neither restored nor ended. Now `state` holds the one state of the domain's line table
-- (packages/domain/src/line/line-lifecycle.ts), written only by the door
-- (apps/server/src/subscribers/transition-line.ts) and checked here; `status` is derived from it by
-- the database, so no writer can make the two disagree.
ALTER TABLE subscriptions ADD COLUMN state text;
UPDATE subscriptions SET state = CASE
  WHEN status IN ('terminated', 'transferred') THEN status
  WHEN status = 'suspended' THEN 'police_suspended'
  ELSE service_state
END;
ALTER TABLE subscriptions ALTER COLUMN state SET NOT NULL;
ALTER TABLE subscriptions ALTER COLUMN state SET DEFAULT 'active';
ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_state_known CHECK (
  state IN ('active', 'receive_only', 'suspended', 'police_suspended', 'terminated', 'transferred')
);
ALTER TABLE subscriptions RENAME COLUMN service_changed_at TO state_changed_at;

DROP INDEX subscriptions_active_msisdn;
DROP INDEX subscriptions_validity;
ALTER TABLE subscriptions DROP COLUMN status;
ALTER TABLE subscriptions DROP COLUMN service_state;
ALTER TABLE subscriptions ADD COLUMN status text NOT NULL GENERATED ALWAYS AS (
  CASE WHEN state IN ('terminated', 'transferred') THEN state ELSE 'active' END
) STORED;
CREATE UNIQUE INDEX subscriptions_active_msisdn ON subscriptions (msisdn) WHERE status = 'active';
CREATE INDEX subscriptions_validity ON subscriptions (valid_until) WHERE status = 'active' AND valid_until IS NOT NULL;

-- Every change of a line's state and the event that led there, as application_events are.
CREATE TABLE subscription_events (
  id bigserial PRIMARY KEY,
  subscription_id uuid NOT NULL REFERENCES subscriptions (id),
  event text NOT NULL,
  from_state text NOT NULL,
  to_state text NOT NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('subscriber', 'staff', 'system')),
  actor_id text,
  data jsonb NOT NULL DEFAULT '{}',
  at timestamptz NOT NULL
);
CREATE INDEX subscription_events_line ON subscription_events (subscription_id, id);
