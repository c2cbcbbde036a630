import type { SimStatus } from "@jitsumei/domain";
import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { Sims } from "../db/schema.ts";
import { sqlStatus } from "../db/sql-status.ts";

/** The SQL of `sims` (the SIM or profile assigned to an application) and `sim_cards` (the vendor's file). */

const RELEASED = sqlStatus<SimStatus>("released");
const ACTIVE = sqlStatus<SimStatus>("active");

/** The application's SIM unless it was released already. */
export async function selectUnreleasedSim(
  tx: Queryable,
  applicationId: string,
): Promise<Pick<Selectable<Sims>, "iccid" | "form_factor"> | null> {
  const line = await tx.query<Pick<Selectable<Sims>, "iccid" | "form_factor">>(
    `SELECT iccid, form_factor FROM sims WHERE application_id = $1 AND status <> ${RELEASED}`,
    [applicationId],
  );
  return line.rows[0] ?? null;
}

/** The application's SIM becomes active. */
export async function activateSim(
  tx: Queryable,
  applicationId: string,
): Promise<{ iccid: string; msisdn: string; line_type: "voice" | "data" } | null> {
  const sims = await tx.query<{ iccid: string; msisdn: string; line_type: "voice" | "data" }>(
    `UPDATE sims SET status = ${ACTIVE}, activated_at = now() WHERE application_id = $1 RETURNING iccid, msisdn, line_type`,
    [applicationId],
  );
  return sims.rows[0] ?? null;
}

/** A physical SIM's IMSI from the vendor's file (null for an eSIM, whose IMSI is in its profile). */
export async function selectImsi(tx: Queryable, iccid: string): Promise<string | null> {
  const imsi = await tx.query<{ imsi: string | null }>("SELECT imsi FROM sim_cards WHERE iccid = $1", [iccid]);
  return imsi.rows[0]?.imsi ?? null;
}
