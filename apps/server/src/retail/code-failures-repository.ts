import type { Queryable } from "../db/database.ts";
import { sqlStatus } from "../db/sql-status.ts";

/** An attempt in flight is kept with the reason 'pending' until its code is judged (then its reason, or deleted). */
type AttemptReason = "pending";
const PENDING = sqlStatus<AttemptReason>("pending");

/** Wrong registration and voucher codes per client (retail_code_failures): read and written only here. */

/** Holds the client's lock until the transaction ends: checking and counting become one step. */
export async function lockClientAttempts(tx: Queryable, client: Buffer): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtextextended(encode($1, 'hex'), 17))", [client]);
}

/** The client's failures (and attempts in flight) since `since`, and when the oldest was. */
export async function countFailuresSince(
  tx: Queryable,
  client: Buffer,
  since: Date,
): Promise<{ n: string | number; oldest: Date | null } | null> {
  const { rows } = await tx.query<{ n: string | number; oldest: Date | null }>(
    "SELECT count(*) AS n, min(created_at) AS oldest FROM retail_code_failures WHERE client_index = $1 AND created_at > $2",
    [client, since],
  );
  return rows[0] ?? null;
}

export async function insertPendingAttempt(tx: Queryable, client: Buffer, now: Date): Promise<string> {
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO retail_code_failures (client_index, reason, created_at) VALUES ($1, ${PENDING}, $2) RETURNING id`,
    [client, now],
  );
  return String(inserted.rows[0]?.id);
}

export async function deletePendingAttempt(db: Queryable, attemptId: string): Promise<void> {
  await db.query(`DELETE FROM retail_code_failures WHERE id = $1 AND reason = ${PENDING}`, [attemptId]);
}

export async function setAttemptReason(tx: Queryable, attemptId: string, reason: string): Promise<void> {
  await tx.query("UPDATE retail_code_failures SET reason = $2 WHERE id = $1", [attemptId, reason]);
}
