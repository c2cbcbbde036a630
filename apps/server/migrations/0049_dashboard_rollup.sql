-- The staff dashboard's figures as a roll-up (issue #24, growth at 1 000 000 applications): counted
-- over the applications of the period they grew with the operator (25 times from 10 000 to 100 000
-- applications for the last two weeks); read from counts per day they read 14 rows whatever the size.
--
-- Days are days of one time zone, the operator's (OPERATOR_TIME_ZONE), kept in dashboard_rollup_zone.
-- The server fills the roll-up at start when the zone there is not its own (or is missing, as after
-- this migration: review/dashboard.ts, keepDashboardRollup), and the dashboard counts directly while
-- the zones differ. The counts are kept by the triggers below, deferred to COMMIT: every writer of
-- applications and events is counted (the one door, creation, submission, a test's or an import's
-- INSERT), and the counters' rows are locked only while a transaction commits (the audit head's lock
-- is held then already), not from a submission's first statement to its last.
CREATE TABLE dashboard_rollup_zone (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  time_zone text NOT NULL
);

-- Applications started on a day (of the zone) by channel, and how many of those were since submitted,
-- approved (at least once) and activated (at least once): the funnel of the applications started in a
-- period, and its applications per day.
CREATE TABLE dashboard_days (
  day date NOT NULL,
  channel text NOT NULL,
  started integer NOT NULL DEFAULT 0,
  submitted integer NOT NULL DEFAULT 0,
  approved integer NOT NULL DEFAULT 0,
  activated integer NOT NULL DEFAULT 0,
  PRIMARY KEY (day, channel)
);

-- Applications whose first decision (approved or rejected) fell on a day: how many each way, the
-- time from submission to that decision in tenths of an hour (rounded as the dashboard shows it:
-- its median and 90th percentile are then exactly those of the hours themselves), and the reasons of
-- the refusals. One row a day, so that a period reads one row a day however busy the days were.
CREATE TABLE dashboard_decision_days (
  day date PRIMARY KEY,
  approved integer NOT NULL DEFAULT 0,
  rejected integer NOT NULL DEFAULT 0,
  -- {"<tenths of an hour>": how many}
  tenths jsonb NOT NULL DEFAULT '{}',
  -- {"<reason>": how many}
  reasons jsonb NOT NULL DEFAULT '{}'
);

-- The day of an instant in the roll-up's zone; NULL while the roll-up has no zone (nothing is counted
-- then: the server's start fills it from the tables).
CREATE FUNCTION dashboard_day_of(instant timestamptz) RETURNS date LANGUAGE sql STABLE AS $$
  SELECT (instant AT TIME ZONE z.time_zone)::date FROM dashboard_rollup_zone z
$$;

CREATE FUNCTION dashboard_count_application() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  d date := dashboard_day_of(NEW.created_at);
BEGIN
  IF d IS NULL THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO dashboard_days AS t (day, channel, started, submitted)
      VALUES (d, NEW.channel, 1, CASE WHEN NEW.submitted_at IS NULL THEN 0 ELSE 1 END)
      ON CONFLICT (day, channel) DO UPDATE SET started = t.started + 1, submitted = t.submitted + EXCLUDED.submitted;
  ELSE
    -- Fired only when submitted_at went from NULL to a time or back.
    INSERT INTO dashboard_days AS t (day, channel, submitted)
      VALUES (d, NEW.channel, CASE WHEN NEW.submitted_at IS NULL THEN -1 ELSE 1 END)
      ON CONFLICT (day, channel) DO UPDATE SET submitted = t.submitted + EXCLUDED.submitted;
  END IF;
  RETURN NULL;
END;
$$;

CREATE FUNCTION dashboard_count_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  a record;
  d date;
  tenth text;
  reason text;
BEGIN
  SELECT created_at, channel, submitted_at INTO a FROM applications WHERE id = NEW.application_id;
  -- The first approval and the first activation count for the funnel of the day the application started.
  IF NEW.to_state IN ('approved', 'active') AND NOT EXISTS (
      SELECT 1 FROM application_events e
       WHERE e.application_id = NEW.application_id AND e.to_state = NEW.to_state AND e.version < NEW.version) THEN
    d := dashboard_day_of(a.created_at);
    IF d IS NOT NULL THEN
      INSERT INTO dashboard_days AS t (day, channel, approved, activated)
        VALUES (d, a.channel, (NEW.to_state = 'approved')::int, (NEW.to_state = 'active')::int)
        ON CONFLICT (day, channel) DO UPDATE
          SET approved = t.approved + EXCLUDED.approved, activated = t.activated + EXCLUDED.activated;
    END IF;
  END IF;
  -- The first decision counts on its own day.
  IF NEW.to_state IN ('approved', 'rejected') AND NOT EXISTS (
      SELECT 1 FROM application_events e
       WHERE e.application_id = NEW.application_id AND e.to_state IN ('approved', 'rejected')
         AND e.version < NEW.version) THEN
    d := dashboard_day_of(NEW.created_at);
    IF d IS NOT NULL THEN
      -- Rounded half up, as the dashboard rounds (JavaScript's Math.round).
      tenth := floor(EXTRACT(EPOCH FROM (NEW.created_at - a.submitted_at)) / 360 + 0.5)::bigint::text;
      reason := CASE WHEN NEW.to_state <> 'rejected' THEN NULL
                     WHEN NEW.event = 'reject' THEN coalesce(NEW.data->>'reason', 'other')
                     ELSE NEW.event END;
      INSERT INTO dashboard_decision_days AS t (day, approved, rejected, tenths, reasons)
        VALUES (d, (NEW.to_state = 'approved')::int, (NEW.to_state = 'rejected')::int,
                CASE WHEN tenth IS NULL THEN '{}'::jsonb ELSE jsonb_build_object(tenth, 1) END,
                CASE WHEN reason IS NULL THEN '{}'::jsonb ELSE jsonb_build_object(reason, 1) END)
        ON CONFLICT (day) DO UPDATE SET
          approved = t.approved + EXCLUDED.approved,
          rejected = t.rejected + EXCLUDED.rejected,
          tenths = CASE WHEN tenth IS NULL THEN t.tenths
                        ELSE t.tenths || jsonb_build_object(tenth, coalesce((t.tenths->>tenth)::int, 0) + 1) END,
          reasons = CASE WHEN reason IS NULL THEN t.reasons
                         ELSE t.reasons || jsonb_build_object(reason, coalesce((t.reasons->>reason)::int, 0) + 1) END;
    END IF;
  END IF;
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER dashboard_count_application AFTER INSERT ON applications
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dashboard_count_application();
CREATE CONSTRAINT TRIGGER dashboard_count_submission AFTER UPDATE OF submitted_at ON applications
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD.submitted_at IS NULL) <> (NEW.submitted_at IS NULL))
  EXECUTE FUNCTION dashboard_count_application();
CREATE CONSTRAINT TRIGGER dashboard_count_event AFTER INSERT ON application_events
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (NEW.to_state IN ('approved', 'rejected', 'active'))
  EXECUTE FUNCTION dashboard_count_event();
