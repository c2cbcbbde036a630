import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { DigitalAuthSessions } from "../db/schema.ts";

/** Sessions with the Digital Authentication App (digital_auth_sessions): read and written only here. */

export async function insertSession(
  tx: Queryable,
  s: { id: string; applicationId: string; stateHash: Buffer; transactionId: string; expiresAt: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO digital_auth_sessions (id, application_id, state_hash, transaction_id, expires_at)
       VALUES ($1, $2, $3, $4, $5)`,
    [s.id, s.applicationId, s.stateHash, s.transactionId, s.expiresAt],
  );
}

export type UsedSession = Pick<
  Selectable<DigitalAuthSessions>,
  "id" | "application_id" | "transaction_id" | "expires_at"
>;

/** Marks the session with this state used, once; null when there is none or it was used. */
export async function useSession(db: Queryable, stateHash: Buffer, at: Date): Promise<UsedSession | null> {
  const { rows } = await db.query<UsedSession>(
    `UPDATE digital_auth_sessions SET used_at = $2 WHERE state_hash = $1 AND used_at IS NULL
     RETURNING id, application_id, transaction_id, expires_at`,
    [stateHash, at],
  );
  return rows[0] ?? null;
}

export async function setSessionOutcome(tx: Queryable, sessionId: string, outcome: string): Promise<void> {
  await tx.query("UPDATE digital_auth_sessions SET outcome = $2 WHERE id = $1", [sessionId, outcome]);
}

export async function latestSession(
  db: Queryable,
  applicationId: string,
): Promise<Pick<Selectable<DigitalAuthSessions>, "outcome" | "created_at"> | null> {
  const { rows } = await db.query<Pick<Selectable<DigitalAuthSessions>, "outcome" | "created_at">>(
    "SELECT outcome, created_at FROM digital_auth_sessions WHERE application_id = $1 ORDER BY created_at DESC LIMIT 1",
    [applicationId],
  );
  return rows[0] ?? null;
}
