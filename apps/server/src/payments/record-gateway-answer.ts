import { type ApplicationState, hasTag } from "@jitsumei/domain";
import { lockApplication, lockApplicationOfPayment } from "../applications/application-row.ts";
import { applyEvent } from "../applications/apply-event.ts";
import type { Queryable } from "../db/database.ts";
import { issueWhenReady } from "../issuance/issue-when-ready.ts";
import { enqueueJob } from "../jobs/jobs.ts";
import { queuePaymentNotice } from "../notifications/payment-notices.ts";
import { markKonbiniPaid, storeKonbiniInstructions } from "./konbini-repository.ts";
import type { GatewayPayment } from "./payment-gateway.ts";
import { lockPayment, movePayment, type PaymentRow, type PaymentSource, requestRefund } from "./payments-repository.ts";
import { creditTopUp, expireTopUp } from "./top-up-credit.ts";

export type RecordedAnswer = {
  payment: PaymentRow;
  moved: boolean;
  applicationPaid: boolean;
  /** The application's state as this transaction leaves it. */
  applicationState: ApplicationState;
};

/**
 * Brings our payment row to what the gateway says, in the caller's transaction. Both the applicant's
 * request (the gateway's direct answer) and the gateway's notification come through here, in either
 * order and any number of times:
 * - the application row is locked first, then the payment (the order `applyEvent` and every payment
 *   path use), so the two paths queue behind each other instead of deadlocking;
 * - the status moves only forward (payments-repository.ts `mayMove`), so a repeat changes nothing;
 * - the deposit's capture sends `pay_deposit`, an online plan purchase's `pay_purchase` (system),
 *   through the one door in the same transaction: the application is paid exactly when the payment
 *   is recorded captured, and exactly once; its SIM is reserved in that transaction too.
 * Money that arrives for an application that has ended (cancelled, expired, rejected meanwhile) is
 * queued for refund at once.
 */
export async function recordGatewayAnswer(
  tx: Queryable,
  paymentId: string,
  answer: GatewayPayment,
  source: PaymentSource,
): Promise<RecordedAnswer> {
  // The application first (found from the payment in the same statement), then the payment.
  const application = await lockApplicationOfPayment(tx, paymentId);
  if (!application) throw new Error(`payment ${paymentId} does not exist`);
  const payment = await lockPayment(tx, paymentId);
  if (!payment) throw new Error(`payment ${paymentId} does not exist`);

  const { payment: updated, moved } = await movePayment(tx, payment, {
    to: answer.status,
    gatewayPaymentId: answer.paymentId || null,
    refundedJpy: answer.refundedJpy,
    failureCode: answer.failureCode,
    source,
    reference: application.reference,
  });

  if (answer.konbini) {
    await storeKonbiniInstructions(tx, updated.id, answer.konbini);
    // The slip by mail too, once: the applicant has the number at the till without the site.
    if (updated.status === "pending" && (updated.kind === "deposit" || updated.kind === "purchase")) {
      await queuePaymentNotice(tx, { paymentId: updated.id, applicationId: application.id, template: "konbini_slip" });
    }
  }
  if (moved && updated.status === "captured" && updated.method === "konbini") {
    await markKonbiniPaid(tx, updated.id, new Date());
  }
  if (moved && updated.status === "captured" && updated.kind === "top_up") {
    await creditTopUp(tx, updated.id, application.reference);
  }
  if (moved && updated.status === "expired" && updated.kind === "top_up") await expireTopUp(tx, updated.id);

  // What the application owed is paid: it moves on through the one door, and gets its SIM at once.
  const paidEvent = paidEventFor(updated, application.state);
  let applicationPaid = false;
  if (moved && updated.status === "captured" && paidEvent) {
    const paid = await applyEvent(tx, {
      applicationId: application.id,
      event: paidEvent,
      actor: { kind: "system" },
      data: { paymentId: updated.id, amountJpy: updated.amountJpy, source },
    });
    await issueWhenReady(tx, paid.application);
    applicationPaid = true;
  }

  // The applicant hears of money given back (a deposit after cancellation, or one that came too late).
  if (moved && updated.status === "refunded" && (updated.refundedJpy || updated.amountJpy) > 0) {
    await queuePaymentNotice(tx, { paymentId: updated.id, applicationId: application.id, template: "refunded" });
  }

  const holdsMoney = updated.status === "authorized" || updated.status === "captured";
  const refundable = updated.kind === "deposit" || (updated.kind === "purchase" && updated.method !== "counter");
  if (moved && holdsMoney && refundable && hasTag(application.state, "terminal")) {
    await queueRefund(tx, updated.id);
  }
  // The row as the door left it, held by this transaction: no statement.
  const now = await lockApplication(tx, application.id);
  return { payment: updated, moved, applicationPaid, applicationState: now?.state ?? application.state };
}

/** The event a captured payment sends, when the application is still waiting for it. */
function paidEventFor(payment: PaymentRow, state: ApplicationState): "pay_deposit" | "pay_purchase" | null {
  if (payment.kind === "deposit" && state === "deposit_pending") return "pay_deposit";
  if (payment.kind === "purchase" && payment.method !== "counter" && state === "payment_pending") return "pay_purchase";
  return null;
}

export const REFUND_JOB = "refund_payment";

export async function queueRefund(tx: Queryable, paymentId: string): Promise<void> {
  await requestRefund(tx, paymentId);
  await enqueueJob(tx, REFUND_JOB, { paymentId });
}
