import type { Queryable } from "../db/database.ts";

/** The SQL of the line an activation creates (`subscriptions`); subscriptions.ts decides its values. */
export async function insertSubscription(
  tx: Queryable,
  line: {
    id: string;
    applicationId: string;
    planId: string;
    msisdn: string;
    iccid: string;
    formFactor: string;
    networkRef: string;
    startedAt: Date;
    validUntil: Date | null;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO subscriptions (id, application_id, plan_id, msisdn, iccid, form_factor, network_ref, started_at, valid_until)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      line.id,
      line.applicationId,
      line.planId,
      line.msisdn,
      line.iccid,
      line.formFactor,
      line.networkRef,
      line.startedAt,
      line.validUntil,
    ],
  );
}
