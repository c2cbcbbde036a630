import { acceptsEvent } from "@jitsumei/domain";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { queueMail } from "../mail/outbox.ts";
import { renderMail } from "../mail/templates.ts";
import { upsertActivationCode } from "./applicant-access-repository.ts";
import { type ApplicationRow, lockApplication } from "./application-row.ts";
import { loadApplicantDetails } from "./load-application-data.ts";
import { newActivationCode } from "./secrets.ts";

export const MAX_ACTIVATION_FAILURES = 5;

export function activationCodeHash(keys: KeyManagement, applicationId: string, code: string): Buffer {
  // Keyed: a six-digit code hashed without a secret would fall to a 10^6 search of a database copy.
  return keys.blindIndex("activation-code", `${applicationId}:${code}`);
}

/**
 * Issues a fresh one-time code (replacing any earlier one) and mails it to the application's
 * contact address. The failure count is not reset: a new code buys no more guesses.
 */
export async function requestActivationCode(
  deps: { db: Database; keys: KeyManagement; clock: () => Date; ttlMinutes: number; mailFrom: string },
  application: ApplicationRow,
): Promise<{ expiresAt: string; sentTo: string }> {
  const { contact } = await loadApplicantDetails(deps.keys, application);
  const code = newActivationCode();
  const expiresAt = new Date(deps.clock().getTime() + deps.ttlMinutes * 60_000);
  await deps.db.transaction(async (tx) => {
    const locked = await lockApplication(tx, application.id);
    if (!locked) throw new AppError("application_not_found", "No such application");
    assertActivatable(locked);
    await upsertActivationCode(tx, {
      applicationId: application.id,
      codeHash: activationCodeHash(deps.keys, application.id, code),
      expiresAt,
      issuedAt: deps.clock(),
    });
    const mail = renderMail("activation_code", application.language, {
      code,
      reference: application.reference,
      minutes: deps.ttlMinutes,
    });
    await queueMail(tx, deps.keys, {
      language: application.language,
      ...mail,
      to: contact.email,
      from: deps.mailFrom,
      applicationId: application.id,
      template: "activation_code",
    });
    await appendAuditEntry(tx, {
      actor: "applicant",
      action: "application.activation_code_issued",
      subject: application.reference,
      data: { channel: "email", expiresAt: expiresAt.toISOString() },
    });
  });
  return { expiresAt: expiresAt.toISOString(), sentTo: maskEmail(contact.email) };
}

export function assertActivatable(application: ApplicationRow): void {
  if (application.activationLockedAt) {
    throw new AppError(
      "activation_locked",
      `Activation of ${application.reference} is locked after ${MAX_ACTIVATION_FAILURES} wrong codes: contact support to unlock it`,
    );
  }
  // A physical SIM sent by post is activated once it arrived; a returned parcel failed the check. (At a
  // counter or from a retail package the SIM is already in the applicant's hand.)
  if (
    application.formFactor === "physical" &&
    application.state === "sim_assigned" &&
    (application.channel === "online" || application.channel === "post")
  ) {
    throw new AppError(
      "activation_not_ready",
      `The SIM of ${application.reference} has not been delivered yet: activate it once it arrives`,
      { state: application.state },
    );
  }
  if (!acceptsEvent(application.state, "activate")) {
    throw new AppError(
      "activation_not_ready",
      `The application is ${application.state}: there is no SIM to activate yet`,
      {
        state: application.state,
      },
    );
  }
}

/** "a***e@example.com": enough for the applicant to recognise the address, not enough to harvest it. */
export function maskEmail(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  const shown =
    local.length <= 2 ? `${local[0] ?? ""}*` : `${local[0]}${"*".repeat(Math.min(local.length - 2, 5))}${local.at(-1)}`;
  return `${shown}@${domain}`;
}
