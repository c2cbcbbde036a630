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
 * Claims up to `limit` due jobs in one statement with a lease of five minutes (SKIP LOCKED: workers
 * share the queue), marking the jobs in `finished` done in the same statement. The jobs come back in
 * the order they fell due.
 */
export async function claimDueJobs(
  db: Queryable,
  limit: number,
  finished: readonly number[],
): Promise<ClaimedJobRow[]> {
  const { rows } = await db.query<ClaimedJobRow & { due_at: string | Date }>(
    `WITH finished AS (UPDATE jobs SET status = ${DONE}, done_at = now() WHERE id = ANY($1::bigint[]))
     UPDATE jobs SET attempts = jobs.attempts + 1, run_at = now() + interval '5 minutes'
     FROM (SELECT id, run_at FROM jobs WHERE status = ${PENDING} AND run_at <= now() AND id <> ALL($1::bigint[])
           ORDER BY run_at, id LIMIT $2 FOR UPDATE SKIP LOCKED) due
     WHERE jobs.id = due.id
     RETURNING jobs.id, jobs.kind, jobs.payload, jobs.attempts, due.run_at AS due_at`,
    [finished, limit],
  );
  const at = (row: { due_at: string | Date }) => new Date(row.due_at).getTime();
  return rows
    .sort((a, b) => at(a) - at(b) || Number(a.id) - Number(b.id))
    .map(({ id, kind, payload, attempts }) => ({ id, kind, payload, attempts }));
}

export async function markJobsDone(db: Queryable, ids: readonly number[]): Promise<void> {
  await db.query(`UPDATE jobs SET status = ${DONE}, done_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
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
