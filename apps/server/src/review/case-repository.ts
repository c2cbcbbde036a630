import type { ApplicationState, CheckStatus } from "@jitsumei/domain";
import type { CaseTag } from "@jitsumei/domain/case-tags";
import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { Applications, CaseFlags, CaseNotes, CorrectionRequests } from "../db/schema.ts";
import { sqlStatus, sqlStatuses } from "../db/sql-status.ts";

/**
 * The SQL of a case's working rows: `case_claims`, `case_flags`, `case_notes`, `correction_requests`,
 * and the review queue and expiry sweep over `applications`.
 */

// Literals in the SQL text: the partial index check_results_failed (WHERE status = 'fail') serves the
// failed-check reads, and the expiry sweep's states read as its deadlines do.
const CHECK_FAILED = sqlStatus<CheckStatus>("fail");
const state = (s: ApplicationState) => sqlStatus<ApplicationState>(s);
const tag = (t: CaseTag) => sqlStatus<CaseTag>(t);

/** Whatever a reviewer held on the case is over. */
export async function deleteCaseClaims(tx: Queryable, applicationId: string): Promise<void> {
  await tx.query("DELETE FROM case_claims WHERE application_id = $1", [applicationId]);
}

export async function markCorrectionAnswered(tx: Queryable, correctionId: string): Promise<void> {
  await tx.query("UPDATE correction_requests SET answered_at = now() WHERE id = $1", [correctionId]);
}

export async function flagCorrectionReturned(tx: Queryable, applicationId: string): Promise<void> {
  await tx.query(
    `INSERT INTO case_flags (application_id, correction_returned) VALUES ($1, true)
     ON CONFLICT (application_id) DO UPDATE SET correction_returned = true`,
    [applicationId],
  );
}

/** The live claim on a case, with the reviewer's name. */
export async function selectLiveClaim(
  db: Queryable,
  applicationId: string,
  now: Date,
): Promise<{ staff_id: string; display_name: string; claimed_at: Date; expires_at: Date } | null> {
  const { rows } = await db.query<{ staff_id: string; display_name: string; claimed_at: Date; expires_at: Date }>(
    `SELECT c.staff_id, s.display_name, c.claimed_at, c.expires_at FROM case_claims c JOIN staff s ON s.id = c.staff_id
     WHERE c.application_id = $1 AND c.expires_at > $2`,
    [applicationId, now],
  );
  return rows[0] ?? null;
}

export async function upsertClaim(
  tx: Queryable,
  row: { applicationId: string; staffId: string; claimedAt: Date; expiresAt: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO case_claims (application_id, staff_id, claimed_at, expires_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (application_id) DO UPDATE SET staff_id = $2, claimed_at = $3, expires_at = $4`,
    [row.applicationId, row.staffId, row.claimedAt, row.expiresAt],
  );
}

export async function selectEscalated(tx: Queryable, applicationId: string): Promise<boolean | undefined> {
  const flag = await tx.query<{ escalated: boolean }>("SELECT escalated FROM case_flags WHERE application_id = $1", [
    applicationId,
  ]);
  return flag.rows[0]?.escalated;
}

export async function flagEscalated(tx: Queryable, applicationId: string): Promise<void> {
  await tx.query(
    `INSERT INTO case_flags (application_id, escalated) VALUES ($1, true)
     ON CONFLICT (application_id) DO UPDATE SET escalated = true`,
    [applicationId],
  );
}

export async function selectOverrideProposer(tx: Queryable, applicationId: string): Promise<string | null | undefined> {
  const flags = await tx.query<{ override_proposed_by: string | null }>(
    "SELECT override_proposed_by FROM case_flags WHERE application_id = $1",
    [applicationId],
  );
  return flags.rows[0]?.override_proposed_by;
}

export async function flagOverrideProposed(tx: Queryable, applicationId: string, staffId: string): Promise<void> {
  await tx.query(
    `INSERT INTO case_flags (application_id, override_proposed_by) VALUES ($1, $2)
     ON CONFLICT (application_id) DO UPDATE SET override_proposed_by = $2`,
    [applicationId, staffId],
  );
}

/** A decided case starts clean; a declined override keeps its escalation. */
export async function settleFlags(tx: Queryable, applicationId: string, keepEscalation: boolean): Promise<void> {
  await tx.query(
    `UPDATE case_flags SET override_proposed_by = NULL,
       escalated = CASE WHEN $2 THEN escalated ELSE false END, correction_returned = false
     WHERE application_id = $1`,
    [applicationId, keepEscalation],
  );
}

export async function selectFlags(
  db: Queryable,
  applicationId: string,
): Promise<Pick<Selectable<CaseFlags>, "escalated" | "override_proposed_by" | "correction_returned"> | null> {
  const flags = await db.query<
    Pick<Selectable<CaseFlags>, "escalated" | "override_proposed_by" | "correction_returned">
  >("SELECT escalated, override_proposed_by, correction_returned FROM case_flags WHERE application_id = $1", [
    applicationId,
  ]);
  return flags.rows[0] ?? null;
}

/** Whether the check run has a failed check. */
export async function hasFailedCheck(tx: Queryable, applicationId: string, run: number): Promise<boolean> {
  const { rows } = await tx.query(
    `SELECT 1 FROM check_results WHERE application_id = $1 AND run = $2 AND status = ${CHECK_FAILED} LIMIT 1`,
    [applicationId, run],
  );
  return rows.length > 0;
}

export async function insertCaseNote(
  tx: Queryable,
  row: { id: string; applicationId: string; staffId: string; kind: string; noteEnc: Buffer },
): Promise<void> {
  await tx.query("INSERT INTO case_notes (id, application_id, staff_id, kind, note_enc) VALUES ($1, $2, $3, $4, $5)", [
    row.id,
    row.applicationId,
    row.staffId,
    row.kind,
    row.noteEnc,
  ]);
}

export async function listCaseNotes(
  db: Queryable,
  applicationId: string,
): Promise<Pick<Selectable<CaseNotes>, "id" | "staff_id" | "kind" | "note_enc" | "created_at">[]> {
  const notes = await db.query<Pick<Selectable<CaseNotes>, "id" | "staff_id" | "kind" | "note_enc" | "created_at">>(
    "SELECT id, staff_id, kind, note_enc, created_at FROM case_notes WHERE application_id = $1 ORDER BY created_at, id",
    [applicationId],
  );
  return notes.rows;
}

export async function insertCorrectionRequest(
  tx: Queryable,
  row: {
    id: string;
    applicationId: string;
    fields: readonly string[];
    messageEnc: Buffer;
    requestedBy: string;
    contentVersion: number;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO correction_requests (id, application_id, fields, message_enc, requested_by, content_version)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [row.id, row.applicationId, row.fields, row.messageEnc, row.requestedBy, row.contentVersion],
  );
}

export type CorrectionRequestRow = Selectable<CorrectionRequests>;

export async function selectLatestCorrectionRequest(
  db: Queryable,
  applicationId: string,
): Promise<CorrectionRequestRow | null> {
  const { rows } = await db.query<CorrectionRequestRow>(
    "SELECT * FROM correction_requests WHERE application_id = $1 ORDER BY requested_at DESC, id DESC LIMIT 1",
    [applicationId],
  );
  return rows[0] ?? null;
}

export async function selectCorrectionRequest(
  db: Queryable,
  applicationId: string,
  id: string,
): Promise<CorrectionRequestRow | null> {
  const { rows } = await db.query<CorrectionRequestRow>(
    "SELECT * FROM correction_requests WHERE application_id = $1 AND id = $2",
    [applicationId, id],
  );
  return rows[0] ?? null;
}

/** A row of the review queue (computed columns: the plan's kind, the claim, the flags, the cursor). */
export type QueueRow = Pick<
  Selectable<Applications>,
  "id" | "reference" | "state" | "plan_id" | "submitted_at" | "state_changed_at"
> & {
  plan_kind: string;
  /** state_changed_at in microseconds, as text (the page cursor). */
  cursor_at: string;
  claimed_by: string | null;
  claimed_by_name: string | null;
  claim_expires_at: Date | null;
  escalated: boolean;
  correction_returned: boolean;
  failed_checks: boolean;
};

export async function listQueueRows(
  db: Queryable,
  input: {
    states: readonly string[];
    now: Date;
    assignee: string | null;
    overdueOnly: boolean;
    overdueBefore: Date;
    afterAt: string | null;
    afterId: string | null;
    tag: string | null;
    rowLimit: number;
  },
): Promise<QueueRow[]> {
  const { rows } = await db.query<QueueRow>(
    `SELECT a.id, a.reference, a.state, a.plan_id, p.kind AS plan_kind, a.submitted_at, a.state_changed_at,
            to_char(a.state_changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at,
            c.staff_id AS claimed_by, s.display_name AS claimed_by_name, c.expires_at AS claim_expires_at,
            coalesce(f.escalated, false) AS escalated, coalesce(f.correction_returned, false) AS correction_returned,
            EXISTS (SELECT 1 FROM check_results r WHERE r.application_id = a.id AND r.run = a.check_run AND r.status = ${CHECK_FAILED}) AS failed_checks
     FROM applications a
     JOIN plans p ON p.id = a.plan_id
     LEFT JOIN case_claims c ON c.application_id = a.id AND c.expires_at > $2
     LEFT JOIN staff s ON s.id = c.staff_id
     LEFT JOIN case_flags f ON f.application_id = a.id
     WHERE a.state = ANY($1)
       AND ($3::text IS NULL OR ($3 = 'none' AND c.staff_id IS NULL) OR c.staff_id::text = $3)
       AND (NOT $4 OR a.state_changed_at < $5)
       AND ($6::timestamptz IS NULL OR (a.state_changed_at, a.id) > ($6::timestamptz, $7::uuid))
       AND ($8::text IS NULL
            OR ($8 = ${tag("escalated")} AND f.escalated)
            OR ($8 = ${tag("override_pending")} AND a.state = ${state("override_pending")})
            OR ($8 = ${tag("correction_returned")} AND f.correction_returned)
            OR ($8 = ${tag("overdue")} AND a.state_changed_at < $5)
            OR ($8 = ${tag("failed_checks")} AND EXISTS (SELECT 1 FROM check_results r WHERE r.application_id = a.id AND r.run = a.check_run AND r.status = ${CHECK_FAILED})))
     ORDER BY a.state_changed_at, a.id
     LIMIT $9`,
    [
      input.states,
      input.now,
      input.assignee,
      input.overdueOnly,
      input.overdueBefore,
      input.afterAt,
      input.afterId,
      input.tag,
      input.rowLimit,
    ],
  );
  return rows;
}

/** Applications whose deadline passed, oldest first (the expiry sweep). */
export async function listExpirable(
  db: Queryable,
  input: { applicantBefore: Date; correctionBefore: Date; limit: number; paymentBefore: Date; activationBefore: Date },
): Promise<Pick<Selectable<Applications>, "id" | "reference" | "state" | "state_changed_at">[]> {
  const { rows } = await db.query<Pick<Selectable<Applications>, "id" | "reference" | "state" | "state_changed_at">>(
    `SELECT id, reference, state, state_changed_at FROM applications
     WHERE (state IN (${sqlStatuses<ApplicationState>("draft", "contract_pending", "deposit_pending")}) AND state_changed_at < $1)
        OR (state = ${state("correction_requested")} AND state_changed_at < $2)
        OR (state = ${state("payment_pending")} AND state_changed_at < $4)
        OR (((state = ${state("sim_assigned")} AND form_factor = 'esim') OR state = ${state("delivered")}) AND state_changed_at < $5)
     ORDER BY state_changed_at LIMIT $3`,
    [input.applicantBefore, input.correctionBefore, input.limit, input.paymentBefore, input.activationBefore],
  );
  return rows;
}
