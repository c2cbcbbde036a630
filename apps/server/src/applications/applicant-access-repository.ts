import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { ActivationCodes, ApplicantSignInCodes } from "../db/schema.ts";

/**
 * The SQL of the applicant's ways back in and of activation: `applicant_sessions`,
 * `applicant_sign_in_codes`, `activation_codes` (only hashes of tokens and codes are stored).
 */

export async function insertApplicantSession(
  tx: Queryable,
  row: { tokenHash: Buffer; applicationId: string; origin: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO applicant_sessions (token_hash, application_id, origin, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [row.tokenHash, row.applicationId, row.origin, row.createdAt, row.expiresAt],
  );
}

/** The origin of a live session on this application, or null. */
export async function selectLiveSessionOrigin(
  db: Queryable,
  input: { tokenHash: Buffer; applicationId: string; now: Date },
): Promise<string | null> {
  const { rows } = await db.query<{ origin: string }>(
    "SELECT origin FROM applicant_sessions WHERE token_hash = $1 AND application_id = $2 AND expires_at > $3",
    [input.tokenHash, input.applicationId, input.now],
  );
  return rows[0]?.origin ?? null;
}

/** Sign-in codes sent to this contact since `since`. */
export async function countSignInCodesSince(db: Queryable, contactIndex: Buffer, since: Date): Promise<number> {
  const { rows } = await db.query<{ n: string | number }>(
    "SELECT count(*) AS n FROM applicant_sign_in_codes WHERE contact_index = $1 AND created_at > $2",
    [contactIndex, since],
  );
  return Number(rows[0]?.n ?? 0);
}

export async function insertSignInCode(
  tx: Queryable,
  row: {
    id: string;
    applicationId: string;
    channel: string;
    contactIndex: Buffer;
    codeHash: Buffer;
    expiresAt: Date;
    createdAt: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO applicant_sign_in_codes (id, application_id, channel, contact_index, code_hash, expires_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [row.id, row.applicationId, row.channel, row.contactIndex, row.codeHash, row.expiresAt, row.createdAt],
  );
}

export type NewestSignInCode = Pick<
  Selectable<ApplicantSignInCodes>,
  "id" | "application_id" | "code_hash" | "expires_at" | "failures" | "used_at"
> & { reference: string; purged_at: Date | null };

/** The contact's newest code on this channel (of the named application, if one is named), locked. */
export async function selectNewestSignInCodeForUpdate(
  tx: Queryable,
  input: { contactIndex: Buffer; channel: string; reference: string | null },
): Promise<NewestSignInCode | null> {
  const { rows } = await tx.query<NewestSignInCode>(
    `SELECT c.id, c.application_id, a.reference, c.code_hash, c.expires_at, c.failures, c.used_at, a.purged_at
     FROM applicant_sign_in_codes c JOIN applications a ON a.id = c.application_id
     WHERE c.contact_index = $1 AND c.channel = $2 AND ($3::text IS NULL OR a.reference = $3)
     ORDER BY c.created_at DESC LIMIT 1 FOR UPDATE OF c`,
    [input.contactIndex, input.channel, input.reference],
  );
  return rows[0] ?? null;
}

export async function countSignInCodeFailure(tx: Queryable, id: string): Promise<void> {
  await tx.query("UPDATE applicant_sign_in_codes SET failures = failures + 1 WHERE id = $1", [id]);
}

export async function markSignInCodeUsed(tx: Queryable, id: string, at: Date): Promise<void> {
  await tx.query("UPDATE applicant_sign_in_codes SET used_at = $2 WHERE id = $1", [id, at]);
}

/** Issues the application's activation code, replacing an earlier one. */
export async function upsertActivationCode(
  tx: Queryable,
  row: { applicationId: string; codeHash: Buffer; expiresAt: Date; issuedAt: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO activation_codes (application_id, code_hash, expires_at, issued_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (application_id) DO UPDATE SET code_hash = EXCLUDED.code_hash, expires_at = EXCLUDED.expires_at,
       issued_at = EXCLUDED.issued_at`,
    [row.applicationId, row.codeHash, row.expiresAt, row.issuedAt],
  );
}

export async function selectActivationCode(
  tx: Queryable,
  applicationId: string,
): Promise<Pick<Selectable<ActivationCodes>, "code_hash" | "expires_at"> | null> {
  const { rows } = await tx.query<Pick<Selectable<ActivationCodes>, "code_hash" | "expires_at">>(
    "SELECT code_hash, expires_at FROM activation_codes WHERE application_id = $1",
    [applicationId],
  );
  return rows[0] ?? null;
}

export async function deleteActivationCode(tx: Queryable, applicationId: string): Promise<void> {
  await tx.query("DELETE FROM activation_codes WHERE application_id = $1", [applicationId]);
}
