import { randomBytes } from "node:crypto";
import type { Queryable } from "../db/database.ts";
import { insertApplicantSession, selectLiveSessionOrigin } from "./applicant-access-repository.ts";
import { hashToken } from "./secrets.ts";

/** Where a session other than the access token came from: a hand-off, or a sign-in by a code sent to the contact. */
export type ApplicantSessionOrigin =
  | "handoff:chip_reader"
  | "handoff:continue_on_phone"
  | "sign_in:email_code"
  | "sign_in:sms_code";

const SESSION_PREFIX = "jas_";

/**
 * Opens a bearer session on one application, in the caller's transaction: 256 random bits, only its
 * SHA-256 stored. It opens the application's routes exactly as the access token does, until it expires.
 */
export async function openApplicantSession(
  tx: Queryable,
  input: { applicationId: string; origin: ApplicantSessionOrigin; now: Date; ttlMs: number },
): Promise<{ token: string; expiresAt: Date }> {
  const token = `${SESSION_PREFIX}${randomBytes(32).toString("base64url")}`;
  const expiresAt = new Date(input.now.getTime() + input.ttlMs);
  await insertApplicantSession(tx, {
    tokenHash: hashToken(token),
    applicationId: input.applicationId,
    origin: input.origin,
    createdAt: input.now,
    expiresAt,
  });
  return { token, expiresAt };
}

/** Where the live session `token` on this application came from, or null (not one, another's, expired). */
export async function liveSession(
  db: Queryable,
  applicationId: string,
  token: string,
  now: Date,
): Promise<ApplicantSessionOrigin | null> {
  if (!token.startsWith(SESSION_PREFIX)) return null;
  const origin = await selectLiveSessionOrigin(db, { tokenHash: hashToken(token), applicationId, now });
  return origin as ApplicantSessionOrigin | null;
}
