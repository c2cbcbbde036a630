import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { addCaseNote } from "../review/decide.ts";
import { deleteActivationCode } from "./applicant-access-repository.ts";
import { findApplicationByReference, lockApplication } from "./application-row.ts";
import { clearActivationLock } from "./applications-repository.ts";
import { cipherFor } from "./load-application-data.ts";

/**
 * Lifts the lock that five wrong activation codes put on an application (activate-line.ts), after a
 * person at the operator has heard the applicant out. The count starts again and the last code is
 * void, so the applicant requests a new one: the five guesses it buys go to the contact address on
 * file, not to whoever held the old code. The reason is kept encrypted as a case note (it may name
 * the caller); the audit entry says who unlocked what, when and after how many failures.
 */
export async function unlockActivation(
  deps: { db: Database; keys: KeyManagement },
  input: { reference: string; staffId: string; reason: string },
): Promise<{ reference: string; activationLocked: false }> {
  const found = await findApplicationByReference(deps.db, input.reference);
  if (!found) throw new AppError("application_not_found", `No application ${input.reference}`);
  const cipher = await cipherFor(deps.keys, found);
  await deps.db.transaction(async (tx) => {
    const application = await lockApplication(tx, found.id);
    if (!application) throw new AppError("application_not_found", `No application ${input.reference}`);
    if (!application.activationLockedAt) {
      throw new AppError("activation_not_locked", `Activation of ${application.reference} is not locked`, {
        state: application.state,
      });
    }
    await clearActivationLock(tx, application.id);
    await deleteActivationCode(tx, application.id);
    const noteId = await addCaseNote(tx, cipher, application.id, input.staffId, "activation_unlocked", input.reason);
    await appendAuditEntry(tx, {
      actor: `staff:${input.staffId}`,
      action: "application.activation_unlocked",
      subject: application.reference,
      data: {
        failures: application.activationFailures,
        lockedAt: application.activationLockedAt.toISOString(),
        noteId,
      },
    });
  });
  return { reference: found.reference, activationLocked: false };
}
