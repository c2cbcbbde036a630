import { addDays, todayIn } from "@jitsumei/domain";
import type { Database, Queryable } from "../db/database.ts";
import { AppError } from "../errors.ts";
import {
  countCreatedPerDay,
  countFunnel,
  listFirstDecisions,
  lockRollupSources,
  periodBounds,
  rebuildRollup,
  selectRollupDays,
  selectRollupDecisionDays,
  selectRollupZone,
} from "./dashboard-repository.ts";

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

/** The same, of values given as how many times each occurs (sorted by value). */
function percentileOfCounts(counted: [number, number][], total: number, share: number): number | null {
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(share * total));
  let seen = 0;
  for (const [value, count] of counted) {
    seen += count;
    if (seen >= rank) return value;
  }
  return null;
}

const oneDecimal = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

const topReasons = (reasons: Map<string, number>) =>
  [...reasons.entries()]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
    .slice(0, 10);

/**
 * The figures of the period. Read from the roll-up of migration 0049 (a row a day) when it counts the
 * days of `timeZone`, counted from the applications and their events otherwise; `source` asks for one
 * (the tests compare both, which give the same figures).
 */
export async function getDashboard(
  db: Queryable,
  asked: { from?: string; to?: string },
  timeZone: string,
  now: Date,
  options: { source?: "rollup" | "counted" } = {},
): Promise<Dashboard> {
  const { from, to } = dashboardPeriod(asked, timeZone, now);
  const source = options.source ?? ((await selectRollupZone(db)) === timeZone ? "rollup" : "counted");
  return source === "rollup" ? fromRollup(db, from, to, timeZone) : counted(db, from, to, timeZone);
}

async function fromRollup(db: Queryable, from: string, to: string, timeZone: string): Promise<Dashboard> {
  const days = await selectRollupDays(db, from, to);
  const funnel = { started: 0, submitted: 0, approved: 0, activated: 0 };
  for (const d of days) {
    funnel.started += Number(d.started);
    funnel.submitted += Number(d.submitted);
    funnel.approved += Number(d.approved);
    funnel.activated += Number(d.activated);
  }
  let approved = 0;
  let rejected = 0;
  const tenths = new Map<number, number>();
  const reasons = new Map<string, number>();
  for (const d of await selectRollupDecisionDays(db, from, to)) {
    approved += Number(d.approved);
    rejected += Number(d.rejected);
    for (const [tenth, n] of Object.entries(d.tenths)) tenths.set(Number(tenth), (tenths.get(Number(tenth)) ?? 0) + n);
    for (const [reason, n] of Object.entries(d.reasons)) reasons.set(reason, (reasons.get(reason) ?? 0) + n);
  }
  const byTenth = [...tenths.entries()].sort((a, b) => a[0] - b[0]);
  const decided = byTenth.reduce((sum, [, n]) => sum + n, 0);
  const hoursAt = (share: number) => {
    const tenth = percentileOfCounts(byTenth, decided, share);
    return tenth === null ? null : tenth / 10;
  };
  return {
    from,
    to,
    timeZone,
    perDay: days
      .filter((d) => Number(d.started) > 0)
      .map((d) => ({ day: d.day, channel: d.channel, count: Number(d.started) })),
    funnel,
    decisions: { approved, rejected, approvalRate: approved + rejected > 0 ? approved / (approved + rejected) : null },
    timeToDecision: { decided, medianHours: hoursAt(0.5), p90Hours: hoursAt(0.9) },
    rejectionReasons: topReasons(reasons),
  };
}

async function counted(db: Queryable, from: string, to: string, timeZone: string): Promise<Dashboard> {
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
    rejectionReasons: topReasons(reasons),
  };
}

/**
 * At a server's start: the roll-up counts the days of `timeZone`, filled again from the tables when
 * it counted another zone's (OPERATOR_TIME_ZONE changed) or none yet (after migration 0049). Answers
 * whether it was filled.
 */
export async function keepDashboardRollup(db: Database, timeZone: string): Promise<boolean> {
  if ((await selectRollupZone(db)) === timeZone) return false;
  return db.transaction(async (tx) => {
    // Another server may have filled it meanwhile: looked at again once the sources are locked.
    await lockRollupSources(tx);
    if ((await selectRollupZone(tx)) === timeZone) return false;
    await rebuildRollup(tx, timeZone);
    return true;
  });
}
