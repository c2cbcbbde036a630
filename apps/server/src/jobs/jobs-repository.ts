import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { Jobs } from "../db/schema.ts";
import { sqlStatus } from "../db/sql-status.ts";

/**
 * The SQL of the job queue (`jobs`) and of leases (`leases`). jobs.ts runs the queue (claims with a
 * lease, retries with back-off); lease.ts is the door to the leases.
 */

/** A job's statuses: pending (due at run_at) → done, or failed once its attempts are spent. */
export const jobStatuses = ["pending", "done", "failed"] as const;
export type JobStatus = (typeof jobStatuses)[number];

// Literals in the SQL text: the partial index jobs_due (WHERE status = 'pending') serves the claim.
const PENDING = sqlStatus<JobStatus>("pending");
const DONE = sqlStatus<JobStatus>("done");
const FAILED = sqlStatus<JobStatus>("failed");

export async function insertJob(tx: Queryable, kind: string, payload: string, runAt: Date | null): Promise<void> {
  await tx.query("INSERT INTO jobs (kind, payload, run_at) VALUES ($1, $2, coalesce($3::timestamptz, now()))", [
    kind,
    payload,
    runAt,
  ]);
}

export type ClaimedJobRow = Pick<Selectable<Jobs>, "id" | "kind" | "attempts"> & { payload: Record<string, unknown> };

/**
 * Claims the next due job with a lease of five minutes (SKIP LOCKED: workers share the queue), marking
 * `finished` done in the same statement.
 */
export async function claimNextJob(db: Queryable, finished: number | null): Promise<ClaimedJobRow | null> {
  const { rows } = await db.query<ClaimedJobRow>(
    `WITH finished AS (UPDATE jobs SET status = ${DONE}, done_at = now() WHERE id = $1::bigint)
     UPDATE jobs SET attempts = attempts + 1, run_at = now() + interval '5 minutes'
     WHERE id = (SELECT id FROM jobs WHERE status = ${PENDING} AND run_at <= now()
                 ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING id, kind, payload, attempts`,
    [finished],
  );
  return rows[0] ?? null;
}

export async function markJobDone(db: Queryable, id: number): Promise<void> {
  await db.query(`UPDATE jobs SET status = ${DONE}, done_at = now() WHERE id = $1`, [id]);
}

/** A failed run: retried after 2^attempts seconds, or failed for good once `attempts` reaches `maxAttempts`. */
export async function recordJobFailure(
  db: Queryable,
  id: number,
  attempts: number,
  error: string,
  maxAttempts: number,
): Promise<void> {
  await db.query(
    `UPDATE jobs SET last_error = $3, status = CASE WHEN $2::int >= $4::int THEN ${FAILED} ELSE ${PENDING} END,
       run_at = now() + make_interval(secs => power(2, $2::int)::int) WHERE id = $1`,
    [id, attempts, error, maxAttempts],
  );
}

/** Takes or renews the lease; true when `holder` holds it now (see lease.ts). */
export async function upsertLease(db: Queryable, name: string, holder: string, seconds: number): Promise<boolean> {
  const { rows } = await db.query(
    `INSERT INTO leases (name, holder, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))
     ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
       WHERE leases.expires_at <= now() OR leases.holder = EXCLUDED.holder
     RETURNING holder`,
    [name, holder, seconds],
  );
  return rows.length > 0;
}

export async function deleteLease(db: Queryable, name: string, holder: string): Promise<void> {
  await db.query("DELETE FROM leases WHERE name = $1 AND holder = $2", [name, holder]);
}
