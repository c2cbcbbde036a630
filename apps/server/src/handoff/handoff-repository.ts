import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { Applications, HandoffTokens } from "../db/schema.ts";
import type { HandoffPurpose } from "./handoff-tokens.ts";

/** Hand-off codes from one device to another (handoff_tokens): read and written only here. */

export async function countHandoffsSince(db: Queryable, applicationId: string, since: Date): Promise<number> {
  const { rows } = await db.query<{ n: string | number }>(
    "SELECT count(*) AS n FROM handoff_tokens WHERE application_id = $1 AND created_at > $2",
    [applicationId, since],
  );
  return Number(rows[0]?.n ?? 0);
}

export async function insertHandoff(
  tx: Queryable,
  h: { tokenHash: Buffer; applicationId: string; purpose: HandoffPurpose; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO handoff_tokens (token_hash, application_id, purpose, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5)`,
    [h.tokenHash, h.applicationId, h.purpose, h.createdAt, h.expiresAt],
  );
}

export type LockedHandoff = Pick<Selectable<HandoffTokens>, "application_id" | "expires_at" | "used_at"> &
  Pick<Selectable<Applications>, "reference" | "purged_at"> & { purpose: HandoffPurpose };

/** The code (locked) with its application's reference and purge time. */
export async function lockHandoff(tx: Queryable, tokenHash: Buffer): Promise<LockedHandoff | null> {
  const { rows } = await tx.query<LockedHandoff>(
    `SELECT h.application_id, h.purpose, h.expires_at, h.used_at, a.reference, a.purged_at
           FROM handoff_tokens h JOIN applications a ON a.id = h.application_id
           WHERE h.token_hash = $1 FOR UPDATE OF h`,
    [tokenHash],
  );
  return rows[0] ?? null;
}

export async function markHandoffUsed(tx: Queryable, tokenHash: Buffer, at: Date): Promise<void> {
  await tx.query("UPDATE handoff_tokens SET used_at = $2 WHERE token_hash = $1", [tokenHash, at]);
}
