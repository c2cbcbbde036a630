-- eSIM orders through a real SM-DP+ (GSMA SGP.22 v2.5 ES2+). Each step of the order is committed on
-- its own (a real SM-DP+ is not rolled back with our transaction): a retried job skips the steps that
-- are done. esim_matching_id: the matching ID the SM-DP+ generated on a re-download (the inventory's
-- one before that). The SM-DP+ reports the phone's download through HandleDownloadProgressInfo:
-- every report is kept (esim_download_events), and the line's latest state on sims.
ALTER TABLE sims ADD COLUMN esim_ordered_at timestamptz;
ALTER TABLE sims ADD COLUMN esim_confirmed_at timestamptz;
ALTER TABLE sims ADD COLUMN esim_matching_id text;
ALTER TABLE sims ADD COLUMN esim_reissues integer NOT NULL DEFAULT 0;
ALTER TABLE sims ADD COLUMN esim_state text
  CHECK (esim_state IN ('downloaded', 'installed', 'enabled', 'disabled', 'deleted', 'failed'));
ALTER TABLE sims ADD COLUMN esim_state_at timestamptz;
-- The EID (eUICC identifier) of the phone the profile went onto: a device identifier, like the ICCID.
ALTER TABLE sims ADD COLUMN esim_eid text;
-- Lines ordered before this migration were released in one step: they count as ordered and confirmed.
UPDATE sims SET esim_ordered_at = esim_released_at, esim_confirmed_at = esim_released_at
  WHERE esim_released_at IS NOT NULL;

CREATE TABLE esim_download_events (
  id bigserial PRIMARY KEY,
  iccid text NOT NULL,
  -- SGP.22 §5.3.5: 1 eligibility and retry limit check, 2 confirmation failure, 3 bound profile
  -- package download, 4 installation; 101-104 the eUICC's install/enable/disable/delete notification.
  notification_point_id integer NOT NULL,
  status text NOT NULL CHECK (status IN ('Executed-Success', 'Executed-WithWarning', 'Failed', 'Expired')),
  subject_code text,
  reason_code text,
  eid text,
  -- The SM-DP+'s own identifier for its call: a report sent twice is recorded once.
  function_call_id text NOT NULL,
  occurred_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (function_call_id, iccid)
);
CREATE INDEX esim_download_events_iccid ON esim_download_events (iccid, id);

-- The simulator keeps the orders a re-download cancelled back to 'available' as a real SM-DP+ does.
ALTER TABLE smdp_simulator_orders DROP CONSTRAINT smdp_simulator_orders_state_check;
ALTER TABLE smdp_simulator_orders ADD CONSTRAINT smdp_simulator_orders_state_check
  CHECK (state IN ('allocated', 'confirmed', 'released', 'downloaded', 'cancelled', 'available'));
