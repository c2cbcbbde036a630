import type { EsimProfileStatus, PhoneNumberStatus, SimCardStatus, SimStatus } from "@jitsumei/domain";
import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { EsimProfiles, Sims } from "../db/schema.ts";
import { sqlStatus } from "../db/sql-status.ts";

/**
 * The SQL of the stock pools (`phone_numbers`, `sim_cards`, `esim_profiles`) and of a line's place in
 * them (`sims`, as reserved and released). Plain functions in the caller's transaction; the order of
 * statements (number first, then card or profile) stays with the callers.
 */

// The statuses as literals in the SQL text: the pools' partial indexes (sim_cards_available,
// esim_profiles_available, phone_numbers_available, phone_numbers_quarantined, sims_msisdn_held) name them.
const NUMBER_AVAILABLE = sqlStatus<PhoneNumberStatus>("available");
const NUMBER_ASSIGNED = sqlStatus<PhoneNumberStatus>("assigned");
const NUMBER_QUARANTINED = sqlStatus<PhoneNumberStatus>("quarantined");
const CARD_AVAILABLE = sqlStatus<SimCardStatus>("available");
const CARD_ASSIGNED = sqlStatus<SimCardStatus>("assigned");
const CARD_RETIRED = sqlStatus<SimCardStatus>("retired");
const PROFILE_AVAILABLE = sqlStatus<EsimProfileStatus>("available");
const PROFILE_ASSIGNED = sqlStatus<EsimProfileStatus>("assigned");
const PROFILE_RELEASED = sqlStatus<EsimProfileStatus>("released");
const SIM_ASSIGNED = sqlStatus<SimStatus>("assigned");
const SIM_RELEASED = sqlStatus<SimStatus>("released");

/** An eSIM profile as an activation code is built from it (bigint ids may come back as strings). */
export type EsimProfileRow = Pick<
  Selectable<EsimProfiles>,
  "iccid" | "smdp_address" | "matching_id" | "confirmation_code_required"
> & { id: number | string; smdp_address: string; matching_id: string };

export async function pickAvailableNumber(tx: Queryable, lineType: string): Promise<string | null> {
  const { rows } = await tx.query<{ msisdn: string }>(
    `SELECT msisdn FROM phone_numbers WHERE status = ${NUMBER_AVAILABLE} AND line_type = $1
         ORDER BY msisdn LIMIT 1 FOR UPDATE SKIP LOCKED`,
    [lineType],
  );
  return rows[0]?.msisdn ?? null;
}

export async function lockEsimProfile(tx: Queryable, id: number | null): Promise<EsimProfileRow | null> {
  const { rows } = await tx.query<EsimProfileRow>(
    "SELECT id, iccid, smdp_address, matching_id, confirmation_code_required FROM esim_profiles WHERE id = $1 FOR UPDATE",
    [id],
  );
  return rows[0] ?? null;
}

export async function pickAvailableSimCard(tx: Queryable): Promise<string | null> {
  const { rows } = await tx.query<{ iccid: string }>(
    `SELECT iccid FROM sim_cards WHERE status = ${CARD_AVAILABLE} ORDER BY iccid LIMIT 1 FOR UPDATE SKIP LOCKED`,
  );
  return rows[0]?.iccid ?? null;
}

export async function pickAvailableEsimProfile(tx: Queryable): Promise<EsimProfileRow | null> {
  const { rows } = await tx.query<EsimProfileRow>(
    `SELECT id, iccid, smdp_address, matching_id, confirmation_code_required FROM esim_profiles
     WHERE status = ${PROFILE_AVAILABLE} ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`,
  );
  return rows[0] ?? null;
}

export async function markNumberAssigned(tx: Queryable, msisdn: string): Promise<void> {
  await tx.query(`UPDATE phone_numbers SET status = ${NUMBER_ASSIGNED}, changed_at = now() WHERE msisdn = $1`, [
    msisdn,
  ]);
}

export async function markSimCardAssigned(tx: Queryable, iccid: string): Promise<void> {
  await tx.query(`UPDATE sim_cards SET status = ${CARD_ASSIGNED}, changed_at = now() WHERE iccid = $1`, [iccid]);
}

export async function markEsimProfileAssigned(tx: Queryable, id: number): Promise<void> {
  await tx.query(`UPDATE esim_profiles SET status = ${PROFILE_ASSIGNED}, changed_at = now() WHERE id = $1`, [id]);
}

/** Removes the application's line given back earlier, to make room for a new one. */
export async function deleteReleasedSim(tx: Queryable, applicationId: string): Promise<void> {
  await tx.query(`DELETE FROM sims WHERE application_id = $1 AND status = ${SIM_RELEASED}`, [applicationId]);
}

export async function insertAssignedSim(
  tx: Queryable,
  line: {
    applicationId: string;
    iccid: string;
    msisdn: string;
    formFactor: string;
    lineType: string;
    activationCode: string | null;
    esimProfileId: number | null;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO sims (application_id, iccid, msisdn, form_factor, line_type, activation_code, esim_profile_id,
                       status, assigned_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, ${SIM_ASSIGNED}, now())`,
    [
      line.applicationId,
      line.iccid,
      line.msisdn,
      line.formFactor,
      line.lineType,
      line.activationCode,
      line.esimProfileId,
    ],
  );
}

export type AssignedSimRow = Pick<Selectable<Sims>, "iccid" | "msisdn" | "activation_code" | "status"> & {
  form_factor: "physical" | "esim";
};

export async function selectSimOfApplication(db: Queryable, applicationId: string): Promise<AssignedSimRow | null> {
  const { rows } = await db.query<AssignedSimRow>(
    "SELECT iccid, msisdn, form_factor, activation_code, status FROM sims WHERE application_id = $1",
    [applicationId],
  );
  return rows[0] ?? null;
}

/** The line the application still holds, marked released; null when there is none. */
export async function releaseSimOfApplication(
  tx: Queryable,
  applicationId: string,
  now: Date,
): Promise<{
  msisdn: string;
  iccid: string | null;
  form_factor: "physical" | "esim";
  esim_profile_id: number | string | null;
} | null> {
  const { rows } = await tx.query<{
    msisdn: string;
    iccid: string | null;
    form_factor: "physical" | "esim";
    esim_profile_id: number | string | null;
  }>(
    `UPDATE sims SET status = ${SIM_RELEASED}, released_at = $2
     WHERE application_id = $1 AND status <> ${SIM_RELEASED}
     RETURNING msisdn, iccid, form_factor, esim_profile_id`,
    [applicationId, now],
  );
  return rows[0] ?? null;
}

export async function quarantineNumber(tx: Queryable, msisdn: string, until: Date, now: Date): Promise<void> {
  await tx.query(
    `UPDATE phone_numbers SET status = ${NUMBER_QUARANTINED}, quarantined_until = $2, changed_at = $3
     WHERE msisdn = $1`,
    [msisdn, until, now],
  );
}

export async function retireSimCard(tx: Queryable, iccid: string | null, now: Date): Promise<void> {
  await tx.query(`UPDATE sim_cards SET status = ${CARD_RETIRED}, changed_at = $2 WHERE iccid = $1`, [iccid, now]);
}

export async function releaseEsimProfile(tx: Queryable, id: number | string, now: Date): Promise<void> {
  await tx.query(`UPDATE esim_profiles SET status = ${PROFILE_RELEASED}, changed_at = $2 WHERE id = $1`, [id, now]);
}

/** Numbers whose quarantine is over back to the pool; how many. */
export async function returnNumbersOutOfQuarantine(db: Queryable, now: Date): Promise<number> {
  const r = await db.query(
    `UPDATE phone_numbers SET status = ${NUMBER_AVAILABLE}, quarantined_until = NULL, changed_at = $1
     WHERE status = ${NUMBER_QUARANTINED} AND quarantined_until <= $1`,
    [now],
  );
  return r.rowCount;
}

/** The line with this ICCID, while still assigned, marked released; null when there is none. */
export async function releaseAssignedSim(
  tx: Queryable,
  applicationId: string,
  iccid: string,
  now: Date,
): Promise<{ msisdn: string; form_factor: "physical" | "esim"; esim_profile_id: string | null } | null> {
  const { rows } = await tx.query<{ msisdn: string; form_factor: "physical" | "esim"; esim_profile_id: string | null }>(
    `UPDATE sims SET status = ${SIM_RELEASED}, released_at = $3
     WHERE application_id = $1 AND iccid = $2 AND status = ${SIM_ASSIGNED}
     RETURNING msisdn, form_factor, esim_profile_id`,
    [applicationId, iccid, now],
  );
  return rows[0] ?? null;
}

/** An assigned number straight back to the pool; whether it was (a ported number is not in it). */
export async function returnAssignedNumber(tx: Queryable, msisdn: string, now: Date): Promise<boolean> {
  const pool = await tx.query(
    `UPDATE phone_numbers SET status = ${NUMBER_AVAILABLE}, quarantined_until = NULL, changed_at = $2
     WHERE msisdn = $1 AND status = ${NUMBER_ASSIGNED}`,
    [msisdn, now],
  );
  return pool.rowCount > 0;
}

export async function holdsAssignedSim(tx: Queryable, applicationId: string, iccid: string): Promise<boolean> {
  const { rows } = await tx.query(
    `SELECT 1 FROM sims WHERE application_id = $1 AND iccid = $2 AND status = ${SIM_ASSIGNED}`,
    [applicationId, iccid],
  );
  return rows.length > 0;
}

/** Every pool by status (numbers by line type too), as rows of counts. */
export async function countPools(db: Queryable): Promise<{ pool: string; status: string; n: number | string }[]> {
  const { rows } = await db.query<{ pool: string; status: string; n: number | string }>(
    `SELECT 'sim_cards' AS pool, status, count(*) AS n FROM sim_cards GROUP BY status
     UNION ALL SELECT 'esim_profiles', status, count(*) FROM esim_profiles GROUP BY status
     UNION ALL SELECT 'numbers_' || line_type, status, count(*) FROM phone_numbers GROUP BY line_type, status
     UNION ALL SELECT 'lines', status, count(*) FROM sims GROUP BY status`,
  );
  return rows;
}

/** Demo stock: one card, profile or number each; how many rows were new. */
export async function insertDemoSimCard(tx: Queryable, iccid: string, imsi: string): Promise<number> {
  const r = await tx.query("INSERT INTO sim_cards (iccid, imsi) VALUES ($1, $2) ON CONFLICT DO NOTHING", [iccid, imsi]);
  return r.rowCount;
}

export async function insertDemoEsimProfile(tx: Queryable, iccid: string, matchingId: string): Promise<number> {
  const r = await tx.query(
    `INSERT INTO esim_profiles (iccid, smdp_address, matching_id) VALUES ($1, 'smdp.jitsumei.localhost', $2)
                 ON CONFLICT DO NOTHING`,
    [iccid, matchingId],
  );
  return r.rowCount;
}

export async function insertDemoNumber(tx: Queryable, msisdn: string, lineType: string): Promise<void> {
  await tx.query("INSERT INTO phone_numbers (msisdn, line_type) VALUES ($1, $2) ON CONFLICT DO NOTHING", [
    msisdn,
    lineType,
  ]);
}

/** Serialises imports: one at a time, until the caller's transaction ends. */
export async function lockImports(tx: Queryable, lockKey: number): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock($1)", [lockKey]);
}

/** Which of these keys ("iccid:…", "imsi:…", "msisdn:…", "profile:<smdp> <matching id>") are stocked already. */
export async function selectStockedKeys(
  tx: Queryable,
  keys: { iccid: string[]; imsi: string[]; msisdn: string[]; profile: string[] },
): Promise<string[]> {
  const { rows } = await tx.query<{ key: string }>(
    `SELECT 'iccid:' || iccid AS key FROM sim_cards WHERE iccid = ANY($1::text[])
       UNION ALL SELECT 'iccid:' || iccid FROM esim_profiles WHERE iccid = ANY($1::text[])
       UNION ALL SELECT 'imsi:' || imsi FROM sim_cards WHERE imsi = ANY($2::text[])
       UNION ALL SELECT 'msisdn:' || msisdn FROM phone_numbers WHERE msisdn = ANY($3::text[])
       UNION ALL SELECT 'profile:' || smdp_address || ' ' || matching_id FROM esim_profiles
         WHERE smdp_address || ' ' || matching_id = ANY($4::text[])`,
    [keys.iccid, keys.imsi, keys.msisdn, keys.profile],
  );
  return rows.map((r) => r.key);
}

export async function insertSimCards(tx: Queryable, rows: { iccid: string; imsi: string }[]): Promise<number> {
  const r = await tx.query(
    `INSERT INTO sim_cards (iccid, imsi) SELECT * FROM unnest($1::text[], $2::text[])
         ON CONFLICT DO NOTHING`,
    [rows.map((x) => x.iccid), rows.map((x) => x.imsi)],
  );
  return r.rowCount;
}

export async function insertPhoneNumbers(tx: Queryable, rows: { msisdn: string; lineType: string }[]): Promise<number> {
  const r = await tx.query(
    `INSERT INTO phone_numbers (msisdn, line_type) SELECT * FROM unnest($1::text[], $2::text[])
         ON CONFLICT DO NOTHING`,
    [rows.map((x) => x.msisdn), rows.map((x) => x.lineType)],
  );
  return r.rowCount;
}

export async function insertEsimProfiles(
  tx: Queryable,
  rows: { iccid: string; smdpAddress: string; matchingId: string; confirmationCodeRequired: boolean }[],
): Promise<number> {
  const r = await tx.query(
    `INSERT INTO esim_profiles (iccid, smdp_address, matching_id, confirmation_code_required)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[])
         ON CONFLICT DO NOTHING`,
    [
      rows.map((x) => x.iccid),
      rows.map((x) => x.smdpAddress),
      rows.map((x) => x.matchingId),
      rows.map((x) => x.confirmationCodeRequired),
    ],
  );
  return r.rowCount;
}
