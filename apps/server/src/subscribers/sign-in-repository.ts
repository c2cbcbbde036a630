import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { Applications, SubscriberSessions, SubscriberSignInCodes } from "../db/schema.ts";

/** Subscribers' sign-in codes and sessions (subscriber_sign_in_codes, subscriber_sessions): only here. */

export async function countCodesSince(db: Queryable, lineId: string, since: Date): Promise<number> {
  const { rows } = await db.query<{ n: string | number }>(
    "SELECT count(*) AS n FROM subscriber_sign_in_codes WHERE subscription_id = $1 AND created_at > $2",
    [lineId, since],
  );
  return Number(rows[0]?.n ?? 0);
}

export async function insertSignInCode(
  tx: Queryable,
  code: { id: string; lineId: string; codeHash: Buffer; expiresAt: Date; createdAt: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO subscriber_sign_in_codes (id, subscription_id, code_hash, expires_at, created_at)
       VALUES ($1, $2, $3, $4, $5)`,
    [code.id, code.lineId, code.codeHash, code.expiresAt, code.createdAt],
  );
}

export type SignInCodeRow = Pick<
  Selectable<SubscriberSignInCodes>,
  "id" | "code_hash" | "expires_at" | "failures" | "used_at"
>;

/** The line's latest code, locked. */
export async function lockLatestCode(tx: Queryable, lineId: string): Promise<SignInCodeRow | null> {
  const { rows } = await tx.query<SignInCodeRow>(
    `SELECT id, code_hash, expires_at, failures, used_at FROM subscriber_sign_in_codes
       WHERE subscription_id = $1 ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
    [lineId],
  );
  return rows[0] ?? null;
}

export async function countCodeFailure(tx: Queryable, codeId: string): Promise<void> {
  await tx.query("UPDATE subscriber_sign_in_codes SET failures = failures + 1 WHERE id = $1", [codeId]);
}

export async function markCodeUsed(tx: Queryable, codeId: string, at: Date): Promise<void> {
  await tx.query("UPDATE subscriber_sign_in_codes SET used_at = $2 WHERE id = $1", [codeId, at]);
}

export async function insertSession(
  tx: Queryable,
  session: { tokenHash: Buffer; lineId: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await tx.query(
    "INSERT INTO subscriber_sessions (token_hash, subscription_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
    [session.tokenHash, session.lineId, session.createdAt, session.expiresAt],
  );
}

export type SessionRow = Pick<Selectable<SubscriberSessions>, "token_hash" | "subscription_id" | "created_at"> &
  Pick<Selectable<Applications>, "identity_index">;

/** The unexpired session with this token hash, with the identity index of its line's holder. */
export async function findLiveSession(db: Queryable, tokenHash: Buffer, now: Date): Promise<SessionRow | null> {
  const { rows } = await db.query<SessionRow>(
    `SELECT x.token_hash, x.subscription_id, a.identity_index, x.created_at FROM subscriber_sessions x
     JOIN subscriptions s ON s.id = x.subscription_id JOIN applications a ON a.id = s.application_id
     WHERE x.token_hash = $1 AND x.expires_at > $2`,
    [tokenHash, now],
  );
  return rows[0] ?? null;
}
