import { randomUUID } from "node:crypto";
import { validityAfterTopUp } from "@jitsumei/domain";
import type { ApplicationRow } from "../applications/application-row.ts";
import type { Queryable } from "../db/database.ts";
import { findPlan } from "../plans/plans-repository.ts";

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
  await tx.query(
    `INSERT INTO subscriptions (id, application_id, plan_id, msisdn, iccid, form_factor, network_ref, started_at, valid_until)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      id,
      input.application.id,
      input.application.planId,
      input.msisdn,
      input.iccid,
      input.application.formFactor,
      input.networkRef,
      input.startedAt,
      validUntil,
    ],
  );
  return id;
}
