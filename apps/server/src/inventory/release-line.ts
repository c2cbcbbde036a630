import type { Queryable } from "../db/database.ts";

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
  const { rows } = await tx.query<{
    msisdn: string;
    iccid: string | null;
    form_factor: "physical" | "esim";
    esim_profile_id: number | string | null;
  }>(
    `UPDATE sims SET status = 'released', released_at = $2
     WHERE application_id = $1 AND status <> 'released'
     RETURNING msisdn, iccid, form_factor, esim_profile_id`,
    [applicationId, options.now],
  );
  const line = rows[0];
  if (!line) return null;
  const quarantinedUntil = new Date(options.now.getTime() + options.quarantineDays * DAY_MS);
  await tx.query(
    `UPDATE phone_numbers SET status = 'quarantined', quarantined_until = $2, changed_at = $3
     WHERE msisdn = $1`,
    [line.msisdn, quarantinedUntil, options.now],
  );
  if (line.form_factor === "physical") {
    await tx.query("UPDATE sim_cards SET status = 'retired', changed_at = $2 WHERE iccid = $1", [
      line.iccid,
      options.now,
    ]);
  } else if (line.esim_profile_id !== null) {
    await tx.query("UPDATE esim_profiles SET status = 'released', changed_at = $2 WHERE id = $1", [
      line.esim_profile_id,
      options.now,
    ]);
  }
  return { msisdn: line.msisdn, quarantinedUntil };
}

/**
 * Numbers whose quarantine is over go back to the pool. The server runs this periodically; a number
 * is returned once (the update is its own guard), so two servers running it at once do no harm.
 */
export async function returnQuarantinedNumbers(db: Queryable, now: Date): Promise<{ returned: number }> {
  const r = await db.query(
    `UPDATE phone_numbers SET status = 'available', quarantined_until = NULL, changed_at = $1
     WHERE status = 'quarantined' AND quarantined_until <= $1`,
    [now],
  );
  return { returned: r.rowCount };
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
  const { rows } = await tx.query<{ msisdn: string; form_factor: "physical" | "esim"; esim_profile_id: string | null }>(
    `UPDATE sims SET status = 'released', released_at = $3
     WHERE application_id = $1 AND iccid = $2 AND status = 'assigned'
     RETURNING msisdn, form_factor, esim_profile_id`,
    [applicationId, iccid, now],
  );
  const line = rows[0];
  if (!line) return null;
  const pool = await tx.query(
    `UPDATE phone_numbers SET status = 'available', quarantined_until = NULL, changed_at = $2
     WHERE msisdn = $1 AND status = 'assigned'`,
    [line.msisdn, now],
  );
  if (line.form_factor === "physical") {
    await tx.query("UPDATE sim_cards SET status = 'retired', changed_at = $2 WHERE iccid = $1", [iccid, now]);
  } else if (line.esim_profile_id !== null) {
    await tx.query("UPDATE esim_profiles SET status = 'released', changed_at = $2 WHERE id = $1", [
      line.esim_profile_id,
      now,
    ]);
  }
  return { msisdn: line.msisdn, iccid, formFactor: line.form_factor, numberToPool: pool.rowCount > 0 };
}

/** Whether the application's line, not yet live, is the one with this ICCID. */
export async function holdsLine(tx: Queryable, applicationId: string, iccid: string): Promise<boolean> {
  const { rows } = await tx.query(
    "SELECT 1 FROM sims WHERE application_id = $1 AND iccid = $2 AND status = 'assigned'",
    [applicationId, iccid],
  );
  return rows.length > 0;
}
