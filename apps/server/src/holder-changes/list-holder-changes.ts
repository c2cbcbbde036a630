import { findApplicationById } from "../applications/application-row.ts";
import { cipherFor } from "../applications/load-application-data.ts";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import { type Database, type Queryable, toBuffer } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { recordVersions } from "../records/record-versions.ts";
import type { VerificationRecordContent } from "../records/write-verification-record.ts";
import { findHolderChangeRequest, latestRecordContent, selectHolderChanges } from "./holder-changes-repository.ts";
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
  const rows = await selectHolderChanges(db, { status: filter.status ?? null, id: filter.id ?? null });
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
  const row = await findHolderChangeRequest(deps.db, changeId);
  const application = row ? await findApplicationById(deps.db, row.application_id) : null;
  if (!row || !application) throw new AppError("not_found", "No such change request");
  if (application.purgedAt) throw new AppError("application_purged", "The line's personal data has been destroyed");
  const [summary] = await listHolderChanges(deps.db, { id: changeId });
  const cipher = await cipherFor(deps.keys, application);
  const requested = cipher.decryptJson<StoredHolderChange>(`holder-change:${changeId}`, toBuffer(row.request_enc));
  const latest = await latestRecordContent(deps.db, application.id);
  const current = latest
    ? cipher.decryptJson<VerificationRecordContent>("verification-record", toBuffer(latest))
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
