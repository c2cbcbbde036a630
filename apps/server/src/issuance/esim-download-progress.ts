import { z } from "zod";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { Database } from "../db/database.ts";

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
    const { rows } = await tx.query<{ reference: string | null }>(
      `SELECT a.reference FROM sims s LEFT JOIN applications a ON a.id = s.application_id
       WHERE s.iccid = $1 AND s.form_factor = 'esim' FOR UPDATE OF s`,
      [iccid],
    );
    const line = rows[0];
    if (!line) return "unknown_iccid";
    const inserted = await tx.query(
      `INSERT INTO esim_download_events (iccid, notification_point_id, status, subject_code, reason_code, eid,
         function_call_id, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (function_call_id, iccid) DO NOTHING RETURNING id`,
      [
        iccid,
        report.notificationPointId,
        status.status,
        status.statusCodeData?.subjectCode ?? null,
        status.statusCodeData?.reasonCode ?? null,
        report.eid ?? null,
        report.header.functionCallIdentifier,
        occurredAt,
      ],
    );
    if (inserted.rowCount === 0) return "repeated";
    const next = stateAfter(report.notificationPointId, status.status);
    if (next) {
      // Reports can arrive out of order: an older one never overwrites a newer state.
      await tx.query(
        `UPDATE sims SET esim_state = $2, esim_state_at = $3, esim_eid = COALESCE($4, esim_eid)
         WHERE iccid = $1 AND (esim_state_at IS NULL OR esim_state_at <= $3)`,
        [iccid, next, occurredAt, report.eid ?? null],
      );
    } else if (report.eid) {
      await tx.query("UPDATE sims SET esim_eid = $2 WHERE iccid = $1", [iccid, report.eid]);
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
