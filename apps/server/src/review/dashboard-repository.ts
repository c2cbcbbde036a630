import type { ApplicationEvent, ApplicationState } from "@jitsumei/domain";
import type { Queryable } from "../db/database.ts";
import { sqlStatus, sqlStatuses } from "../db/sql-status.ts";

/** The SQL of the operations dashboard: counts over applications and their events in a period. */

// Literals in the SQL text: the partial index application_events_decisions (WHERE to_state IN
// ('approved', 'rejected')) serves the decisions' reads.
const APPROVED = sqlStatus<ApplicationState>("approved");
const REJECTED = sqlStatus<ApplicationState>("rejected");
const ACTIVE = sqlStatus<ApplicationState>("active");
const DECIDED = sqlStatuses<ApplicationState>("approved", "rejected");
const REJECT = sqlStatus<ApplicationEvent>("reject");

/** The period's bounds: 00:00 on `from` up to 00:00 the day after `to`, in `timeZone`. */
export async function periodBounds(
  db: Queryable,
  from: string,
  to: string,
  timeZone: string,
): Promise<{ start: Date; end: Date }> {
  const bounds = await db.query<{ start: Date; end: Date }>(
    `SELECT ($1::date::timestamp AT TIME ZONE $3) AS start, (($2::date + 1)::timestamp AT TIME ZONE $3) AS end`,
    [from, to, timeZone],
  );
  return bounds.rows[0] as { start: Date; end: Date };
}

export async function countCreatedPerDay(
  db: Queryable,
  period: readonly string[],
  timeZone: string,
): Promise<{ day: string; channel: string; count: number }[]> {
  const perDay = await db.query<{ day: string; channel: string; count: number }>(
    `SELECT to_char(created_at AT TIME ZONE $3, 'YYYY-MM-DD') AS day, channel, count(*)::int AS count
       FROM applications WHERE created_at >= $1 AND created_at < $2
      GROUP BY 1, 2 ORDER BY 1, 2`,
    [...period, timeZone],
  );
  return perDay.rows;
}

export async function countFunnel(
  db: Queryable,
  period: readonly string[],
): Promise<{ started: number; submitted: number; approved: number; activated: number } | null> {
  const funnel = await db.query<{ started: number; submitted: number; approved: number; activated: number }>(
    `SELECT count(*)::int AS started,
            count(*) FILTER (WHERE a.submitted_at IS NOT NULL)::int AS submitted,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM application_events e
                                             WHERE e.application_id = a.id AND e.to_state = ${APPROVED}))::int AS approved,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM application_events e
                                             WHERE e.application_id = a.id AND e.to_state = ${ACTIVE}))::int AS activated
       FROM applications a WHERE a.created_at >= $1 AND a.created_at < $2`,
    period,
  );
  return funnel.rows[0] ?? null;
}

/**
 * Each application's first decision (approved or rejected), when it fell in the period. Only an
 * application with a decision in the period can have its first one there: those are looked at
 * (index application_events_decisions), not every application ever made.
 */
export async function listFirstDecisions(
  db: Queryable,
  period: readonly string[],
): Promise<{ outcome: string; hours: number | null; reason: string | null }[]> {
  const decisions = await db.query<{ outcome: string; hours: number | null; reason: string | null }>(
    `SELECT first.to_state AS outcome,
            EXTRACT(EPOCH FROM (first.created_at - a.submitted_at)) / 3600 AS hours,
            CASE WHEN first.event = ${REJECT} THEN first.data->>'reason'
                 WHEN first.to_state = ${REJECTED} THEN first.event END AS reason
       FROM (SELECT DISTINCT application_id FROM application_events
              WHERE to_state IN (${DECIDED}) AND created_at >= $1 AND created_at < $2) decided
       JOIN applications a ON a.id = decided.application_id
       JOIN LATERAL (SELECT e.to_state, e.event, e.data, e.created_at FROM application_events e
                      WHERE e.application_id = a.id AND e.to_state IN (${DECIDED})
                      ORDER BY e.version LIMIT 1) first ON true
      WHERE first.created_at >= $1 AND first.created_at < $2`,
    period,
  );
  return decisions.rows;
}

/*
 * The roll-up of migration 0049: counts per day of one time zone, kept by triggers at COMMIT, so that
 * a period reads one row a day (and channel) however many applications its days saw.
 */

/** The time zone whose days the roll-up counts, or null before it was first filled. */
export async function selectRollupZone(db: Queryable): Promise<string | null> {
  const { rows } = await db.query<{ time_zone: string }>("SELECT time_zone FROM dashboard_rollup_zone");
  return rows[0]?.time_zone ?? null;
}

/**
 * Waits for the transactions writing applications or events to commit (their triggers count in the
 * zone they read) and holds new ones back, and another rebuild, until the caller's transaction ends.
 */
export async function lockRollupSources(tx: Queryable): Promise<void> {
  await tx.query("LOCK TABLE applications, application_events IN SHARE ROW EXCLUSIVE MODE");
}

/**
 * Counts everything again in `timeZone`'s days and makes it the roll-up's zone, in the caller's
 * transaction (its sources locked first).
 */
export async function rebuildRollup(tx: Queryable, timeZone: string): Promise<void> {
  await lockRollupSources(tx);
  await tx.query("DELETE FROM dashboard_days");
  await tx.query("DELETE FROM dashboard_decision_days");
  await tx.query(
    `INSERT INTO dashboard_rollup_zone (only_row, time_zone) VALUES (true, $1)
     ON CONFLICT (only_row) DO UPDATE SET time_zone = EXCLUDED.time_zone`,
    [timeZone],
  );
  await tx.query(
    `INSERT INTO dashboard_days (day, channel, started, submitted, approved, activated)
     SELECT (a.created_at AT TIME ZONE $1)::date, a.channel, count(*),
            count(*) FILTER (WHERE a.submitted_at IS NOT NULL),
            count(*) FILTER (WHERE ap.application_id IS NOT NULL),
            count(*) FILTER (WHERE ac.application_id IS NOT NULL)
       FROM applications a
       LEFT JOIN (SELECT DISTINCT application_id FROM application_events WHERE to_state = ${APPROVED}) ap
         ON ap.application_id = a.id
       LEFT JOIN (SELECT DISTINCT application_id FROM application_events WHERE to_state = ${ACTIVE}) ac
         ON ac.application_id = a.id
      GROUP BY 1, 2`,
    [timeZone],
  );
  await tx.query(
    `WITH first AS (
       SELECT DISTINCT ON (e.application_id) e.application_id, e.to_state, e.event, e.data, e.created_at
         FROM application_events e WHERE e.to_state IN (${DECIDED})
        ORDER BY e.application_id, e.version),
     decided AS (
       SELECT (f.created_at AT TIME ZONE $1)::date AS day, f.to_state,
              floor(EXTRACT(EPOCH FROM (f.created_at - a.submitted_at)) / 360 + 0.5)::bigint::text AS tenth,
              CASE WHEN f.to_state <> ${REJECTED} THEN NULL
                   WHEN f.event = ${REJECT} THEN coalesce(f.data->>'reason', 'other') ELSE f.event END AS reason
         FROM first f JOIN applications a ON a.id = f.application_id),
     counts AS (
       SELECT day, count(*) FILTER (WHERE to_state = ${APPROVED}) AS approved,
              count(*) FILTER (WHERE to_state = ${REJECTED}) AS rejected
         FROM decided GROUP BY day),
     tenths AS (
       SELECT day, jsonb_object_agg(tenth, n) AS tenths
         FROM (SELECT day, tenth, count(*) AS n FROM decided WHERE tenth IS NOT NULL GROUP BY 1, 2) x GROUP BY day),
     reasons AS (
       SELECT day, jsonb_object_agg(reason, n) AS reasons
         FROM (SELECT day, reason, count(*) AS n FROM decided WHERE reason IS NOT NULL GROUP BY 1, 2) y GROUP BY day)
     INSERT INTO dashboard_decision_days (day, approved, rejected, tenths, reasons)
     SELECT c.day, c.approved, c.rejected, coalesce(t.tenths, '{}'), coalesce(r.reasons, '{}')
       FROM counts c LEFT JOIN tenths t ON t.day = c.day LEFT JOIN reasons r ON r.day = c.day`,
    [timeZone],
  );
}

/** Applications started per day and channel from the roll-up, days `from` to `to` included. */
export async function selectRollupDays(
  db: Queryable,
  from: string,
  to: string,
): Promise<
  { day: string; channel: string; started: number; submitted: number; approved: number; activated: number }[]
> {
  const { rows } = await db.query<{
    day: string;
    channel: string;
    started: number;
    submitted: number;
    approved: number;
    activated: number;
  }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, channel, started, submitted, approved, activated
       FROM dashboard_days WHERE day >= $1::date AND day <= $2::date ORDER BY day, channel`,
    [from, to],
  );
  return rows;
}

/** The first decisions of the days `from` to `to` from the roll-up, a row a day. */
export async function selectRollupDecisionDays(
  db: Queryable,
  from: string,
  to: string,
): Promise<{ approved: number; rejected: number; tenths: Record<string, number>; reasons: Record<string, number> }[]> {
  const { rows } = await db.query<{
    approved: number;
    rejected: number;
    tenths: Record<string, number>;
    reasons: Record<string, number>;
  }>(
    `SELECT approved, rejected, tenths, reasons FROM dashboard_decision_days
      WHERE day >= $1::date AND day <= $2::date`,
    [from, to],
  );
  return rows;
}
