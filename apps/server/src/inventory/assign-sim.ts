import type { ApplicationRow } from "../applications/application-row.ts";
import type { Queryable } from "../db/database.ts";
import { portedNumberOf } from "../number-portability/port-in-repository.ts";
import { packagedMedium } from "../retail/package-steps.ts";
import { esimActivationCode, type LineType } from "./identifiers.ts";

export type AssignedSim = {
  iccid: string;
  msisdn: string;
  formFactor: "physical" | "esim";
  activationCode: string | null;
};

type Medium =
  | { formFactor: "physical"; iccid: string; esimProfileId: null; activationCode: null }
  | { formFactor: "esim"; iccid: string; esimProfileId: number; activationCode: string };

/**
 * Reserves a line for the application in the caller's transaction: a phone number of the line type
 * with a SIM card or an eSIM profile, as the application asked. Null when either pool is empty.
 *
 * Both rows are picked with FOR UPDATE SKIP LOCKED, so concurrent reservations take different rows
 * without waiting for each other, and always number first, then card or profile, so they never wait
 * in a cycle. Nothing is written until both are found: a reservation that finds no stock leaves the
 * pools as they were (the caller's transaction goes on and commits). The line's primary key
 * (application_id) makes a second line for one application impossible; the unique indexes on the
 * line's number and ICCID are the last guard against handing one out twice. An application that
 * brings its number (port-in) takes that number, not one from the pool. An application whose first
 * line was given back after a failed activation gets a new one here.
 */
export async function reserveSim(
  tx: Queryable,
  application: Pick<ApplicationRow, "id" | "formFactor">,
  lineType: LineType,
): Promise<AssignedSim | null> {
  const ported = await portedNumberOf(tx, application.id);
  const number = ported
    ? null
    : await tx.query<{ msisdn: string }>(
        `SELECT msisdn FROM phone_numbers WHERE status = 'available' AND line_type = $1
         ORDER BY msisdn LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [lineType],
      );
  const msisdn = ported ?? number?.rows[0]?.msisdn;
  if (!msisdn) return null;
  // A retail package brought its own card or profile (taken out of stock when the batch was made).
  const packaged = await packagedMedium(tx, application.id);
  const medium = packaged
    ? await packagedSim(tx, packaged)
    : application.formFactor === "physical"
      ? await pickSimCard(tx)
      : await pickEsimProfile(tx);
  if (!medium) return null;

  if (!ported) {
    await tx.query("UPDATE phone_numbers SET status = 'assigned', changed_at = now() WHERE msisdn = $1", [msisdn]);
  }
  if (medium.formFactor === "physical") {
    await tx.query("UPDATE sim_cards SET status = 'assigned', changed_at = now() WHERE iccid = $1", [medium.iccid]);
  } else {
    await tx.query("UPDATE esim_profiles SET status = 'assigned', changed_at = now() WHERE id = $1", [
      medium.esimProfileId,
    ]);
  }
  // A line given back after a failed activation (release-line.ts, giveBackLine) makes room for this one:
  // its trace stays in the audit chain and the operation log.
  await tx.query("DELETE FROM sims WHERE application_id = $1 AND status = 'released'", [application.id]);
  await tx.query(
    `INSERT INTO sims (application_id, iccid, msisdn, form_factor, line_type, activation_code, esim_profile_id,
                       status, assigned_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'assigned', now())`,
    [application.id, medium.iccid, msisdn, medium.formFactor, lineType, medium.activationCode, medium.esimProfileId],
  );
  return { iccid: medium.iccid, msisdn, formFactor: medium.formFactor, activationCode: medium.activationCode };
}

async function packagedSim(
  tx: Queryable,
  packaged: { iccid: string | null; esimProfileId: number | null },
): Promise<Medium | null> {
  if (packaged.iccid) {
    return { formFactor: "physical", iccid: packaged.iccid, esimProfileId: null, activationCode: null };
  }
  const { rows } = await tx.query<{
    id: number | string;
    iccid: string;
    smdp_address: string;
    matching_id: string;
    confirmation_code_required: boolean;
  }>(
    "SELECT id, iccid, smdp_address, matching_id, confirmation_code_required FROM esim_profiles WHERE id = $1 FOR UPDATE",
    [packaged.esimProfileId],
  );
  const row = rows[0];
  return row ? profileMedium(row) : null;
}

async function pickSimCard(tx: Queryable): Promise<Medium | null> {
  const { rows } = await tx.query<{ iccid: string }>(
    "SELECT iccid FROM sim_cards WHERE status = 'available' ORDER BY iccid LIMIT 1 FOR UPDATE SKIP LOCKED",
  );
  const row = rows[0];
  return row ? { formFactor: "physical", iccid: row.iccid, esimProfileId: null, activationCode: null } : null;
}

async function pickEsimProfile(tx: Queryable): Promise<Medium | null> {
  const { rows } = await tx.query<{
    id: number | string;
    iccid: string;
    smdp_address: string;
    matching_id: string;
    confirmation_code_required: boolean;
  }>(
    `SELECT id, iccid, smdp_address, matching_id, confirmation_code_required FROM esim_profiles
     WHERE status = 'available' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`,
  );
  const row = rows[0];
  return row ? profileMedium(row) : null;
}

function profileMedium(row: {
  id: number | string;
  iccid: string;
  smdp_address: string;
  matching_id: string;
  confirmation_code_required: boolean;
}): Medium {
  return {
    formFactor: "esim",
    iccid: row.iccid,
    esimProfileId: Number(row.id),
    activationCode: esimActivationCode({
      smdpAddress: row.smdp_address,
      matchingId: row.matching_id,
      confirmationCodeRequired: row.confirmation_code_required,
    }),
  };
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
