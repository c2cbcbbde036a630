import type { Queryable } from "../db/database.ts";

/** Active Authentication challenges (active_authentication_challenges): read and written only here. */

export async function countChipChallengesSince(db: Queryable, applicationId: string, since: Date): Promise<number> {
  const { rows } = await db.query<{ n: string | number }>(
    "SELECT count(*) AS n FROM active_authentication_challenges WHERE application_id = $1 AND created_at > $2",
    [applicationId, since],
  );
  return Number(rows[0]?.n ?? 0);
}

export async function insertChipChallenge(
  tx: Queryable,
  c: { challenge: Buffer; applicationId: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO active_authentication_challenges (challenge, application_id, created_at, expires_at)
       VALUES ($1, $2, $3, $4)`,
    [c.challenge, c.applicationId, c.createdAt, c.expiresAt],
  );
}

export type ChallengeUse = "fresh" | "unknown" | "used" | "expired";

/**
 * Uses the challenge up, once: `fresh` only for the first use of a challenge issued for this
 * application that has not expired. One statement, so two uploads racing with one challenge get one
 * `fresh` between them.
 */
export async function useChipChallenge(
  db: Queryable,
  applicationId: string,
  challenge: Buffer,
  at: Date,
): Promise<ChallengeUse> {
  const { rows } = await db.query<{ used: boolean; expired: boolean }>(
    `WITH found AS (
       SELECT challenge, used_at IS NOT NULL AS used, expires_at <= $3 AS expired
         FROM active_authentication_challenges
         WHERE challenge = $2 AND application_id = $1
         FOR UPDATE
     ), taken AS (
       UPDATE active_authentication_challenges c SET used_at = $3
         FROM found WHERE c.challenge = found.challenge AND NOT found.used
     )
     SELECT used, expired FROM found`,
    [applicationId, challenge, at],
  );
  const row = rows[0];
  if (!row) return "unknown";
  if (row.used) return "used";
  return row.expired ? "expired" : "fresh";
}
