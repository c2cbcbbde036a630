import { randomUUID } from "node:crypto";
import type { ApplicationRow } from "../applications/application-row.ts";
import type { Queryable } from "../db/database.ts";

/**
 * The line an activation creates: number, ICCID (SIM card or eSIM profile), plan and start date. Its
 * life after activation (validity, top-ups, suspension, termination) belongs to the subscription.
 */
export async function createSubscription(
  tx: Queryable,
  input: { application: ApplicationRow; msisdn: string; iccid: string; networkRef: string; startedAt: Date },
): Promise<string> {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO subscriptions (id, application_id, plan_id, msisdn, iccid, form_factor, network_ref, started_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      id,
      input.application.id,
      input.application.planId,
      input.msisdn,
      input.iccid,
      input.application.formFactor,
      input.networkRef,
      input.startedAt,
    ],
  );
  return id;
}
