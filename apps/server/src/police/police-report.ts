import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import { writeCsv } from "../csv/write-csv.ts";
import type { Database } from "../db/database.ts";
import { selectRequestsForReport } from "./police-repository.ts";
import { openPoliceAuthority } from "./seal-police-requests.ts";

export type PoliceRequestReportRow = {
  requestId: string;
  authority: string;
  authorityReference: string;
  receivedOn: string;
  reference: string;
  msisdn: string;
  deadline: string;
  letterDocumentNumber: string | null;
  letterSha256: string | null;
  status: string;
  reverifiedAt: string | null;
  reverificationMethod: string | null;
  recordVersion: number | null;
  suspendedAt: string | null;
  recordedBy: string;
  recordedAt: string;
};

/**
 * Police requests and what became of them (re-verified, suspended, line ended, still awaiting), for
 * compliance and for answering the police station. Requests received in [from, to] (inclusive, dates
 * in Japan); the report itself is audited with its size.
 */
export async function policeRequestReport(
  db: Database,
  keys: KeyManagement,
  range: { from: string | null; to: string | null; actor: string },
): Promise<PoliceRequestReportRow[]> {
  const rows = await selectRequestsForReport(db, range);
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  const report: PoliceRequestReportRow[] = [];
  for (const r of rows) {
    const { authority, authorityReference } = await openPoliceAuthority(keys, r.id, r.authority_enc);
    report.push({
      requestId: r.id,
      authority,
      authorityReference,
      receivedOn: String(r.received_on).slice(0, 10),
      reference: r.reference,
      msisdn: r.msisdn,
      deadline: new Date(r.deadline).toISOString(),
      letterDocumentNumber: r.document_number,
      letterSha256: r.sha256,
      status: r.status,
      reverifiedAt: iso(r.reverified_at),
      reverificationMethod: r.reverification_method,
      recordVersion: r.record_version,
      suspendedAt: iso(r.suspended_at),
      recordedBy: r.recorded_by,
      recordedAt: new Date(r.created_at).toISOString(),
    });
  }
  await db.transaction((tx) =>
    appendAuditEntry(tx, {
      actor: range.actor,
      action: "police_requests.reported",
      subject: null,
      data: { count: report.length, from: range.from, to: range.to },
    }),
  );
  return report;
}

export function policeReportCsv(rows: readonly PoliceRequestReportRow[]): string {
  const columns = [
    "requestId",
    "authority",
    "authorityReference",
    "receivedOn",
    "reference",
    "msisdn",
    "deadline",
    "letterDocumentNumber",
    "letterSha256",
    "status",
    "reverifiedAt",
    "reverificationMethod",
    "recordVersion",
    "suspendedAt",
    "recordedBy",
    "recordedAt",
  ] as const;
  return writeCsv(
    columns,
    rows.map((r) => columns.map((c) => r[c] ?? "")),
  );
}
