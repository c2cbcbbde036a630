import { type ApplicationRow, lockApplication } from "../applications/application-row.ts";
import { applyEvent } from "../applications/apply-event.ts";
import type { Database } from "../db/database.ts";
import { giveBackLine, holdsLine } from "../inventory/release-line.ts";
import { enqueueJob } from "../jobs/jobs.ts";
import { findPlan } from "../plans/plans-repository.ts";
import { assignSimIfAvailable } from "./issue-when-ready.ts";
import type { ActivationRequest, Provisioning } from "./provisioning.ts";
import { insertPendingOperation, recordOperationOutcome } from "./provisioning-operations-repository.ts";
import { CANCEL_ESIM_ORDER_JOB } from "./release-esim.ts";

export type RolledBack = {
  /** The line was given back now (false: a rollback already ran, or the application moved on). */
  lineGivenBack: boolean;
  /** A new line is reserved (false: stock ran out; the application waits in ready_to_issue). */
  newLineReserved: boolean;
};

/**
 * A failed activation, undone fully. The network took the activation and our side did not keep it
 * (the activating transaction failed, or the number's switch-over was refused), so, each step in the
 * operation log:
 * 1. the line is taken off the network again (`terminate`; the activation is logged `rolled_back`);
 * 2. in one transaction with the application's `activation_failed` event: the line is given back
 *    (`release_line`: a number from our pool returns to it, the card is retired or the eSIM profile
 *    released), the eSIM order is queued for cancelling at the SM-DP+ (`cancel_esim_order`, ES2+
 *    CancelOrder, a job so that it is retried until the SM-DP+ answers), and a new line is reserved at
 *    once (a new eSIM profile is ordered and released; a new card is posted), which mails the applicant
 *    again; the `activation_failed` notice says what happened and what comes next.
 * Safe to run twice: a terminated line is not terminated again, a line given back is not given back
 * again, and the event is sent only while the application still waits for activation.
 */
export async function rollBackActivation(
  deps: { db: Database; provisioning: Provisioning; clock: () => Date },
  input: { application: Pick<ApplicationRow, "id">; request: ActivationRequest; networkRef: string; reason: string },
): Promise<RolledBack> {
  await deps.provisioning.rollBackActivation(input.request, input.networkRef, input.reason);
  return deps.db.transaction(async (tx) => {
    const application = await lockApplication(tx, input.application.id);
    const waitsForActivation = application?.state === "sim_assigned" || application?.state === "delivered";
    // Run twice, the line is no longer the application's (a new one was reserved): nothing to undo.
    if (!application || !waitsForActivation || !(await holdsLine(tx, application.id, input.request.iccid))) {
      return { lineGivenBack: false, newLineReserved: false };
    }
    const now = deps.clock();
    let given = false;
    await applyEvent(
      tx,
      {
        applicationId: application.id,
        event: "activation_failed",
        actor: { kind: "system" },
        data: { reason: input.reason },
      },
      async () => {
        const entry = {
          operation: "release_line" as const,
          applicationId: application.id,
          adapter: "inventory",
          key: `release_line:${input.request.iccid}`,
          request: { msisdn: input.request.msisdn, iccid: input.request.iccid },
        };
        // Our own records, so logged in the same transaction as the step itself.
        const logged = await insertPendingOperation(tx, entry);
        const line = await giveBackLine(tx, application.id, input.request.iccid, now);
        await recordOperationOutcome(tx, logged.id, {
          outcome: "succeeded",
          answer: line ? { ...line } : { alreadyGivenBack: true },
          attempts: 1,
        });
        given = line !== null;
        if (line?.formFactor === "esim") {
          await enqueueJob(tx, CANCEL_ESIM_ORDER_JOB, { iccid: line.iccid, applicationId: application.id });
        }
        return { lineGivenBack: given, numberToPool: line?.numberToPool ?? false };
      },
    );
    const waiting = await lockApplication(tx, application.id);
    const plan = waiting ? await findPlan(tx, waiting.planId) : null;
    const newLineReserved = waiting && plan ? await assignSimIfAvailable(tx, waiting, plan) : false;
    return { lineGivenBack: given, newLineReserved };
  });
}
