import { randomUUID } from "node:crypto";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { ApplicationCipher } from "../crypto/envelope.ts";
import { type Queryable, toBuffer } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { insertRecordVersion, lockCurrentRecord, selectRecordVersions } from "./records-repository.ts";
import type { RecordAmendment, VerificationRecordContent } from "./write-verification-record.ts";

export type RecordVersion = { recordId: string; version: number; supersedes: string };

/**
 * A verification record (本人確認記録) is never rewritten (a trigger refuses it): a correction of the
 * holder's particulars, or the end of their holding by a transfer, writes the next version of the
 * application's record, sealed under the same application key, naming the version it supersedes and
 * the amendment (what changed, who decided, on which evidence). Every earlier version stays as it was.
 * A re-verification (a police request) also records how the identity was verified this time and under
 * which policy (`verification`); otherwise those stay the first version's.
 */
export async function writeRecordVersion(
  tx: Queryable,
  input: {
    applicationId: string;
    reference: string;
    cipher: ApplicationCipher;
    amendment: RecordAmendment;
    revise: (current: VerificationRecordContent) => VerificationRecordContent;
    verification?: { method: string; policy: { id: string; version: string; contentHash: string } };
  },
): Promise<RecordVersion> {
  const current = await lockCurrentRecord(tx, input.applicationId);
  if (!current) throw new AppError("not_found", `No verification record for ${input.reference}`);
  const before = input.cipher.decryptJson<VerificationRecordContent>(
    "verification-record",
    toBuffer(current.content_enc),
  );
  const content: VerificationRecordContent = { ...input.revise(before), amendment: input.amendment };
  const id = randomUUID();
  const version = Number(current.version) + 1;
  await insertRecordVersion(tx, {
    id,
    applicationId: input.applicationId,
    version,
    method: input.verification?.method ?? current.method,
    policyId: input.verification?.policy.id ?? current.policy_id,
    policyVersion: input.verification?.policy.version ?? current.policy_version,
    policyHash: input.verification?.policy.contentHash ?? current.policy_hash,
    retentionYears: current.retention_years,
    contentEnc: input.cipher.encryptJson("verification-record", content),
    contractEndedAt: current.contract_ended_at,
    purgeAfter: current.purge_after,
    legalHold: current.legal_hold,
    legalHoldReason: current.legal_hold_reason,
    supersedes: current.id,
    reason: input.amendment.reason,
  });
  await appendAuditEntry(tx, {
    actor: input.amendment.by,
    action: "verification_record.version_written",
    subject: input.reference,
    // Field names and references only: the new particulars stay sealed in the record.
    data: {
      recordId: id,
      version,
      supersedes: current.id,
      reason: input.amendment.reason,
      changeId: input.amendment.changeId ?? null,
      fields: input.amendment.fields ?? [],
      evidence: (input.amendment.evidence ?? []).map((e) => ({ documentType: e.documentType, sha256: e.sha256 })),
    },
  });
  return { recordId: id, version, supersedes: current.id };
}

/** Every version of an application's record, oldest first (metadata only). */
export async function recordVersions(db: Queryable, applicationId: string) {
  const rows = await selectRecordVersions(db, applicationId);
  return rows.map((r) => ({
    recordId: r.id,
    version: Number(r.version),
    reason: r.reason,
    supersedes: r.supersedes,
    createdAt: new Date(r.created_at).toISOString(),
    contractEndedAt: r.contract_ended_at ? new Date(r.contract_ended_at).toISOString() : null,
  }));
}
