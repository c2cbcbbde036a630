import { addDays, todayIn } from "@jitsumei/domain";
import type { Queryable } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { countCreatedPerDay, countFunnel, listFirstDecisions, periodBounds } from "./dashboard-repository.ts";

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
  const { start, end } = await periodBounds(db, from, to, timeZone);
  const period = [new Date(start).toISOString(), new Date(end).toISOString()];

  const perDay = await countCreatedPerDay(db, period, timeZone);

  const funnel = await countFunnel(db, period);

  // Each application's first decision (approved or rejected), when it fell in the period. Only an
  // application with a decision in the period can have its first one there: those are looked at
  // (index application_events_decisions), not every application ever made.
  const decisions = await listFirstDecisions(db, period);

  const approved = decisions.filter((d) => d.outcome === "approved").length;
  const rejected = decisions.length - approved;
  const hours = decisions
    .map((d) => (d.hours === null ? null : Number(d.hours)))
    .filter((h): h is number => h !== null)
    .sort((a, b) => a - b);
  const reasons = new Map<string, number>();
  for (const d of decisions) {
    if (d.outcome === "rejected") reasons.set(d.reason ?? "other", (reasons.get(d.reason ?? "other") ?? 0) + 1);
  }
  const counts = funnel ?? { started: 0, submitted: 0, approved: 0, activated: 0 };

  return {
    from,
    to,
    timeZone,
    perDay: perDay.map((r) => ({ day: r.day, channel: r.channel, count: Number(r.count) })),
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
