import { randomUUID } from "node:crypto";
import { validityAfterTopUp } from "@jitsumei/domain";
import type { ApplicationRow } from "../applications/application-row.ts";
import type { Queryable } from "../db/database.ts";
import { findPlan } from "../plans/plans-repository.ts";
import { insertSubscription } from "./subscriptions-repository.ts";

/**
 * The line an activation creates: number, ICCID (SIM card or eSIM profile), plan and start date. Its
 * life after activation (validity, top-ups, suspension, termination) belongs to the subscription. A
 * prepaid plan with keep-alive rules counts the purchase as the first top-up: the line is valid from
 * its start for the rules' days.
 */
export async function createSubscription(
  tx: Queryable,
  input: { application: ApplicationRow; msisdn: string; iccid: string; networkRef: string; startedAt: Date },
): Promise<string> {
  const id = randomUUID();
  const plan = await findPlan(tx, input.application.planId);
  const validUntil = plan?.keepAlive ? validityAfterTopUp(plan.keepAlive, null, input.startedAt) : null;
  await insertSubscription(tx, {
    id,
    applicationId: input.application.id,
    planId: input.application.planId,
    msisdn: input.msisdn,
    iccid: input.iccid,
    formFactor: input.application.formFactor,
    networkRef: input.networkRef,
    startedAt: input.startedAt,
    validUntil,
  });
  return id;
}
