import { appendAuditEntry } from "../audit/audit-chain.ts";
import { applicationCipher } from "../crypto/envelope.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import { writeCsv } from "../csv/write-csv.ts";
import type { Database } from "../db/database.ts";
import { toBuffer } from "../db/database.ts";
import { selectRecordsForExport } from "./records-repository.ts";
import type { VerificationRecordContent } from "./write-verification-record.ts";

export type ExportedRecord = VerificationRecordContent & {
  recordId: string;
  version: number;
  /** Why this version was written (contract, holder_change, transferred_away) and the one it replaces. */
  reason: string;
  supersedes: string | null;
  legalHold: boolean;
};

/**
 * Verification records made in [from, to] (dates in UTC, inclusive), of one application when a
 * reference is given, decrypted for compliance. The
 * export itself is audited: who exported how many records.
 */
export async function exportVerificationRecords(
  deps: { db: Database; keys: KeyManagement },
  range: { from: string | null; to: string | null; actor: string; reference?: string | null },
): Promise<ExportedRecord[]> {
  const rows = await selectRecordsForExport(deps.db, {
    from: range.from,
    to: range.to,
    reference: range.reference ?? null,
  });
  const records: ExportedRecord[] = [];
  for (const row of rows) {
    const dataKey = await deps.keys.unwrapDataKey(toBuffer(row.wrapped_data_key), `application:${row.application_id}`);
    const content = applicationCipher(row.application_id, dataKey).decryptJson<VerificationRecordContent>(
      "verification-record",
      toBuffer(row.content_enc),
    );
    records.push({
      recordId: row.id,
      version: row.version,
      reason: row.reason,
      supersedes: row.supersedes,
      legalHold: row.legal_hold,
      ...content,
    });
  }
  await deps.db.transaction((tx) =>
    appendAuditEntry(tx, {
      actor: range.actor,
      action: "verification_records.exported",
      subject: null,
      data: { count: records.length, from: range.from, to: range.to, reference: range.reference ?? null },
    }),
  );
  return records;
}

export const recordCsvColumns = [
  "recordId",
  "version",
  "reference",
  "verifiedAt",
  "verifiedBy",
  "recordedBy",
  "recordedAt",
  "lineCount",
  "phoneNumbers",
  "familyName",
  "givenName",
  "nameKanji",
  "nameKana",
  "birthDate",
  "address",
  "method",
  "methodChecks",
  "documentType",
  "documentNumber",
  "documentNumberNotRecordedBecause",
  "documentIssuingCountry",
  "documentExpiryDate",
  "postalTrackingNumber",
  "policy",
  "legalHold",
] as const;

export function recordsToCsv(records: readonly ExportedRecord[]): string {
  return writeCsv(
    recordCsvColumns,
    records.map((r) => [
      r.recordId,
      r.version,
      r.reference,
      r.verifiedAt,
      r.verifiedBy,
      r.recordedBy,
      r.recordedAt,
      r.lines.count,
      r.lines.phoneNumbers.join(" "),
      r.particulars.name.family,
      r.particulars.name.given,
      r.particulars.name.kanji ?? "",
      r.particulars.name.kana ?? "",
      r.particulars.birthDate,
      r.particulars.address
        ? `〒${r.particulars.address.postalCode} ${r.particulars.address.prefecture}${r.particulars.address.city}${r.particulars.address.line1}${r.particulars.address.line2 ? ` ${r.particulars.address.line2}` : ""}`
        : "",
      r.method,
      // code:status, and "(reader)" where the counter program vouched for it, not the server.
      (r.checks ?? []).map((c) => `${c.code}:${c.status}${c.reportedBy ? `(${c.reportedBy})` : ""}`).join(" "),
      r.document.type,
      r.document.number ?? "",
      r.document.numberNotRecordedBecause ?? "",
      r.document.issuingCountry,
      r.document.expiryDate,
      r.postalTrackingNumber ?? "",
      `${r.policy.id}@${r.policy.version}#${r.policy.contentHash}`,
      r.legalHold,
    ]),
  );
}
