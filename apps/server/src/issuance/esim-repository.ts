import type { SimStatus } from "@jitsumei/domain";
import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { EsimProfiles, Sims } from "../db/schema.ts";
import { sqlStatus, sqlStatuses } from "../db/sql-status.ts";

/**
 * The SQL of a line's eSIM on `sims`: the release job's three steps (esim_ordered_at,
 * esim_confirmed_at, esim_released_at, each under the line's row lock), the SM-DP+'s download
 * reports (`esim_download_events`, esim_state) and the applicant's re-download. Plain functions in the
 * caller's transaction; which step runs when stays with release-esim.ts, esim-download-progress.ts and
 * reissue-esim.ts.
 */

const SIM_RELEASED = sqlStatus<SimStatus>("released");

/** An eSIM line's application, locking the line: the SM-DP+'s reports on one line apply one at a time. */
export async function lockEsimLineByIccid(tx: Queryable, iccid: string): Promise<{ reference: string | null } | null> {
  const { rows } = await tx.query<{ reference: string | null }>(
    `SELECT a.reference FROM sims s LEFT JOIN applications a ON a.id = s.application_id
     WHERE s.iccid = $1 AND s.form_factor = 'esim' FOR UPDATE OF s`,
    [iccid],
  );
  return rows[0] ?? null;
}

/** Keeps a report once (by the SM-DP+'s call identifier): false when it was kept already. */
export async function insertDownloadEvent(
  tx: Queryable,
  event: {
    iccid: string;
    notificationPointId: number;
    status: string;
    subjectCode: string | null;
    reasonCode: string | null;
    eid: string | null;
    functionCallId: string;
    occurredAt: Date;
  },
): Promise<boolean> {
  const inserted = await tx.query(
    `INSERT INTO esim_download_events (iccid, notification_point_id, status, subject_code, reason_code, eid,
       function_call_id, occurred_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (function_call_id, iccid) DO NOTHING RETURNING id`,
    [
      event.iccid,
      event.notificationPointId,
      event.status,
      event.subjectCode,
      event.reasonCode,
      event.eid,
      event.functionCallId,
      event.occurredAt,
    ],
  );
  return inserted.rowCount !== 0;
}

/** Reports can arrive out of order: an older one never overwrites a newer state. */
export async function updateEsimState(
  tx: Queryable,
  iccid: string,
  state: string,
  occurredAt: Date,
  eid: string | null,
): Promise<void> {
  await tx.query(
    `UPDATE sims SET esim_state = $2, esim_state_at = $3, esim_eid = COALESCE($4, esim_eid)
     WHERE iccid = $1 AND (esim_state_at IS NULL OR esim_state_at <= $3)`,
    [iccid, state, occurredAt, eid],
  );
}

export async function updateEsimEid(tx: Queryable, iccid: string, eid: string): Promise<void> {
  await tx.query("UPDATE sims SET esim_eid = $2 WHERE iccid = $1", [iccid, eid]);
}

export type ReissuableLineRow = Pick<
  Selectable<Sims>,
  "iccid" | "esim_state" | "esim_reissues" | "esim_released_at"
> & { reference: string };

/** The application's eSIM still assigned or active, locked for a re-download. */
export async function lockReissuableLine(tx: Queryable, applicationId: string): Promise<ReissuableLineRow | null> {
  const { rows } = await tx.query<ReissuableLineRow>(
    `SELECT s.iccid, a.reference, s.esim_state, s.esim_reissues, s.esim_released_at
     FROM sims s JOIN applications a ON a.id = s.application_id
     WHERE s.application_id = $1 AND s.form_factor = 'esim' AND s.status IN (${sqlStatuses<SimStatus>("assigned", "active")})
     FOR UPDATE OF s`,
    [applicationId],
  );
  return rows[0] ?? null;
}

/** The old order is forgotten: the release job orders, confirms and releases again, counting one more. */
export async function resetEsimForReissue(tx: Queryable, iccid: string): Promise<void> {
  await tx.query(
    `UPDATE sims SET esim_ordered_at = NULL, esim_confirmed_at = NULL, esim_released_at = NULL,
       esim_matching_id = NULL, activation_code = NULL, esim_state = NULL, esim_state_at = now(),
       esim_reissues = esim_reissues + 1
     WHERE iccid = $1`,
    [iccid],
  );
}

/**
 * The profile's address and matching ID are nullable columns, but a profile is assigned only with both
 * (the inventory import requires them for eSIM profiles): typed as present, as the release job uses them.
 */
export type ReleaseLineRow = Pick<
  Selectable<Sims>,
  "iccid" | "esim_ordered_at" | "esim_confirmed_at" | "esim_reissues"
> &
  Pick<Selectable<EsimProfiles>, "confirmation_code_required"> & {
    smdp_address: NonNullable<Selectable<EsimProfiles>["smdp_address"]>;
    matching_id: NonNullable<Selectable<EsimProfiles>["matching_id"]>;
  };

/** The application's eSIM not yet released for download, locked for one step of the release job. */
export async function lockLineToRelease(tx: Queryable, applicationId: string): Promise<ReleaseLineRow | null> {
  const { rows } = await tx.query<ReleaseLineRow>(
    `SELECT s.iccid, p.smdp_address, p.matching_id, p.confirmation_code_required, s.esim_ordered_at,
       s.esim_confirmed_at, s.esim_reissues
     FROM sims s JOIN esim_profiles p ON p.id = s.esim_profile_id
     WHERE s.application_id = $1 AND s.status <> ${SIM_RELEASED} AND s.esim_released_at IS NULL
     FOR UPDATE OF s`,
    [applicationId],
  );
  return rows[0] ?? null;
}

export async function markEsimOrdered(tx: Queryable, iccid: string): Promise<void> {
  await tx.query("UPDATE sims SET esim_ordered_at = now() WHERE iccid = $1", [iccid]);
}

export async function markEsimConfirmed(
  tx: Queryable,
  iccid: string,
  matchingId: string,
  activationCode: string,
): Promise<void> {
  await tx.query(
    "UPDATE sims SET esim_confirmed_at = now(), esim_matching_id = $2, activation_code = $3 WHERE iccid = $1",
    [iccid, matchingId, activationCode],
  );
}

export async function markEsimReleased(tx: Queryable, iccid: string): Promise<void> {
  await tx.query("UPDATE sims SET esim_released_at = now() WHERE iccid = $1", [iccid]);
}
