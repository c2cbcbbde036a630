import { appendAuditEntry } from "../audit/audit-chain.ts";
import { applicationCipher } from "../crypto/envelope.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import { writeCsv } from "../csv/write-csv.ts";
import type { Database, Queryable } from "../db/database.ts";
import { toBuffer } from "../db/database.ts";
import { type RecordsCursor, readOneSnapshot, selectRecordsForExport } from "./records-repository.ts";
import type { VerificationRecordContent } from "./write-verification-record.ts";

export type ExportedRecord = VerificationRecordContent & {
  recordId: string;
  version: number;
  /** Why this version was written (contract, holder_change, transferred_away) and the one it replaces. */
  reason: string;
  supersedes: string | null;
  legalHold: boolean;
};

export type RecordsRange = { from: string | null; to: string | null; actor: string; reference?: string | null };

/** A page's size: the API's default and most, and what a whole export reads at a time. */
export const recordsPage = { default: 100, max: 500 } as const;

/**
 * A page of the verification records made in [from, to] (dates in UTC, inclusive), or of one
 * application when a reference is given, decrypted for compliance, after the cursor of the page before;
 * `next` is where the following page starts (null on the last). The page is audited: who exported how
 * many records of which range.
 */
export async function exportVerificationRecordsPage(
  deps: { db: Database; keys: KeyManagement },
  range: RecordsRange,
  page: { after: RecordsCursor | null; limit: number },
): Promise<{ records: ExportedRecord[]; next: RecordsCursor | null }> {
  const { records, next } = await readRecordsPage(deps, range, page);
  await auditExport(deps.db, range, records.length, page.after);
  return { records, next };
}

/**
 * Every verification record of the range (the CSV download, the CLI), read a page at a time; the export
 * is audited once, with how many records it held.
 */
export async function exportVerificationRecords(
  deps: { db: Database; keys: KeyManagement },
  range: RecordsRange,
): Promise<ExportedRecord[]> {
  // Every page from one snapshot: a record committed meanwhile with an earlier time than the page
  // read last is in the file or not, never half of a search. The audit entry is written apart (its
  // chain's head is locked by every writer, which a repeatable-read transaction cannot wait on).
  const records = await deps.db.transaction(async (tx) => {
    await readOneSnapshot(tx);
    const all: ExportedRecord[] = [];
    let after: RecordsCursor | null = null;
    do {
      const page = await readRecordsPage({ db: tx, keys: deps.keys }, range, { after, limit: recordsPage.max });
      all.push(...page.records);
      after = page.next;
    } while (after);
    return all;
  });
  await auditExport(deps.db, range, records.length, null);
  return records;
}

async function readRecordsPage(
  deps: { db: Queryable; keys: KeyManagement },
  range: RecordsRange,
  page: { after: RecordsCursor | null; limit: number },
): Promise<{ records: ExportedRecord[]; next: RecordsCursor | null }> {
  const rows = await selectRecordsForExport(
    deps.db,
    { from: range.from, to: range.to, reference: range.reference ?? null },
    { after: page.after, limit: page.limit + 1 },
  );
  const records: ExportedRecord[] = [];
  for (const row of rows.slice(0, page.limit)) {
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
  const last = rows[page.limit - 1];
  return { records, next: rows.length > page.limit && last ? { at: last.cursor_at, id: last.id } : null };
}

function auditExport(db: Database, range: RecordsRange, count: number, after: RecordsCursor | null) {
  return db.transaction((tx) =>
    appendAuditEntry(tx, {
      actor: range.actor,
      action: "verification_records.exported",
      subject: null,
      data: {
        count,
        from: range.from,
        to: range.to,
        reference: range.reference ?? null,
        // A later page of a search: where it started.
        ...(after ? { after: after.at } : {}),
      },
    }),
  );
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
