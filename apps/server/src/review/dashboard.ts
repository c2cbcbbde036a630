import { addDays, todayIn } from "@jitsumei/domain";
import type { Queryable } from "../db/database.ts";
import { AppError } from "../errors.ts";

/**
 * The staff dashboard's figures for a period of days (the operator's time zone, `OPERATOR_TIME_ZONE`,
 * Asia/Tokyo by default; both ends included): applications
 * started per day by channel, the funnel of the applications started in the period (submitted,
 * approved, activated), the decisions taken in the period (approval rate, time from submission to
 * the first decision, the reasons for refusals). Counts only: no personal data.
 */
export type Dashboard = {
  from: string;
  to: string;
  /** The operator's time zone, in which the days above begin and end. */
  timeZone: string;
  perDay: { day: string; channel: string; count: number }[];
  funnel: { started: number; submitted: number; approved: number; activated: number };
  decisions: { approved: number; rejected: number; approvalRate: number | null };
  timeToDecision: { decided: number; medianHours: number | null; p90Hours: number | null };
  rejectionReasons: { reason: string; count: number }[];
};

const MAX_DAYS = 366;
/** The period shown when none is asked for: the last two weeks, today included. */
export const DEFAULT_DAYS = 14;

/**
 * The period asked for, or by default the last DEFAULT_DAYS days up to today in the operator's time
 * zone (never UTC's today: from 15:00 to 24:00 UTC Tokyo is a day ahead).
 */
export function dashboardPeriod(
  asked: { from?: string; to?: string },
  timeZone: string,
  now: Date,
): { from: string; to: string } {
  if ((asked.from === undefined) !== (asked.to === undefined)) {
    const field = asked.from === undefined ? "from" : "to";
    throw AppError.validation([{ field, reason: "is required with the other end of the period (or leave both out)" }]);
  }
  const to = asked.to ?? todayIn(timeZone, now);
  const from = asked.from ?? addDays(to, -(DEFAULT_DAYS - 1));
  if (to < from) throw AppError.validation([{ field: "to", reason: "must not be before from" }]);
  if (addDays(from, MAX_DAYS) <= to) {
    throw AppError.validation([{ field: "to", reason: `must be at most ${MAX_DAYS} days after from` }]);
  }
  return { from, to };
}

/** The value below which `share` of the sorted values lie (nearest rank). */
function percentile(sorted: number[], share: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(share * sorted.length));
  return sorted[rank - 1] ?? null;
}

const oneDecimal = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

export async function getDashboard(
  db: Queryable,
  asked: { from?: string; to?: string },
  timeZone: string,
  now: Date,
): Promise<Dashboard> {
  const { from, to } = dashboardPeriod(asked, timeZone, now);
  // From 00:00 on `from` up to (not including) 00:00 the day after `to`, in the operator's zone.
  const bounds = await db.query<{ start: Date; end: Date }>(
    `SELECT ($1::date::timestamp AT TIME ZONE $3) AS start, (($2::date + 1)::timestamp AT TIME ZONE $3) AS end`,
    [from, to, timeZone],
  );
  const { start, end } = bounds.rows[0] as { start: Date; end: Date };
  const period = [new Date(start).toISOString(), new Date(end).toISOString()];

  const perDay = await db.query<{ day: string; channel: string; count: number }>(
    `SELECT to_char(created_at AT TIME ZONE $3, 'YYYY-MM-DD') AS day, channel, count(*)::int AS count
       FROM applications WHERE created_at >= $1 AND created_at < $2
      GROUP BY 1, 2 ORDER BY 1, 2`,
    [...period, timeZone],
  );

  const funnel = await db.query<{ started: number; submitted: number; approved: number; activated: number }>(
    `SELECT count(*)::int AS started,
            count(*) FILTER (WHERE a.submitted_at IS NOT NULL)::int AS submitted,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM application_events e
                                             WHERE e.application_id = a.id AND e.to_state = 'approved'))::int AS approved,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM application_events e
                                             WHERE e.application_id = a.id AND e.to_state = 'active'))::int AS activated
       FROM applications a WHERE a.created_at >= $1 AND a.created_at < $2`,
    period,
  );

  // Each application's first decision (approved or rejected), when it fell in the period. Only an
  // application with a decision in the period can have its first one there: those are looked at
  // (index application_events_decisions), not every application ever made.
  const decisions = await db.query<{ outcome: string; hours: number | null; reason: string | null }>(
    `SELECT first.to_state AS outcome,
            EXTRACT(EPOCH FROM (first.created_at - a.submitted_at)) / 3600 AS hours,
            CASE WHEN first.event = 'reject' THEN first.data->>'reason'
                 WHEN first.to_state = 'rejected' THEN first.event END AS reason
       FROM (SELECT DISTINCT application_id FROM application_events
              WHERE to_state IN ('approved', 'rejected') AND created_at >= $1 AND created_at < $2) decided
       JOIN applications a ON a.id = decided.application_id
       JOIN LATERAL (SELECT e.to_state, e.event, e.data, e.created_at FROM application_events e
                      WHERE e.application_id = a.id AND e.to_state IN ('approved', 'rejected')
                      ORDER BY e.version LIMIT 1) first ON true
      WHERE first.created_at >= $1 AND first.created_at < $2`,
    period,
  );

  const approved = decisions.rows.filter((d) => d.outcome === "approved").length;
  const rejected = decisions.rows.length - approved;
  const hours = decisions.rows
    .map((d) => (d.hours === null ? null : Number(d.hours)))
    .filter((h): h is number => h !== null)
    .sort((a, b) => a - b);
  const reasons = new Map<string, number>();
  for (const d of decisions.rows) {
    if (d.outcome === "rejected") reasons.set(d.reason ?? "other", (reasons.get(d.reason ?? "other") ?? 0) + 1);
  }
  const counts = funnel.rows[0] ?? { started: 0, submitted: 0, approved: 0, activated: 0 };

  return {
    from,
    to,
    timeZone,
    perDay: perDay.rows.map((r) => ({ day: r.day, channel: r.channel, count: Number(r.count) })),
    funnel: {
      started: Number(counts.started),
      submitted: Number(counts.submitted),
      approved: Number(counts.approved),
      activated: Number(counts.activated),
    },
    decisions: { approved, rejected, approvalRate: approved + rejected > 0 ? approved / (approved + rejected) : null },
    timeToDecision: {
      decided: hours.length,
      medianHours: oneDecimal(percentile(hours, 0.5)),
      p90Hours: oneDecimal(percentile(hours, 0.9)),
    },
    rejectionReasons: [...reasons.entries()]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
      .slice(0, 10),
  };
}
