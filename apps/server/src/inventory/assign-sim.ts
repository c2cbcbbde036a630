import type { ApplicationRow } from "../applications/application-row.ts";
import type { Queryable } from "../db/database.ts";

export type AssignedSim = {
  iccid: string;
  msisdn: string;
  formFactor: "physical" | "esim";
  activationCode: string | null;
};

/**
 * Reserves one available SIM (or eSIM profile) of the right kind for the application, in the
 * caller's transaction. SKIP LOCKED lets concurrent assignments take different rows; the unique
 * application_id makes a second SIM for the same application impossible. Null when none is left.
 */
export async function reserveSim(
  tx: Queryable,
  application: Pick<ApplicationRow, "id" | "formFactor">,
  lineType: "voice" | "data",
): Promise<AssignedSim | null> {
  const { rows } = await tx.query<{
    iccid: string;
    msisdn: string;
    form_factor: "physical" | "esim";
    activation_code: string | null;
  }>(
    `UPDATE sims SET status = 'assigned', application_id = $1, assigned_at = now()
     WHERE iccid = (
       SELECT iccid FROM sims WHERE status = 'available' AND form_factor = $2 AND line_type = $3
       ORDER BY iccid LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING iccid, msisdn, form_factor, activation_code`,
    [application.id, application.formFactor, lineType],
  );
  const row = rows[0];
  return row
    ? { iccid: row.iccid, msisdn: row.msisdn, formFactor: row.form_factor, activationCode: row.activation_code }
    : null;
}

export async function findAssignedSim(db: Queryable, applicationId: string) {
  const { rows } = await db.query<{
    iccid: string;
    msisdn: string;
    form_factor: "physical" | "esim";
    activation_code: string | null;
    status: string;
  }>("SELECT iccid, msisdn, form_factor, activation_code, status FROM sims WHERE application_id = $1", [applicationId]);
  const row = rows[0];
  return row
    ? {
        iccid: row.iccid,
        msisdn: row.msisdn,
        formFactor: row.form_factor,
        activationCode: row.activation_code,
        status: row.status,
      }
    : null;
}
