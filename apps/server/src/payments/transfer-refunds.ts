import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { Database, Queryable } from "../db/database.ts";
import { AppError } from "../errors.ts";
import {
  applicationReferenceOf,
  findPayment,
  logPaymentEvent,
  type PaymentKind,
  selectTransferRefunds,
  transferRefundEventKinds,
} from "./payments-repository.ts";
import { recordGatewayAnswer } from "./record-gateway-answer.ts";

/**
 * Refunds owed by bank transfer: cash paid at a konbini cannot go back through the till, so the
 * refund job records `refund_by_transfer_needed` (refund-charges.ts) and staff pay it back from the
 * operator's bank. Here they find what is owed and record that it was paid: the payment then moves to
 * `refunded` through the same door as a gateway's answer (the applicant's refund mail with it), and
 * the member who recorded it is in the audit trail with the transfer's reference.
 */
export type TransferRefund = {
  paymentId: string;
  reference: string;
  kind: PaymentKind;
  amountJpy: number;
  paidAt: string;
  owedSince: string;
  /** When and by whom the transfer was recorded; null while it is owed. */
  transferredAt: string | null;
  transferReference: string | null;
};

export async function listTransferRefunds(db: Queryable, input: { owedOnly: boolean }): Promise<TransferRefund[]> {
  const rows = await selectTransferRefunds(db, input.owedOnly);
  return rows.map((r) => ({
    paymentId: String(r.id),
    reference: String(r.reference),
    kind: r.kind,
    amountJpy: Number(r.amount_jpy),
    paidAt: new Date(r.created_at).toISOString(),
    owedSince: new Date(r.owed_since).toISOString(),
    transferredAt: r.transferred_at ? new Date(r.transferred_at).toISOString() : null,
    transferReference: r.transfer_reference == null ? null : String(r.transfer_reference),
  }));
}

export async function markTransferRefundPaid(
  db: Database,
  input: { paymentId: string; transferReference: string; actor: string },
): Promise<TransferRefund> {
  await db.transaction(async (tx) => {
    const payment = await findPayment(tx, input.paymentId);
    const events = payment ? await transferRefundEventKinds(tx, input.paymentId) : [];
    if (!payment || !events.includes("refund_by_transfer_needed")) {
      // The same answer for a payment that does not exist and one that owes nothing by transfer.
      throw new AppError("not_found", `No refund by bank transfer is owed on payment ${input.paymentId}`, {
        errors: [{ field: "paymentId", reason: "owes no refund by bank transfer" }],
      });
    }
    if (events.includes("refund_transfer_paid")) {
      throw new AppError("refund_transfer_recorded", "This refund was already recorded as paid", {
        errors: [{ field: "paymentId", reason: "was already refunded by transfer" }],
      });
    }
    // Locks the application, then the payment (the order every payment path takes), and moves it.
    const recorded = await recordGatewayAnswer(
      tx,
      payment.id,
      {
        paymentId: "",
        idempotencyKey: payment.idempotencyKey,
        status: "refunded",
        amountJpy: payment.amountJpy,
        refundedJpy: payment.amountJpy,
        failureCode: null,
      },
      "staff",
    );
    await logPaymentEvent(tx, payment.id, {
      kind: "refund_transfer_paid",
      source: "staff",
      data: { transferReference: input.transferReference, actor: input.actor },
    });
    await appendAuditEntry(tx, {
      actor: input.actor,
      action: "payment.refund_transfer_paid",
      subject: (await applicationReferenceOf(tx, recorded.payment.applicationId)) ?? payment.applicationId,
      data: { paymentId: payment.id, amountJpy: payment.amountJpy, transferReference: input.transferReference },
    });
  });
  const [refund] = (await listTransferRefunds(db, { owedOnly: false })).filter((r) => r.paymentId === input.paymentId);
  if (!refund) throw new Error(`payment ${input.paymentId} vanished`);
  return refund;
}
