import { createHash, randomUUID } from "node:crypto";
import { type ApplicationRow, lockEditable } from "../applications/application-row.ts";
import { loadApplicantDetails } from "../applications/load-application-data.ts";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import { AppError } from "../errors.ts";
import { jpkiSigningPayload } from "../evidence/jpki-payload.ts";
import type { Services } from "../services.ts";
import { DigitalAuthError } from "./digital-auth-app.ts";
import { insertSession } from "./digital-auth-repository.ts";
import { newState, sessionSecrets } from "./session-secrets.ts";

/** How long the applicant has to come back from the app. */
export const DIGITAL_AUTH_SESSION_MINUTES = 10;

/**
 * Starts a JPKI signature through the Digital Authentication App: what is signed is the application's
 * own payload (its reference and the particulars as entered, jpki-payload.ts), registered as a sign
 * transaction by its SHA-256; the answer is the app's authorization URL for the applicant's browser.
 */
export async function startDigitalAuth(
  services: Pick<Services, "db" | "keys" | "clock" | "digitalAuth">,
  application: ApplicationRow,
): Promise<{ authorizationUrl: string; expiresAt: string }> {
  const app = services.digitalAuth;
  if (!app) {
    throw new AppError("digital_auth_unavailable", "This server is not registered with the Digital Authentication App");
  }
  const { particulars } = await loadApplicantDetails(services.keys, application);
  if (!particulars) {
    throw new AppError("application_incomplete", "Give the particulars first: the JPKI signature is over them", {
      errors: [{ field: "applicant", reason: "particulars are required before a JPKI signature" }],
    });
  }
  const payload = jpkiSigningPayload(application.reference, particulars);
  const hash = createHash("sha256").update(payload).digest();
  let transactionId: string;
  try {
    ({ transactionId } = await app.startSignature(hash));
  } catch (error) {
    if (error instanceof DigitalAuthError) throw new AppError("digital_auth_failed", error.message);
    throw error;
  }
  const state = newState();
  const secrets = sessionSecrets(services.keys, state);
  const expiresAt = new Date(services.clock().getTime() + DIGITAL_AUTH_SESSION_MINUTES * 60_000);
  await services.db.transaction(async (tx) => {
    await lockEditable(tx, application.id, "a signature can no longer be added");
    await insertSession(tx, {
      id: randomUUID(),
      applicationId: application.id,
      stateHash: secrets.stateHash,
      transactionId,
      expiresAt,
    });
    await appendAuditEntry(tx, {
      actor: "applicant",
      action: "application.digital_auth_started",
      subject: application.reference,
      data: { transactionId },
    });
  });
  return {
    authorizationUrl: app.authorizationUrl({
      transactionId,
      state,
      nonce: secrets.nonce,
      codeChallenge: secrets.codeChallenge,
    }),
    expiresAt: expiresAt.toISOString(),
  };
}
