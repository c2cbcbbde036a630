import type { Database, Queryable } from "../db/database.ts";
import { releaseLine } from "../inventory/release-line.ts";
import { selectUnreleasedSim } from "../inventory/sims-repository.ts";
import { CANCEL_ESIM_ORDER_JOB } from "../issuance/release-esim.ts";
import { enqueueJob } from "../jobs/jobs.ts";
import { refundChargesOnCancel } from "../payments/refund-charges.ts";
import { deleteCaseClaims } from "../review/case-repository.ts";
import type { ApplicationRow } from "./application-row.ts";
import { applyEvent } from "./apply-event.ts";

/**
 * What ending an application before its line works undoes, in the transaction of the event that
 * ends it (cancel, expire): its line's number goes into quarantine and its SIM or profile out of use,
 * and any deposit taken is refunded. Each part does nothing when there is nothing to undo.
 */
export async function undoIssuance(
  tx: Queryable,
  input: { applicationId: string; now: Date; quarantineDays: number },
): Promise<{ releasedNumber: string | null; refunds: number }> {
  const esim = await selectUnreleasedSim(tx, input.applicationId);
  const released = await releaseLine(tx, input.applicationId, {
    now: input.now,
    quarantineDays: input.quarantineDays,
  });
  // An eSIM profile's order is cancelled at the SM-DP+ after commit.
  if (released && esim?.form_factor === "esim") await enqueueJob(tx, CANCEL_ESIM_ORDER_JOB, { iccid: esim.iccid });
  const refunds = await refundChargesOnCancel(tx, input.applicationId);
  return { releasedNumber: released?.msisdn ?? null, refunds: refunds.length };
}

/** The applicant withdraws (or the operator cancels) an application that has no working line yet. */
export async function cancelApplication(
  deps: { db: Database; clock: () => Date; config: { numberQuarantineDays: number } },
  application: ApplicationRow,
  actor: { kind: "applicant" | "staff"; id?: string },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await applyEvent(tx, { applicationId: application.id, event: "cancel", actor }, async () => {
      const undone = await undoIssuance(tx, {
        applicationId: application.id,
        now: deps.clock(),
        quarantineDays: deps.config.numberQuarantineDays,
      });
      return { lineReleased: undone.releasedNumber !== null, refundsQueued: undone.refunds };
    });
    await deleteCaseClaims(tx, application.id);
  });
}
