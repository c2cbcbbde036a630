import { findApplicationById } from "../applications/application-row.ts";
import { loadApplicantDetails } from "../applications/load-application-data.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database, Queryable } from "../db/database.ts";
import { esimActivationCode } from "../inventory/identifiers.ts";
import { enqueueJob } from "../jobs/jobs.ts";
import { queueMail } from "../mail/outbox.ts";
import { renderMail } from "../mail/templates.ts";
import { queueSms } from "../sms/sms-outbox.ts";
import { lockLineToRelease, markEsimConfirmed, markEsimOrdered, markEsimReleased } from "./esim-repository.ts";
import { logCall } from "./provisioning-log.ts";
import { operationDone } from "./provisioning-operations-repository.ts";
import { newConfirmationCode, type SmdpPlus } from "./smdp.ts";

export const RELEASE_ESIM_JOB = "release_esim";
export const CANCEL_ESIM_ORDER_JOB = "cancel_esim_order";

/** Queued in the transaction that assigns an eSIM profile: the SM-DP+ is asked after commit. */
export async function queueEsimRelease(tx: Queryable, applicationId: string): Promise<void> {
  await enqueueJob(tx, RELEASE_ESIM_JOB, { applicationId });
}

/**
 * Orders the profile from the SM-DP+, confirms the order and releases it for download. Where the profile
 * requires a confirmation code, a new one goes to the SM-DP+ (as a hash, in the simulator) and to the
 * applicant by mail and SMS, apart from the QR code: a photo of the QR code alone installs nothing.
 * Each of the three steps commits on its own under the line's row lock (esim_ordered_at,
 * esim_confirmed_at, esim_released_at): a real SM-DP+ is not rolled back with our transaction, so a
 * job retried after a failure skips the steps already done, and each ES2+ call is made once per
 * order. A re-download (esim_reissues > 0) lets the SM-DP+ generate the matching ID, and the
 * activation code the applicant scans changes with it.
 */
export function releaseEsimJob(deps: { db: Database; keys: KeyManagement; smdp: SmdpPlus; mailFrom: string }) {
  return async (payload: { applicationId: string }) => {
    const application = await findApplicationById(deps.db, payload.applicationId);
    if (!application || application.purgedAt) return;
    const { contact } = await loadApplicantDetails(deps.keys, application);
    const lockLine = (tx: Queryable) => lockLineToRelease(tx, application.id);
    await deps.db.transaction(async (tx) => {
      const line = await lockLine(tx);
      if (!line || line.esim_ordered_at) return;
      await deps.smdp.downloadOrder({ iccid: line.iccid }, tx);
      await markEsimOrdered(tx, line.iccid);
    });
    await deps.db.transaction(async (tx) => {
      const line = await lockLine(tx);
      if (!line?.esim_ordered_at || line.esim_confirmed_at) return;
      const code = line.confirmation_code_required ? newConfirmationCode() : null;
      const reissued = line.esim_reissues > 0;
      const { matchingId } = await deps.smdp.confirmOrder(
        {
          iccid: line.iccid,
          matchingId: reissued ? null : line.matching_id,
          confirmationCode: code,
          releaseFlag: false,
        },
        tx,
      );
      await markEsimConfirmed(
        tx,
        line.iccid,
        matchingId,
        esimActivationCode({
          smdpAddress: line.smdp_address,
          matchingId,
          confirmationCodeRequired: line.confirmation_code_required,
        }),
      );
      if (!code) return;
      const message = renderMail("esim_confirmation_code", application.language, {
        reference: application.reference,
        code,
      });
      await queueMail(tx, deps.keys, {
        language: application.language,
        to: contact.email,
        from: deps.mailFrom,
        ...message,
        applicationId: application.id,
        template: "esim_confirmation_code",
      });
      if (contact.phone) {
        await queueSms(tx, deps.keys, {
          to: contact.phone,
          text: message.subject,
          applicationId: application.id,
          template: "esim_confirmation_code",
        });
      }
    });
    await deps.db.transaction(async (tx) => {
      const line = await lockLine(tx);
      if (!line?.esim_confirmed_at) return;
      await deps.smdp.releaseProfile({ iccid: line.iccid }, tx);
      await markEsimReleased(tx, line.iccid);
    });
  };
}

/**
 * The line was given up before use: the SM-DP+ cancels the order (the profile is not downloadable).
 * Written to the operation log (the application's, when the payload names it) and done once however
 * often the job runs: a cancellation already answered is not asked again.
 */
export function cancelEsimOrderJob(deps: { db: Database; smdp: SmdpPlus }) {
  return async (payload: { iccid: string; applicationId?: string }) => {
    const key = `cancel_esim_order:${payload.iccid}`;
    await deps.db.transaction(async (tx) => {
      if (await operationDone(tx, key)) return;
      await logCall(
        deps.db,
        tx,
        {
          operation: "cancel_esim_order",
          applicationId: payload.applicationId ?? null,
          adapter: deps.smdp.kind,
          key,
          request: { iccid: payload.iccid, finalProfileStatusIndicator: "Unavailable" },
        },
        () => deps.smdp.cancelOrder({ iccid: payload.iccid, finalProfileStatusIndicator: "Unavailable" }, tx),
        () => null,
      );
    });
  };
}
