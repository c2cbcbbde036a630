import type { Service, ValidityState } from "@jitsumei/domain";
import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { Plans, Subscriptions } from "../db/schema.ts";
import { sqlStatus } from "../db/sql-status.ts";
import type { JobStatus } from "../jobs/jobs-repository.ts";

/** What the keep-alive sweep reads and records (lines by validity, plans' rules, reminders sent). */

const JOB_PENDING = sqlStatus<JobStatus>("pending");

/** Queues the periodic sweep unless one is pending already. */
export async function insertPeriodicSweepJob(db: Queryable, kind: string): Promise<void> {
  await db.query(
    `INSERT INTO jobs (kind, payload) SELECT $1, '{}'::jsonb
     WHERE NOT EXISTS (SELECT 1 FROM jobs WHERE kind = $1 AND status = ${JOB_PENDING} AND payload = '{}'::jsonb)`,
    [kind],
  );
}

/**
 * Lines of these plans in these states with a validity, by validity: those due within `horizon`, and
 * every one not in `restingState` (their service may have to come back). One line when `subscriptionId`.
 */
export async function selectLinesToSweep(
  db: Queryable,
  input: {
    planIds: string[];
    subscriptionId: string | null;
    horizon: Date;
    states: readonly string[];
    restingState: string;
  },
): Promise<{ id: string; application_id: string }[]> {
  const { rows } = await db.query<{ id: string; application_id: string }>(
    `SELECT s.id, s.application_id FROM subscriptions s
     WHERE s.state = ANY($4::text[]) AND s.valid_until IS NOT NULL AND s.plan_id = ANY($1::text[])
       AND ($2::uuid IS NULL OR s.id = $2)
       AND (s.valid_until <= $3 OR s.state <> $5)
     ORDER BY s.valid_until, s.id`,
    [input.planIds, input.subscriptionId, input.horizon, input.states, input.restingState],
  );
  return rows;
}

export async function selectPlansWithKeepAlive(db: Queryable): Promise<Pick<Selectable<Plans>, "id" | "keep_alive">[]> {
  const { rows } = await db.query<Pick<Selectable<Plans>, "id" | "keep_alive">>(
    "SELECT id, keep_alive FROM plans WHERE keep_alive IS NOT NULL",
  );
  return rows;
}

/** A swept line with its plan's services; `service_state` is the line's state. */
export type SweptLineRow = Pick<
  Selectable<Subscriptions>,
  "id" | "application_id" | "plan_id" | "msisdn" | "network_ref"
> & {
  /** Not null: the sweep only locks lines with a validity. */
  valid_until: NonNullable<Selectable<Subscriptions>["valid_until"]>;
  service_state: Exclude<ValidityState, "terminated">;
  services: Service[];
};

/** The line, locked, while it is in one of these states with a validity; else null. */
export async function lockSweptLine(
  tx: Queryable,
  subscriptionId: string,
  states: readonly string[],
): Promise<SweptLineRow | null> {
  const { rows } = await tx.query<SweptLineRow>(
    `SELECT s.id, s.application_id, s.plan_id, s.msisdn, s.network_ref, s.valid_until, s.state AS service_state,
            p.services
     FROM subscriptions s JOIN plans p ON p.id = s.plan_id
     WHERE s.id = $1 AND s.state = ANY($2::text[]) AND s.valid_until IS NOT NULL FOR UPDATE OF s`,
    [subscriptionId, states],
  );
  return rows[0] ?? null;
}

/** Records the reminder once per line, validity and day count; false when it was sent before. */
export async function insertReminderOnce(
  tx: Queryable,
  r: { subscriptionId: string; validUntil: Date; daysBefore: number; sentAt: Date },
): Promise<boolean> {
  const inserted = await tx.query(
    `INSERT INTO keep_alive_reminders (subscription_id, valid_until, days_before, sent_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING RETURNING days_before`,
    [r.subscriptionId, r.validUntil, r.daysBefore, r.sentAt],
  );
  return inserted.rows.length > 0;
}
