import { findApplicationById } from "../applications/application-row.ts";
import { loadApplicantDetails } from "../applications/load-application-data.ts";
import type { Config } from "../config/config.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database, Queryable } from "../db/database.ts";
import { enqueueJob } from "../jobs/jobs.ts";
import { queueMail } from "../mail/outbox.ts";
import { findKonbiniInstructions } from "../payments/konbini-repository.ts";
import { queueSms } from "../sms/sms-outbox.ts";
import { renderNotification } from "./notification-texts.ts";
import {
  findPaymentNotice,
  insertPaymentNotice,
  lockPaymentNotice,
  markPaymentNoticeRendered,
} from "./notifications-repository.ts";
import { signInUrl, yen } from "./notify-applicant.ts";

export const NOTIFY_PAYMENT_JOB = "notify_payment";

/**
 * Notices about a payment that changes no state of the application, in the payment's transaction: a
 * refund, and a konbini slip (its numbers, amount, deadline and how to pay, so the applicant has them
 * at the till without the site).
 */
export type PaymentNotice = "refunded" | "konbini_slip";

export async function queuePaymentNotice(
  tx: Queryable,
  input: { paymentId: string; applicationId: string; template: PaymentNotice },
): Promise<void> {
  const inserted = await insertPaymentNotice(tx, input);
  if (inserted) await enqueueJob(tx, NOTIFY_PAYMENT_JOB, { paymentId: input.paymentId, template: input.template });
}

/** Renders one payment notice into the mail and SMS outboxes, once however often the job runs. */
export function notifyPaymentJob(deps: { db: Database; keys: KeyManagement; config: Config }) {
  return async (payload: { paymentId: string; template: PaymentNotice }) => {
    const notice = await findPaymentNotice(deps.db, payload.paymentId, payload.template);
    const application = notice ? await findApplicationById(deps.db, notice.application_id) : null;
    if (!notice || !application || application.purgedAt) return;
    const { contact } = await loadApplicantDetails(deps.keys, application);
    const amount =
      payload.template === "refunded"
        ? Number(notice.refunded_jpy) || Number(notice.amount_jpy)
        : Number(notice.amount_jpy);
    const slip = payload.template === "konbini_slip" ? await findKonbiniInstructions(deps.db, payload.paymentId) : null;
    if (payload.template === "konbini_slip" && !slip) return;
    const message = renderNotification(payload.template, application.language, {
      reference: application.reference,
      signInUrl: signInUrl(deps.config.publicUrl, application.reference),
      amount: yen(amount, application.language),
      ...(slip
        ? {
            paymentNumber: slip.paymentNumber,
            confirmationNumber: slip.confirmationNumber || "-",
            deadline: japanTime(slip.expiresAt, application.language),
          }
        : {}),
    });
    await deps.db.transaction(async (tx) => {
      const locked = await lockPaymentNotice(tx, payload.paymentId, payload.template);
      if (!locked || locked.rendered_at) return;
      await queueMail(tx, deps.keys, {
        language: application.language,
        to: contact.email,
        from: deps.config.mail.from,
        subject: message.subject,
        text: message.text,
        applicationId: application.id,
        template: payload.template,
      });
      if (contact.phone) {
        await queueSms(tx, deps.keys, {
          to: contact.phone,
          text: message.sms,
          applicationId: application.id,
          template: payload.template,
        });
      }
      await markPaymentNoticeRendered(tx, payload.paymentId, payload.template);
    });
  };
}

/** A moment as the applicant's language writes it, on Japan's clock (a konbini deadline is Japan time). */
export function japanTime(iso: string, language: string): string {
  const locale = (
    { ja: "ja-JP", en: "en-GB", "zh-Hans": "zh-CN", "zh-Hant": "zh-TW", ko: "ko-KR", vi: "vi-VN" } as const
  )[language as "ja"];
  return new Intl.DateTimeFormat(locale ?? language, {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Asia/Tokyo",
  }).format(new Date(iso));
}
