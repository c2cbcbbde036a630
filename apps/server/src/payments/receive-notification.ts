import { lockApplication } from "../applications/application-row.ts";
import type { Database } from "../db/database.ts";
import { DEFAULT_TOLERANCE_SECONDS, verifyNotification } from "./payment-notifications.ts";
import { findPaymentByKey, recordNotification } from "./payments-repository.ts";
import { recordGatewayAnswer } from "./record-gateway-answer.ts";

export type NotificationSettings = { secret: string; toleranceSeconds?: number };

export type NotificationReceipt = {
  /** false: a payment we do not know (another system's, or a test's) or a redelivery; acknowledged anyway. */
  applied: boolean;
  paymentId: string | null;
  status: string | null;
};

/**
 * A notification from the gateway: verified (401 otherwise), then recorded once in one transaction
 * with whatever it changes. The answer is 200 for anything verified, known or not, so the gateway
 * stops redelivering; a redelivery (same notification id) changes nothing.
 */
export async function receivePaymentNotification(
  deps: { db: Database; clock: () => Date; notifications: NotificationSettings },
  input: { rawBody: Buffer; signatureHeader: string | undefined },
): Promise<NotificationReceipt> {
  const notification = verifyNotification(
    { ...input, secret: deps.notifications.secret, now: deps.clock() },
    deps.notifications.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
  );
  const payment = await findPaymentByKey(deps.db, notification.payment.idempotencyKey);
  if (!payment) return { applied: false, paymentId: null, status: null };
  return deps.db.transaction(async (tx) => {
    // The application first, as every payment path locks: recording the notification touches the
    // payment row (its foreign key), and doing that before the application's lock deadlocks against
    // the applicant's request recording the same answer.
    await lockApplication(tx, payment.applicationId);
    const first = await recordNotification(tx, payment.id, notification.id, {
      status: notification.payment.status,
      refundedJpy: notification.payment.refundedJpy,
    });
    if (!first) return { applied: false, paymentId: payment.id, status: payment.status };
    const recorded = await recordGatewayAnswer(tx, payment.id, notification.payment, "notification");
    return { applied: recorded.moved, paymentId: payment.id, status: recorded.payment.status };
  });
}
