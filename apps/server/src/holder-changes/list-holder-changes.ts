import { findApplicationById } from "../applications/application-row.ts";
import { cipherFor } from "../applications/load-application-data.ts";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import { type Database, type Queryable, toBuffer } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { recordVersions } from "../records/record-versions.ts";
import type { VerificationRecordContent } from "../records/write-verification-record.ts";
import type { StoredHolderChange } from "./request-holder-change.ts";

export type HolderChangeSummary = {
  id: string;
  reference: string;
  msisdn: string;
  kind: string;
  status: string;
  evidenceCount: number;
  policy: string;
  requestedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  rejectReason: string | null;
  recordId: string | null;
};

/** The queue of changes (no personal data: a reviewer opens one to see it). Oldest first. */
export async function listHolderChanges(
  db: Queryable,
  filter: { status?: "pending" | "approved" | "rejected"; id?: string },
) {
  const { rows } = await db.query<{
    id: string;
    reference: string;
    msisdn: string;
    kind: string;
    status: string;
    evidence_count: number;
    policy_id: string;
    policy_version: string;
    requested_at: Date;
    decided_at: Date | null;
    decided_by: string | null;
    reject_reason: string | null;
    record_id: string | null;
  }>(
    `SELECT c.id, a.reference, s.msisdn, c.kind, c.status, c.evidence_count, c.policy_id, c.policy_version,
       c.requested_at, c.decided_at, c.decided_by, c.reject_reason, c.record_id
     FROM holder_changes c JOIN applications a ON a.id = c.application_id JOIN subscriptions s ON s.id = c.subscription_id
     WHERE ($1::text IS NULL OR c.status = $1) AND ($2::uuid IS NULL OR c.id = $2)
     ORDER BY c.requested_at, c.id LIMIT 200`,
    [filter.status ?? null, filter.id ?? null],
  );
  return rows.map(
    (r): HolderChangeSummary => ({
      id: r.id,
      reference: r.reference,
      msisdn: r.msisdn,
      kind: r.kind,
      status: r.status,
      evidenceCount: Number(r.evidence_count),
      policy: `${r.policy_id}@${r.policy_version}`,
      requestedAt: new Date(r.requested_at).toISOString(),
      decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
      decidedBy: r.decided_by,
      rejectReason: r.reject_reason,
      recordId: r.record_id,
    }),
  );
}

/**
 * One change as a reviewer decides it: what is on record now (the latest version), what is asked
 * for, the evidence images, and every version of the record so far. Opening it is audited.
 */
export async function viewHolderChange(deps: { db: Database; keys: KeyManagement }, changeId: string, actor: string) {
  const { rows } = await deps.db.query<{ application_id: string; request_enc: unknown }>(
    "SELECT application_id, request_enc FROM holder_changes WHERE id = $1",
    [changeId],
  );
  const row = rows[0];
  const application = row ? await findApplicationById(deps.db, row.application_id) : null;
  if (!row || !application) throw new AppError("not_found", "No such change request");
  if (application.purgedAt) throw new AppError("application_purged", "The line's personal data has been destroyed");
  const [summary] = await listHolderChanges(deps.db, { id: changeId });
  const cipher = await cipherFor(deps.keys, application);
  const requested = cipher.decryptJson<StoredHolderChange>(`holder-change:${changeId}`, toBuffer(row.request_enc));
  const latest = await deps.db.query<{ content_enc: unknown }>(
    "SELECT content_enc FROM verification_records WHERE application_id = $1 ORDER BY version DESC LIMIT 1",
    [application.id],
  );
  const current = latest.rows[0]
    ? cipher.decryptJson<VerificationRecordContent>("verification-record", toBuffer(latest.rows[0].content_enc))
    : null;
  await deps.db.transaction((tx) =>
    appendAuditEntry(tx, { actor, action: "holder_change.viewed", subject: application.reference, data: { changeId } }),
  );
  return {
    ...(summary as HolderChangeSummary),
    current: current ? { name: current.particulars.name, address: current.particulars.address } : null,
    requested,
    recordVersions: await recordVersions(deps.db, application.id),
  };
}
