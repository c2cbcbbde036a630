import { type ApplicationState, isCoveredByLaw, type Plan } from "@jitsumei/domain";
import { type ApplicationRow, purchaseDue } from "../applications/application-row.ts";
import { applyEvent } from "../applications/apply-event.ts";
import type { Queryable } from "../db/database.ts";
import { reserveSim } from "../inventory/assign-sim.ts";
import { findPlan } from "../plans/plans-repository.ts";
import { queueEsimRelease } from "./release-esim.ts";

/**
 * A postpaid application that is signed (and paid where a deposit was due), or a prepaid one whose
 * price was paid online, gets its SIM or eSIM at once, in the same transaction; when stock has run
 * out it waits in ready_to_issue.
 */
export async function issueWhenReady(tx: Queryable, application: ApplicationRow): Promise<boolean> {
  if (application.state !== "ready_to_issue") return false;
  const plan = await findPlan(tx, application.planId);
  return plan ? assignSimIfAvailable(tx, application, plan) : false;
}

/**
 * The step after a prepaid approval, in the approving transaction: a plan sold online asks for its
 * price first (payment_pending: nothing is reserved until it is paid, so an unpaid application holds
 * no stock); one paid at a till gets its SIM now, or waits approved when stock has run out.
 */
export async function issueApprovedPrepaid(tx: Queryable, application: ApplicationRow): Promise<ApplicationState> {
  if (purchaseDue(application)) {
    const requested = await applyEvent(tx, {
      applicationId: application.id,
      event: "request_payment",
      actor: { kind: "system" },
      data: { amountJpy: application.planPriceJpy },
    });
    return requested.to;
  }
  const plan = await findPlan(tx, application.planId);
  return plan && (await assignSimIfAvailable(tx, application, plan)) ? "sim_assigned" : application.state;
}

/** Reserves a SIM and records the step; when stock has run out the application waits, approved. */
export async function assignSimIfAvailable(tx: Queryable, application: ApplicationRow, plan: Plan): Promise<boolean> {
  const lineType = isCoveredByLaw(plan) ? "voice" : "data";
  let reserved = false;
  try {
    await applyEvent(
      tx,
      { applicationId: application.id, event: "assign_sim", actor: { kind: "system" } },
      async () => {
        const sim = await reserveSim(tx, application, lineType);
        if (!sim) throw new NoStock();
        reserved = true;
        if (sim.formFactor === "esim") await queueEsimRelease(tx, application.id);
        return { iccid: sim.iccid, formFactor: sim.formFactor };
      },
    );
  } catch (error) {
    if (!(error instanceof NoStock)) throw error;
  }
  return reserved;
}

class NoStock extends Error {}
