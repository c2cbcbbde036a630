import type { Queryable } from "../db/database.ts";
import {
  holdsAssignedSim,
  quarantineNumber,
  releaseAssignedSim,
  releaseEsimProfile,
  releaseSimOfApplication,
  retireSimCard,
  returnAssignedNumber,
  returnNumbersOutOfQuarantine,
} from "./inventory-repository.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

export type ReleasedLine = { msisdn: string; quarantinedUntil: Date };

/**
 * Ends an application's line (cancelled before use, or terminated), in the caller's transaction:
 * the number goes into quarantine until `now + quarantineDays` (calls and messages meant for its last
 * holder must stop reaching someone new), a physical SIM card is retired (it may be in a drawer or in
 * the post: never handed out again) and an eSIM profile is released to the SM-DP+. Null when the
 * application holds no line, or its line was already released: running this twice changes nothing.
 */
export async function releaseLine(
  tx: Queryable,
  applicationId: string,
  options: { now: Date; quarantineDays: number },
): Promise<ReleasedLine | null> {
  if (!Number.isInteger(options.quarantineDays) || options.quarantineDays < 0) {
    throw new RangeError(`quarantineDays must be a whole number of days, not ${options.quarantineDays}`);
  }
  const line = await releaseSimOfApplication(tx, applicationId, options.now);
  if (!line) return null;
  const quarantinedUntil = new Date(options.now.getTime() + options.quarantineDays * DAY_MS);
  await quarantineNumber(tx, line.msisdn, quarantinedUntil, options.now);
  if (line.form_factor === "physical") {
    await retireSimCard(tx, line.iccid, options.now);
  } else if (line.esim_profile_id !== null) {
    await releaseEsimProfile(tx, line.esim_profile_id, options.now);
  }
  return { msisdn: line.msisdn, quarantinedUntil };
}

/**
 * Numbers whose quarantine is over go back to the pool. The server runs this periodically; a number
 * is returned once (the update is its own guard), so two servers running it at once do no harm.
 */
export async function returnQuarantinedNumbers(db: Queryable, now: Date): Promise<{ returned: number }> {
  return { returned: await returnNumbersOutOfQuarantine(db, now) };
}

export type GivenBackLine = { msisdn: string; iccid: string; formFactor: "physical" | "esim"; numberToPool: boolean };

/**
 * A line whose activation failed and was taken off the network again, given back in the caller's
 * transaction: its number goes straight back to the pool (nobody was ever reachable on it, so no
 * quarantine; a number brought from another operator is not ours and stays with the port-in), a
 * physical card is retired and an eSIM profile released (the caller cancels its order at the SM-DP+).
 * Only the line with this ICCID, and only while it is still assigned: running this twice changes
 * nothing the second time (null).
 */
export async function giveBackLine(
  tx: Queryable,
  applicationId: string,
  iccid: string,
  now: Date,
): Promise<GivenBackLine | null> {
  const line = await releaseAssignedSim(tx, applicationId, iccid, now);
  if (!line) return null;
  const numberToPool = await returnAssignedNumber(tx, line.msisdn, now);
  if (line.form_factor === "physical") {
    await retireSimCard(tx, iccid, now);
  } else if (line.esim_profile_id !== null) {
    await releaseEsimProfile(tx, line.esim_profile_id, now);
  }
  return { msisdn: line.msisdn, iccid, formFactor: line.form_factor, numberToPool };
}

/** Whether the application's line, not yet live, is the one with this ICCID. */
export async function holdsLine(tx: Queryable, applicationId: string, iccid: string): Promise<boolean> {
  return holdsAssignedSim(tx, applicationId, iccid);
}
