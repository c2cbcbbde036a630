import { randomUUID } from "node:crypto";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { ApplicationCipher } from "../crypto/envelope.ts";
import { type Queryable, toBuffer } from "../db/database.ts";
import { AppError } from "../errors.ts";
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
  const { rows } = await tx.query<{
    id: string;
    version: number;
    method: string;
    policy_id: string;
    policy_version: string;
    policy_hash: string;
    retention_years: number | null;
    content_enc: unknown;
    contract_ended_at: Date | null;
    purge_after: Date | null;
    legal_hold: boolean;
    legal_hold_reason: string | null;
  }>(
    `SELECT id, version, method, policy_id, policy_version, policy_hash, retention_years, content_enc,
       contract_ended_at, purge_after, legal_hold, legal_hold_reason
     FROM verification_records WHERE application_id = $1 ORDER BY version DESC LIMIT 1 FOR UPDATE`,
    [input.applicationId],
  );
  const current = rows[0];
  if (!current) throw new AppError("not_found", `No verification record for ${input.reference}`);
  const before = input.cipher.decryptJson<VerificationRecordContent>(
    "verification-record",
    toBuffer(current.content_enc),
  );
  const content: VerificationRecordContent = { ...input.revise(before), amendment: input.amendment };
  const id = randomUUID();
  const version = Number(current.version) + 1;
  await tx.query(
    `INSERT INTO verification_records (id, application_id, version, method, policy_id, policy_version, policy_hash,
       retention_years, content_enc, contract_ended_at, purge_after, legal_hold, legal_hold_reason, supersedes, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      id,
      input.applicationId,
      version,
      input.verification?.method ?? current.method,
      input.verification?.policy.id ?? current.policy_id,
      input.verification?.policy.version ?? current.policy_version,
      input.verification?.policy.contentHash ?? current.policy_hash,
      current.retention_years,
      input.cipher.encryptJson("verification-record", content),
      current.contract_ended_at,
      current.purge_after,
      current.legal_hold,
      current.legal_hold_reason,
      current.id,
      input.amendment.reason,
    ],
  );
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
  const { rows } = await db.query<{
    id: string;
    version: number;
    reason: string;
    supersedes: string | null;
    created_at: Date;
    contract_ended_at: Date | null;
  }>(
    `SELECT id, version, reason, supersedes, created_at, contract_ended_at FROM verification_records
     WHERE application_id = $1 ORDER BY version`,
    [applicationId],
  );
  return rows.map((r) => ({
    recordId: r.id,
    version: Number(r.version),
    reason: r.reason,
    supersedes: r.supersedes,
    createdAt: new Date(r.created_at).toISOString(),
    contractEndedAt: r.contract_ended_at ? new Date(r.contract_ended_at).toISOString() : null,
  }));
}
