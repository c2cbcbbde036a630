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
