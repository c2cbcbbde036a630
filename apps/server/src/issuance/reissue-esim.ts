import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { Database } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { enqueueJob } from "../jobs/jobs.ts";
import { lockReissuableLine, resetEsimForReissue } from "./esim-repository.ts";
import { RELEASE_ESIM_JOB } from "./release-esim.ts";
import type { SmdpPlus } from "./smdp.ts";

/** Self-service re-downloads per line before the applicant must ask support (a fraud brake). */
export const MAX_SELF_SERVICE_REISSUES = 3;

/**
 * The applicant's eSIM re-download (self-service reissue): after the SM-DP+ reported a failed download,
 * or the profile was deleted from the phone, the old order is cancelled with the profile kept
 * available (CancelOrder, finalProfileStatusIndicator Available) and a new order is made for the same
 * ICCID, with a matching ID the SM-DP+ generates: the old QR code stops working, the new one shows
 * on the status page. The new order runs as the release job does, step by step.
 */
export async function reissueEsim(deps: { db: Database; smdp: SmdpPlus }, applicationId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const line = await lockReissuableLine(tx, applicationId);
    if (!line) throw new AppError("not_found", "The application has no eSIM to download again");
    if (!line.esim_released_at || (line.esim_state !== "failed" && line.esim_state !== "deleted")) {
      throw new AppError("activation_not_ready", "A new download is offered only after a failed or deleted one", {
        errors: [{ field: "esim", reason: "the last download did not fail" }],
      });
    }
    if (line.esim_reissues >= MAX_SELF_SERVICE_REISSUES) {
      throw new AppError("rate_limited", `${MAX_SELF_SERVICE_REISSUES} new downloads were made: ask support`, {
        errors: [{ field: "esim", reason: "too many downloads: contact support" }],
      });
    }
    await deps.smdp.cancelOrder({ iccid: line.iccid, finalProfileStatusIndicator: "Available" }, tx);
    await resetEsimForReissue(tx, line.iccid);
    await appendAuditEntry(tx, {
      actor: "applicant",
      action: "esim.reissued",
      subject: line.reference,
      data: { reissue: line.esim_reissues + 1, after: line.esim_state },
    });
    await enqueueJob(tx, RELEASE_ESIM_JOB, { applicationId });
  });
}
