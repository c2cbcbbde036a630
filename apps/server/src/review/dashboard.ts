import type { Queryable } from "../db/database.ts";
import { AppError } from "../errors.ts";

/**
 * The staff dashboard's figures for a period of days (Japan time, both ends included): applications
 * started per day by channel, the funnel of the applications started in the period (submitted,
 * approved, activated), the decisions taken in the period (approval rate, time from submission to
 * the first decision, the reasons for refusals). Counts only: no personal data.
 */
export type Dashboard = {
  from: string;
  to: string;
  perDay: { day: string; channel: string; count: number }[];
  funnel: { started: number; submitted: number; approved: number; activated: number };
  decisions: { approved: number; rejected: number; approvalRate: number | null };
  timeToDecision: { decided: number; medianHours: number | null; p90Hours: number | null };
  rejectionReasons: { reason: string; count: number }[];
};

const MAX_DAYS = 366;
const DAY_MS = 86_400_000;

/** The period as instants: from 00:00 JST on `from` up to (not including) 00:00 JST the day after `to`. */
export function dashboardPeriod(from: string, to: string): { start: Date; end: Date } {
  const start = new Date(`${from}T00:00:00+09:00`);
  const end = new Date(new Date(`${to}T00:00:00+09:00`).getTime() + DAY_MS);
  if (end <= start) throw AppError.validation([{ field: "to", reason: "must not be before from" }]);
  if ((end.getTime() - start.getTime()) / DAY_MS > MAX_DAYS) {
    throw AppError.validation([{ field: "to", reason: `must be at most ${MAX_DAYS} days after from` }]);
  }
  return { start, end };
}

/** The value below which `share` of the sorted values lie (nearest rank). */
function percentile(sorted: number[], share: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(share * sorted.length));
  return sorted[rank - 1] ?? null;
}

const oneDecimal = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

export async function getDashboard(db: Queryable, from: string, to: string): Promise<Dashboard> {
  const { start, end } = dashboardPeriod(from, to);
  const period = [start.toISOString(), end.toISOString()];

  const perDay = await db.query<{ day: string; channel: string; count: number }>(
    `SELECT to_char(created_at AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD') AS day, channel, count(*)::int AS count
       FROM applications WHERE created_at >= $1 AND created_at < $2
      GROUP BY 1, 2 ORDER BY 1, 2`,
    period,
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

  // Each application's first decision (approved or rejected), when it fell in the period.
  const decisions = await db.query<{ outcome: string; hours: number | null; reason: string | null }>(
    `SELECT first.to_state AS outcome,
            EXTRACT(EPOCH FROM (first.created_at - a.submitted_at)) / 3600 AS hours,
            CASE WHEN first.event = 'reject' THEN first.data->>'reason'
                 WHEN first.to_state = 'rejected' THEN first.event END AS reason
       FROM applications a
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
