import type { Database, Queryable } from "../db/database.ts";
import { enqueueJob } from "../jobs/jobs.ts";
import { type GatewayPayment, type PaymentGateway, PaymentGatewayError } from "./payment-gateway.ts";
import { findPayment, logPaymentEvent, markChargesForRefund } from "./payments-repository.ts";
import { REFUND_JOB, recordGatewayAnswer } from "./record-gateway-answer.ts";

/**
 * Call in the transaction that cancels (or expires) an application: every deposit or online plan
 * purchase payment that holds money, or may (pending after a time-out), is marked for refund and a `refund_payment` job queued,
 * committed with the cancellation or not at all. The gateway is asked after commit, by the job. A
 * second call queues nothing more. Returns the payment ids queued. A line that worked and ends
 * (解約) gets its deposit back, never the price of a plan it used: it passes `["deposit"]`.
 */
export async function refundChargesOnCancel(
  tx: Queryable,
  applicationId: string,
  kinds: readonly ("deposit" | "purchase")[] = ["deposit", "purchase"],
): Promise<string[]> {
  const marked = await markChargesForRefund(tx, applicationId, kinds);
  for (const payment of marked) {
    await logPaymentEvent(tx, payment.id, { kind: "refund_requested", source: "system" });
    await enqueueJob(tx, REFUND_JOB, { paymentId: payment.id });
  }
  return marked.map((p) => p.id);
}

/**
 * The `refund_payment` job: gives back everything not yet refunded. It runs at least once, and the
 * gateway's refund of a refunded payment changes nothing, so a repeat is harmless. A payment we left
 * pending is looked up by its idempotency key first: if the gateway never saw it, there is nothing to
 * give back and it is marked failed.
 */
export function refundPaymentJob(deps: { db: Database; gateway: PaymentGateway }) {
  return async (payload: { paymentId: string }) => {
    const payment = await findPayment(deps.db, payload.paymentId);
    if (!payment || payment.status === "refunded" || payment.status === "declined") return;
    const current = await deps.gateway.status(payment.gatewayPaymentId ?? payment.idempotencyKey);
    const record = (answer: GatewayPayment) =>
      deps.db.transaction((tx) => recordGatewayAnswer(tx, payment.id, answer, "job"));
    if (!current) {
      await record({
        paymentId: "",
        idempotencyKey: payment.idempotencyKey,
        status: "failed",
        amountJpy: payment.amountJpy,
        refundedJpy: 0,
        failureCode: "never_reached_gateway",
      });
      return;
    }
    if (current.status !== "authorized" && current.status !== "captured") {
      await record(current);
      return;
    }
    try {
      await record(await deps.gateway.refund(current.paymentId));
    } catch (error) {
      // Cash paid at a konbini cannot go back through the till: the operator pays it back by bank
      // transfer. Recorded once, for staff to act on; retrying the gateway would never succeed.
      if (!(error instanceof PaymentGatewayError && error.code === "not_refundable")) throw error;
      await deps.db.transaction((tx) =>
        logPaymentEvent(tx, payment.id, {
          kind: "refund_by_transfer_needed",
          source: "job",
          data: { reason: error.message },
        }),
      );
    }
  };
}
