import { applyEvent } from "../applications/apply-event.ts";
import { undoIssuance } from "../applications/end-application.ts";
import type { Config } from "../config/config.ts";
import type { Database } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { deleteCaseClaims, listExpirable } from "./case-repository.ts";

/**
 * Applications nobody completes expire: a draft (or an unsigned contract, an unpaid deposit) after
 * `applicantDeadlineDays` in that state, a correction nobody answered after `correctionDeadlineDays`,
 * a prepaid plan sold online and not paid for after `prepaidPaymentDays` (its konbini slip, if any,
 * is void with it: a late payment is refunded, record-gateway-answer.ts), and a reserved eSIM or a
 * delivered SIM card nobody activates after `activationDeadlineDays`: the line goes back to stock
 * (its number at once, as it never worked) and what was paid is refunded. A physical SIM waiting to
 * be sent waits on the operator, not the applicant, and never expires.
 * Each expiry is an event through the one door (so the applicant is told). Safe to run from several
 * processes at once: a row another run already expired is skipped.
 */
export async function expireStaleApplications(
  deps: { db: Database; clock: () => Date; config: Pick<Config, "review" | "numberQuarantineDays"> },
  options: { limit?: number } = {},
): Promise<{ expired: string[] }> {
  const now = deps.clock();
  const day = 86_400_000;
  const applicantBefore = new Date(now.getTime() - deps.config.review.applicantDeadlineDays * day);
  const correctionBefore = new Date(now.getTime() - deps.config.review.correctionDeadlineDays * day);
  const paymentBefore = new Date(now.getTime() - deps.config.review.prepaidPaymentDays * day);
  const activationBefore = new Date(now.getTime() - deps.config.review.activationDeadlineDays * day);
  const rows = await listExpirable(deps.db, {
    applicantBefore,
    correctionBefore,
    limit: options.limit ?? 500,
    paymentBefore,
    activationBefore,
  });

  const expired: string[] = [];
  for (const row of rows) {
    const days =
      row.state === "correction_requested"
        ? deps.config.review.correctionDeadlineDays
        : row.state === "payment_pending"
          ? deps.config.review.prepaidPaymentDays
          : row.state === "sim_assigned" || row.state === "delivered"
            ? deps.config.review.activationDeadlineDays
            : deps.config.review.applicantDeadlineDays;
    // A number that never worked reached nobody: it needs no quarantine before it is handed out again.
    const neverActive = row.state === "sim_assigned" || row.state === "delivered";
    const deadline = new Date(new Date(row.state_changed_at).getTime() + days * day);
    try {
      await deps.db.transaction(async (tx) => {
        await applyEvent(
          tx,
          {
            applicationId: row.id,
            event: "expire",
            actor: { kind: "system" },
            data: { deadline: deadline.toISOString(), waitedDays: days },
          },
          async () => {
            await undoIssuance(tx, {
              applicationId: row.id,
              now,
              quarantineDays: neverActive ? 0 : deps.config.numberQuarantineDays,
            });
            return undefined;
          },
        );
        // Whatever a reviewer held on it is over.
        await deleteCaseClaims(tx, row.id);
      });
      expired.push(row.reference);
    } catch (error) {
      // Moved on (submitted, cancelled, expired by another run) since it was read: nothing to do.
      if (!(error instanceof AppError && error.code === "transition_not_allowed")) throw error;
    }
  }
  return { expired };
}
