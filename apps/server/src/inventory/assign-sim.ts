import type { ApplicationRow } from "../applications/application-row.ts";
import type { Queryable } from "../db/database.ts";
import { portedNumberOf } from "../number-portability/port-in-repository.ts";
import { packagedMedium } from "../retail/package-steps.ts";
import { esimActivationCode, type LineType } from "./identifiers.ts";
import {
  deleteReleasedSim,
  type EsimProfileRow,
  insertAssignedSim,
  lockEsimProfile,
  markEsimProfileAssigned,
  markNumberAssigned,
  markSimCardAssigned,
  pickAvailableEsimProfile,
  pickAvailableNumber,
  pickAvailableSimCard,
  selectSimOfApplication,
} from "./inventory-repository.ts";

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
  const msisdn = ported ?? (await pickAvailableNumber(tx, lineType));
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
    await markNumberAssigned(tx, msisdn);
  }
  if (medium.formFactor === "physical") {
    await markSimCardAssigned(tx, medium.iccid);
  } else {
    await markEsimProfileAssigned(tx, medium.esimProfileId);
  }
  // A line given back after a failed activation (release-line.ts, giveBackLine) makes room for this one:
  // its trace stays in the audit chain and the operation log.
  await deleteReleasedSim(tx, application.id);
  await insertAssignedSim(tx, {
    applicationId: application.id,
    iccid: medium.iccid,
    msisdn,
    formFactor: medium.formFactor,
    lineType,
    activationCode: medium.activationCode,
    esimProfileId: medium.esimProfileId,
  });
  return { iccid: medium.iccid, msisdn, formFactor: medium.formFactor, activationCode: medium.activationCode };
}

async function packagedSim(
  tx: Queryable,
  packaged: { iccid: string | null; esimProfileId: number | null },
): Promise<Medium | null> {
  if (packaged.iccid) {
    return { formFactor: "physical", iccid: packaged.iccid, esimProfileId: null, activationCode: null };
  }
  const row = await lockEsimProfile(tx, packaged.esimProfileId);
  return row ? profileMedium(row) : null;
}

async function pickSimCard(tx: Queryable): Promise<Medium | null> {
  const iccid = await pickAvailableSimCard(tx);
  return iccid ? { formFactor: "physical", iccid, esimProfileId: null, activationCode: null } : null;
}

async function pickEsimProfile(tx: Queryable): Promise<Medium | null> {
  const row = await pickAvailableEsimProfile(tx);
  return row ? profileMedium(row) : null;
}

function profileMedium(row: EsimProfileRow): Medium {
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
  const row = await selectSimOfApplication(db, applicationId);
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
