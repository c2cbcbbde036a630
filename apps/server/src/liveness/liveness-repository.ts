import type { Selectable } from "kysely";
import { forgetLockedApplications } from "../applications/applications-repository.ts";
import type { Queryable } from "../db/database.ts";
import type { LivenessChallenges } from "../db/schema.ts";
import type { DocumentPlacement } from "../storage/document-store.ts";

/** Selfie challenges and the frames seen (liveness_challenges, liveness_frames): read and written only here. */

export async function countChallengesSince(db: Queryable, applicationId: string, since: Date): Promise<number> {
  const recent = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM liveness_challenges WHERE application_id = $1 AND issued_at > $2",
    [applicationId, since],
  );
  return recent.rows[0]?.n ?? 0;
}

export async function insertChallenge(
  tx: Queryable,
  c: { id: string; applicationId: string; nonceHash: Buffer; steps: unknown; issuedAt: Date; expiresAt: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO liveness_challenges (id, application_id, nonce_hash, steps, issued_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
    [c.id, c.applicationId, c.nonceHash, JSON.stringify(c.steps), c.issuedAt, c.expiresAt],
  );
}

export type ChallengeRow = Pick<
  Selectable<LivenessChallenges>,
  "id" | "application_id" | "issued_at" | "expires_at" | "used_at"
> & { steps: unknown };

export async function lockChallengeByNonce(tx: Queryable, nonceHash: Buffer): Promise<ChallengeRow | null> {
  const found = await tx.query<ChallengeRow>(
    "SELECT id, application_id, steps, issued_at, expires_at, used_at FROM liveness_challenges WHERE nonce_hash = $1 FOR UPDATE",
    [nonceHash],
  );
  return found.rows[0] ?? null;
}

export async function markChallengeUsed(tx: Queryable, challengeId: string, at: Date): Promise<void> {
  await tx.query("UPDATE liveness_challenges SET used_at = $2 WHERE id = $1", [challengeId, at]);
}

/** Records a frame's hash; the stored hash when it is new, null when it was seen before. */
export async function insertFrameOnce(
  tx: Queryable,
  sha256: Buffer,
  challengeId: string,
  receivedAt: Date,
): Promise<unknown | null> {
  const inserted = await tx.query<{ sha256: unknown }>(
    "INSERT INTO liveness_frames (sha256, challenge_id, received_at) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING RETURNING sha256",
    [sha256, challengeId, receivedAt],
  );
  return inserted.rows.length > 0 ? inserted.rows[0]?.sha256 : null;
}

export async function recordChallengeOutcome(
  tx: Queryable,
  challengeId: string,
  outcome: string,
  checks: unknown,
): Promise<void> {
  await tx.query("UPDATE liveness_challenges SET outcome = $2, checks = $3 WHERE id = $1", [
    challengeId,
    outcome,
    JSON.stringify(checks),
  ]);
}

/** The selfie kept as evidence: the application's content version moves on, then the evidence row. */
export async function addSelfieEvidence(
  tx: Queryable,
  input: { applicationId: string; evidenceId: string; content: DocumentPlacement },
): Promise<void> {
  forgetLockedApplications(tx);
  await tx.query("UPDATE applications SET content_version = content_version + 1 WHERE id = $1", [input.applicationId]);
  await tx.query(
    "INSERT INTO evidence (id, application_id, kind, content_enc, content_ref) VALUES ($1, $2, $3, $4, $5)",
    [input.evidenceId, input.applicationId, "selfie", input.content.contentEnc, input.content.contentRef],
  );
}
