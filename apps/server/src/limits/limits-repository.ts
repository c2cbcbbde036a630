import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { RateLimitHits, SignInFailures } from "../db/schema.ts";

/** Rate-limit windows and sign-in failure counts (rate_limit_hits, sign_in_failures): only here. */

/** Counts one hit in the bucket's window; returns the window's total. */
export async function addHit(db: Queryable, bucket: Buffer, windowStart: Date): Promise<number | null> {
  const { rows } = await db.query<Pick<Selectable<RateLimitHits>, "hits">>(
    `INSERT INTO rate_limit_hits (bucket, window_start, hits) VALUES ($1, $2, 1)
     ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_hits.hits + 1
     RETURNING hits`,
    [bucket, windowStart],
  );
  return rows[0]?.hits ?? null;
}

export async function findHits(db: Queryable, bucket: Buffer, windowStart: Date): Promise<number | null> {
  const { rows } = await db.query<Pick<Selectable<RateLimitHits>, "hits">>(
    "SELECT hits FROM rate_limit_hits WHERE bucket = $1 AND window_start = $2",
    [bucket, windowStart],
  );
  return rows[0]?.hits ?? null;
}

/** Deletes windows that started before `before`; returns how many. */
export async function deleteHitsBefore(db: Queryable, before: Date): Promise<number> {
  const { rowCount } = await db.query("DELETE FROM rate_limit_hits WHERE window_start < $1", [before]);
  return rowCount;
}

/** The latest wait still running among the buckets, if any. */
export async function latestWaitUntil(db: Queryable, buckets: Buffer[], now: Date): Promise<Date | null> {
  const { rows } = await db.query<{ wait_until: Selectable<SignInFailures>["wait_until"] | null }>(
    "SELECT max(wait_until) AS wait_until FROM sign_in_failures WHERE bucket = ANY($1) AND wait_until > $2",
    [buckets, now],
  );
  return rows[0]?.wait_until ?? null;
}

export async function deleteFailures(db: Queryable, bucket: Buffer): Promise<void> {
  await db.query("DELETE FROM sign_in_failures WHERE bucket = $1", [bucket]);
}

/** Counts a failure (starting again after `forgetBefore`); returns the bucket's count. */
export async function addFailure(db: Queryable, bucket: Buffer, now: Date, forgetBefore: Date): Promise<number | null> {
  const { rows } = await db.query<Pick<Selectable<SignInFailures>, "failures">>(
    `INSERT INTO sign_in_failures (bucket, failures, last_failure_at, wait_until) VALUES ($1, 1, $2, $2)
     ON CONFLICT (bucket) DO UPDATE SET
       failures = CASE WHEN sign_in_failures.last_failure_at < $3 THEN 1 ELSE sign_in_failures.failures + 1 END,
       last_failure_at = $2
     RETURNING failures`,
    [bucket, now, forgetBefore],
  );
  return rows[0]?.failures ?? null;
}

export async function setWaitUntil(db: Queryable, bucket: Buffer, waitUntil: Date): Promise<void> {
  await db.query("UPDATE sign_in_failures SET wait_until = $2 WHERE bucket = $1", [bucket, waitUntil]);
}

export async function deleteFailuresBefore(db: Queryable, lastFailureBefore: Date, waitBefore: Date): Promise<void> {
  await db.query("DELETE FROM sign_in_failures WHERE last_failure_at < $1 AND wait_until < $2", [
    lastFailureBefore,
    waitBefore,
  ]);
}
