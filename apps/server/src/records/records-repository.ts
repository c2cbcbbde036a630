import type { ApplicationState } from "@jitsumei/domain";
import type { Selectable } from "kysely";
import { deleteActivationCode } from "../applications/applicant-access-repository.ts";
import { forgetLockedApplications } from "../applications/applications-repository.ts";
import type { Queryable } from "../db/database.ts";
import type { Applications, VerificationRecords } from "../db/schema.ts";
import { sqlStatus } from "../db/sql-status.ts";
import type { Shipment } from "../issuance/shipments-repository.ts";
import { deleteEvidenceOf, deleteMailOf } from "../privacy/privacy-repository.ts";
import { queueApplicationObjectDeletions } from "../storage/document-deletions-repository.ts";

/**
 * The SQL of verification records (本人確認記録: `verification_records`, written once per version and
 * never rewritten) and of the purge that shreds an application's personal data. Plain functions in
 * the caller's transaction; sealing and unsealing stays with the callers.
 */

const SHIPMENT_DELIVERED = sqlStatus<Shipment["status"]>("delivered");
const APPROVED = sqlStatus<ApplicationState>("approved");

/**
 * What the record needs from the application: pinned policy, approval, the method (found by the checks,
 * or the one they left to a person, who then approved), delivered tracking number.
 */
export type RecordFactsRow = Pick<Selectable<Applications>, "policy_id" | "policy_version" | "policy_hash"> & {
  approved_by_kind: string | null;
  approved_by_id: string | null;
  approved_at: Date | null;
  method: string | null;
  tracking_number: string | null;
  /** The latest run's check results: code, status and who vouched for it where not the server (`reader`). */
  checks: { code: string; status: string; reportedBy: string | null }[] | null;
};

export async function selectRecordFacts(
  tx: Queryable,
  applicationId: string,
  checkRun: number,
): Promise<RecordFactsRow | null> {
  const { rows } = await tx.query<RecordFactsRow>(
    `SELECT a.policy_id, a.policy_version, a.policy_hash, approval.actor_kind AS approved_by_kind,
       approval.actor_id AS approved_by_id, approval.created_at AS approved_at,
       (SELECT COALESCE(params->>'method', params->>'pendingMethod') FROM check_results
         WHERE application_id = a.id AND run = $2 AND code = 'policy.method_available') AS method,
       (SELECT json_agg(json_build_object('code', code, 'status', status, 'reportedBy', params->>'reportedBy')
          ORDER BY code) FROM check_results WHERE application_id = a.id AND run = $2) AS checks,
       (SELECT tracking_number FROM shipments WHERE application_id = a.id AND status = ${SHIPMENT_DELIVERED}
         ORDER BY delivered_at DESC LIMIT 1) AS tracking_number
     FROM applications a
     LEFT JOIN LATERAL (SELECT actor_kind, actor_id, created_at FROM application_events
       WHERE application_id = a.id AND to_state = ${APPROVED} ORDER BY version DESC LIMIT 1) approval ON true
     WHERE a.id = $1`,
    [applicationId, checkRun],
  );
  return rows[0] ?? null;
}

export async function insertFirstRecord(
  tx: Queryable,
  record: {
    id: string;
    applicationId: string;
    method: string;
    policyId: string;
    policyVersion: string;
    policyHash: string;
    retentionYears: number | null;
    contentEnc: Buffer;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO verification_records (id, application_id, version, method, policy_id, policy_version, policy_hash,
       retention_years, content_enc) VALUES ($1, $2, 1, $3, $4, $5, $6, $7, $8)`,
    [
      record.id,
      record.applicationId,
      record.method,
      record.policyId,
      record.policyVersion,
      record.policyHash,
      record.retentionYears,
      record.contentEnc,
    ],
  );
}

export type CurrentRecordRow = Pick<
  Selectable<VerificationRecords>,
  | "id"
  | "version"
  | "method"
  | "policy_id"
  | "policy_version"
  | "policy_hash"
  | "retention_years"
  | "content_enc"
  | "contract_ended_at"
  | "purge_after"
  | "legal_hold"
  | "legal_hold_reason"
>;

/** The application's newest record version, locked (the next version is written from it). */
export async function lockCurrentRecord(tx: Queryable, applicationId: string): Promise<CurrentRecordRow | null> {
  const { rows } = await tx.query<CurrentRecordRow>(
    `SELECT id, version, method, policy_id, policy_version, policy_hash, retention_years, content_enc,
       contract_ended_at, purge_after, legal_hold, legal_hold_reason
     FROM verification_records WHERE application_id = $1 ORDER BY version DESC LIMIT 1 FOR UPDATE`,
    [applicationId],
  );
  return rows[0] ?? null;
}

export async function insertRecordVersion(
  tx: Queryable,
  record: {
    id: string;
    applicationId: string;
    version: number;
    method: string;
    policyId: string;
    policyVersion: string;
    policyHash: string;
    retentionYears: number | null;
    contentEnc: Buffer;
    contractEndedAt: Date | null;
    purgeAfter: Date | null;
    legalHold: boolean;
    legalHoldReason: string | null;
    supersedes: string;
    reason: string;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO verification_records (id, application_id, version, method, policy_id, policy_version, policy_hash,
       retention_years, content_enc, contract_ended_at, purge_after, legal_hold, legal_hold_reason, supersedes, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      record.id,
      record.applicationId,
      record.version,
      record.method,
      record.policyId,
      record.policyVersion,
      record.policyHash,
      record.retentionYears,
      record.contentEnc,
      record.contractEndedAt,
      record.purgeAfter,
      record.legalHold,
      record.legalHoldReason,
      record.supersedes,
      record.reason,
    ],
  );
}

export type RecordVersionRow = Pick<
  Selectable<VerificationRecords>,
  "id" | "version" | "reason" | "supersedes" | "created_at" | "contract_ended_at"
>;

export async function selectRecordVersions(db: Queryable, applicationId: string): Promise<RecordVersionRow[]> {
  const { rows } = await db.query<RecordVersionRow>(
    `SELECT id, version, reason, supersedes, created_at, contract_ended_at FROM verification_records
     WHERE application_id = $1 ORDER BY version`,
    [applicationId],
  );
  return rows;
}

/** The transaction reads one snapshot from here on and writes nothing (a whole export's pages). */
export async function readOneSnapshot(tx: Queryable): Promise<void> {
  await tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
}

/** Records with their application's wrapped key, for the compliance export (a range, or one reference). */
export type ExportRecordRow = Pick<
  Selectable<VerificationRecords>,
  "id" | "application_id" | "version" | "reason" | "supersedes" | "legal_hold" | "content_enc"
> & {
  wrapped_data_key: Uint8Array;
  /** The record's time to the microsecond, as stored: the page's cursor (a millisecond one would repeat rows). */
  cursor_at: string;
};

/** Where a page of records starts: after the record made at `at` (microseconds, UTC) with this id. */
export type RecordsCursor = { at: string; id: string };

/**
 * A page of the records made in [from, to] (UTC days) or of one reference, in the order they were made
 * (then by id), after `after`: read along verification_records_created_at, so a page costs the same
 * whatever the period holds.
 */
export async function selectRecordsForExport(
  db: Queryable,
  range: { from: string | null; to: string | null; reference: string | null },
  page: { after: RecordsCursor | null; limit: number },
): Promise<ExportRecordRow[]> {
  const { rows } = await db.query<ExportRecordRow>(
    `SELECT r.id, r.application_id, r.version, r.reason, r.supersedes, r.legal_hold, r.content_enc, a.wrapped_data_key,
            to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at
     FROM verification_records r JOIN applications a ON a.id = r.application_id
     WHERE a.purged_at IS NULL AND ($1::date IS NULL OR r.created_at >= $1::date) AND ($2::date IS NULL OR r.created_at < $2::date + 1)
       AND ($3::text IS NULL OR a.reference = $3)
       AND ($4::timestamptz IS NULL OR (r.created_at, r.id) > ($4::timestamptz, $5::uuid))
     ORDER BY r.created_at, r.id
     LIMIT $6`,
    [range.from, range.to, range.reference, page.after?.at ?? null, page.after?.id ?? null, page.limit],
  );
  return rows;
}

export type RetentionRow = Pick<
  Selectable<VerificationRecords>,
  "id" | "application_id" | "retention_years" | "policy_id" | "policy_version"
>;

/** The newest record version of the application with this reference. */
export async function selectLatestRecordByReference(db: Queryable, reference: string): Promise<RetentionRow | null> {
  const { rows } = await db.query<RetentionRow>(
    `SELECT r.id, r.application_id, r.retention_years, r.policy_id, r.policy_version
     FROM verification_records r JOIN applications a ON a.id = r.application_id
     WHERE a.reference = $1 ORDER BY r.version DESC LIMIT 1`,
    [reference],
  );
  return rows[0] ?? null;
}

export async function setContractEnded(
  tx: Queryable,
  applicationId: string,
  endedAt: Date,
  purgeAfter: Date,
): Promise<void> {
  await tx.query("UPDATE verification_records SET contract_ended_at = $2, purge_after = $3 WHERE application_id = $1", [
    applicationId,
    endedAt,
    purgeAfter,
  ]);
}

export async function setLegalHoldOf(
  tx: Queryable,
  applicationId: string,
  hold: boolean,
  reason: string | null,
): Promise<void> {
  await tx.query("UPDATE verification_records SET legal_hold = $2, legal_hold_reason = $3 WHERE application_id = $1", [
    applicationId,
    hold,
    reason,
  ]);
}

export type DuePurgeRow = Pick<Selectable<VerificationRecords>, "retention_years" | "policy_id" | "policy_version"> & {
  reference: string;
  purge_after: Date;
};

/** Records whose retention is over on `at`, with no legal hold on any version, not purged yet. */
export async function selectDuePurges(db: Queryable, at: Date): Promise<DuePurgeRow[]> {
  const { rows } = await db.query<DuePurgeRow>(
    `SELECT a.reference, r.purge_after, r.retention_years, r.policy_id, r.policy_version
     FROM verification_records r JOIN applications a ON a.id = r.application_id
     WHERE r.purge_after IS NOT NULL AND r.purge_after <= $1 AND NOT r.legal_hold AND a.purged_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM verification_records h WHERE h.application_id = r.application_id AND h.legal_hold)
     ORDER BY r.purge_after, a.reference`,
    [at],
  );
  return rows;
}

/** Locks the application with this reference unless purged already; its id. */
export async function lockUnpurgedApplication(tx: Queryable, reference: string): Promise<string | null> {
  const { rows } = await tx.query<{ id: string }>(
    "SELECT id FROM applications WHERE reference = $1 AND purged_at IS NULL FOR UPDATE",
    [reference],
  );
  return rows[0]?.id ?? null;
}

/** Expired short-lived rows that may hold personal data or grant access, in this order. */
export async function deleteExpiredAccessRows(db: Queryable, at: Date): Promise<void> {
  // Stored idempotent answers may hold personal data; they are only useful for a day of retries.
  await db.query("DELETE FROM idempotency_keys WHERE created_at < $1::timestamptz - interval '1 day'", [at]);
  // Hand-off codes and the sessions they opened are of no use once expired (the audit trail keeps the events).
  await db.query("DELETE FROM handoff_tokens WHERE expires_at < $1::timestamptz - interval '1 day'", [at]);
  await db.query("DELETE FROM applicant_sessions WHERE expires_at < $1", [at]);
  // Active Authentication challenges: an expired one fails as unknown or expired alike.
  await db.query("DELETE FROM active_authentication_challenges WHERE expires_at < $1::timestamptz - interval '1 day'", [
    at,
  ]);
  await db.query("DELETE FROM applicant_sign_in_codes WHERE expires_at < $1::timestamptz - interval '1 day'", [at]);
}

/**
 * Shreds one application's sealed data and deletes the rows that only held its personal data, in
 * this order; how many evidence and mail rows went.
 */
export async function shredApplicationRows(
  tx: Queryable,
  applicationId: string,
  at: Date,
): Promise<{ evidence: number; mail: number }> {
  forgetLockedApplications(tx);
  await tx.query(
    `UPDATE applications SET wrapped_data_key = ''::bytea, contact_enc = ''::bytea, particulars_enc = NULL,
       document_index = NULL, identity_index = NULL, purged_at = $2 WHERE id = $1`,
    [applicationId, at],
  );
  // The objects of the contract documents (their rows stay, sealed under the destroyed key) are deleted
  // from an object store after the commit, and retried; deleteEvidenceOf queues the evidence's.
  await queueApplicationObjectDeletions(tx, applicationId, { evidence: false, contractDocuments: true });
  // The same deletes as a privacy erasure's and an activation's: one statement each, kept where they belong.
  const evidence = await deleteEvidenceOf(tx, applicationId);
  const mail = await deleteMailOf(tx, applicationId);
  await deleteActivationCode(tx, applicationId);
  await tx.query("DELETE FROM handoff_tokens WHERE application_id = $1", [applicationId]);
  await tx.query("DELETE FROM active_authentication_challenges WHERE application_id = $1", [applicationId]);
  await tx.query("DELETE FROM applicant_sessions WHERE application_id = $1", [applicationId]);
  await tx.query("DELETE FROM applicant_sign_in_codes WHERE application_id = $1", [applicationId]);
  return { evidence, mail };
}
