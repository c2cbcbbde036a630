import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { IdempotencyKeys } from "../db/schema.ts";
import { sqlStatus } from "../db/sql-status.ts";

/** Idempotency keys and the responses kept under them (idempotency_keys): read and written only here. */

/** A key's statuses: in_progress while its first request runs, done once its answer is kept. */
export type IdempotencyStatus = "in_progress" | "done";
const IN_PROGRESS = sqlStatus<IdempotencyStatus>("in_progress");
const DONE = sqlStatus<IdempotencyStatus>("done");

/**
 * Claims the key for this request: a new key, or one whose earlier request was abandoned (in progress
 * for longer than `abandonedAfterSeconds`). False when another request holds or finished it.
 */
export async function claimKey(
  db: Queryable,
  scope: { principal: string; key: string; hash: Buffer },
  abandonedAfterSeconds: number,
): Promise<boolean> {
  const claimed = await db.query(
    `INSERT INTO idempotency_keys (principal, key, request_hash, status) VALUES ($1, $2, $3, ${IN_PROGRESS})
     ON CONFLICT (principal, key) DO UPDATE SET created_at = now(), request_hash = EXCLUDED.request_hash
       WHERE idempotency_keys.status = ${IN_PROGRESS}
         AND idempotency_keys.created_at < now() - make_interval(secs => $4)
     RETURNING key`,
    [scope.principal, scope.key, scope.hash, abandonedAfterSeconds],
  );
  return claimed.rowCount !== 0;
}

export async function releaseKey(db: Queryable, principal: string, key: string): Promise<void> {
  await db.query("DELETE FROM idempotency_keys WHERE principal = $1 AND key = $2", [principal, key]);
}

export async function storeResponse(
  db: Queryable,
  principal: string,
  key: string,
  response: { status: number; sealed: Buffer },
): Promise<void> {
  await db.query(
    `UPDATE idempotency_keys SET status = ${DONE}, response_status = $3, response_enc = $4 WHERE principal = $1 AND key = $2`,
    [principal, key, response.status, response.sealed],
  );
}

export type KeyRow = Pick<Selectable<IdempotencyKeys>, "request_hash" | "status" | "response_enc">;

export async function findKey(db: Queryable, principal: string, key: string): Promise<KeyRow | null> {
  const { rows } = await db.query<KeyRow>(
    "SELECT request_hash, status, response_enc FROM idempotency_keys WHERE principal = $1 AND key = $2",
    [principal, key],
  );
  return rows[0] ?? null;
}
