import { z } from "zod";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { Database } from "../db/database.ts";
import { insertDownloadEvent, lockEsimLineByIccid, updateEsimEid, updateEsimState } from "./esim-repository.ts";

/**
 * ES2+ HandleDownloadProgressInfo (SGP.22 v2.5 §5.3.5): the SM-DP+ tells the operator how the
 * phone's download went. Every report is kept once (by the SM-DP+'s call identifier) and moves the
 * line's eSIM state forward: downloaded, installed on the phone, enabled, disabled, deleted, or
 * failed (which lets the applicant ask for a re-download).
 */
export const downloadProgressSchema = z.object({
  header: z.object({
    functionRequesterIdentifier: z.string().min(1).max(256),
    functionCallIdentifier: z.string().min(1).max(256),
  }),
  eid: z
    .string()
    .regex(/^[0-9]{32}$/, "must be 32 digits")
    .optional(),
  iccid: z.string().regex(/^[0-9]{19}[0-9F]?$/, "must be 19 or 20 digits (the 20th may be F)"),
  profileType: z.string().min(1).max(64),
  timestamp: z.string().refine((s) => !Number.isNaN(Date.parse(s)), "must be a date and time (YYYY-MM-DDThh:mm:ssTZD)"),
  notificationPointId: z.number().int().min(1).max(999),
  notificationPointStatus: z.object({
    status: z.enum(["Executed-Success", "Executed-WithWarning", "Failed", "Expired"]),
    statusCodeData: z
      .object({
        subjectCode: z.string(),
        reasonCode: z.string(),
        subjectIdentifier: z.string().optional(),
        message: z.string().optional(),
      })
      .optional(),
  }),
  resultData: z.string().optional(),
  imei: z.string().optional(),
});

export type DownloadProgress = z.infer<typeof downloadProgressSchema>;

export type EsimState = "downloaded" | "installed" | "enabled" | "disabled" | "deleted" | "failed";

/** Where a report leaves the line, or null when it changes nothing the applicant sees. */
export function stateAfter(point: number, status: DownloadProgress["notificationPointStatus"]["status"]) {
  const ok = status === "Executed-Success" || status === "Executed-WithWarning";
  if (!ok) return point <= 4 ? "failed" : null;
  // 1 eligibility check and 2 confirmation passed: nothing happened on the phone yet.
  const reached: Record<number, EsimState> = {
    3: "downloaded",
    4: "installed",
    101: "installed",
    102: "enabled",
    103: "disabled",
    104: "deleted",
  };
  return reached[point] ?? null;
}

export type RecordedProgress = "recorded" | "repeated" | "unknown_iccid";

export async function recordDownloadProgress(db: Database, report: DownloadProgress): Promise<RecordedProgress> {
  // A 20-digit ICCID padded with F is the 19-digit one we keep.
  const iccid = report.iccid.replace(/F$/, "");
  const occurredAt = new Date(report.timestamp);
  const status = report.notificationPointStatus;
  return db.transaction(async (tx) => {
    const line = await lockEsimLineByIccid(tx, iccid);
    if (!line) return "unknown_iccid";
    const inserted = await insertDownloadEvent(tx, {
      iccid,
      notificationPointId: report.notificationPointId,
      status: status.status,
      subjectCode: status.statusCodeData?.subjectCode ?? null,
      reasonCode: status.statusCodeData?.reasonCode ?? null,
      eid: report.eid ?? null,
      functionCallId: report.header.functionCallIdentifier,
      occurredAt,
    });
    if (!inserted) return "repeated";
    const next = stateAfter(report.notificationPointId, status.status);
    if (next) {
      // Reports can arrive out of order: an older one never overwrites a newer state.
      await updateEsimState(tx, iccid, next, occurredAt, report.eid ?? null);
    } else if (report.eid) {
      await updateEsimEid(tx, iccid, report.eid);
    }
    if (line.reference) {
      await appendAuditEntry(tx, {
        actor: "smdp",
        action: "esim.download_progress",
        subject: line.reference,
        data: { notificationPointId: report.notificationPointId, status: status.status, state: next },
      });
    }
    return "recorded";
  });
}
