import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { LivenessStep } from "@jitsumei/evidence";
import type { ApplicationRow } from "../applications/application-row.ts";
import { lockEditable } from "../applications/application-row.ts";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { Database } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { countChallengesSince, insertChallenge } from "./liveness-repository.ts";
import type { LivenessServices } from "./liveness-services.ts";

export type IssuedChallenge = {
  challengeId: string;
  /** 256 random bits, base64url: returned once, kept only as its SHA-256. */
  nonce: string;
  steps: LivenessStep[];
  issuedAt: string;
  expiresAt: string;
};

/** Challenges one application may ask for in an hour: enough for honest retries, not for probing. */
const perHour = 20;

export const nonceHash = (nonce: string) => createHash("sha256").update(nonce, "utf8").digest();

/**
 * Issues an active liveness challenge for a selfie: `look_straight` and three random actions, a nonce
 * and a short expiry. Only while the application can take evidence.
 */
export async function issueLivenessChallenge(
  deps: { db: Database; clock: () => Date; liveness: LivenessServices },
  application: ApplicationRow,
): Promise<IssuedChallenge> {
  const now = deps.clock();
  const nonce = randomBytes(32).toString("base64url");
  const steps = deps.liveness.drawSteps();
  const challengeId = randomUUID();
  const expiresAt = new Date(now.getTime() + deps.liveness.ttlMs);
  await deps.db.transaction(async (tx) => {
    await lockEditable(tx, application.id, "a selfie can no longer be taken");
    if ((await countChallengesSince(tx, application.id, new Date(now.getTime() - 3600_000))) >= perHour)
      throw new AppError("rate_limited", `At most ${perHour} selfie challenges an hour: try again later`);
    await insertChallenge(tx, {
      id: challengeId,
      applicationId: application.id,
      nonceHash: nonceHash(nonce),
      steps,
      issuedAt: now,
      expiresAt,
    });
    await appendAuditEntry(tx, {
      actor: "applicant",
      action: "application.liveness_challenge_issued",
      subject: application.reference,
      data: { challengeId, steps },
    });
  });
  return { challengeId, nonce, steps, issuedAt: now.toISOString(), expiresAt: expiresAt.toISOString() };
}
