import { randomUUID } from "node:crypto";
import { daysPerTopUp } from "@jitsumei/domain";
import { type ApplicationRow, lockApplication } from "../applications/application-row.ts";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { Database, Queryable } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { findPlan } from "../plans/plans-repository.ts";
import { findKonbiniInstructions } from "./konbini-repository.ts";
import type { KonbiniInstructions, PaymentGateway } from "./payment-gateway.ts";
import { insertPayment, type PaymentRow } from "./payments-repository.ts";
import { recordGatewayAnswer } from "./record-gateway-answer.ts";
import { findActiveLine, findTopUpOfApplication, insertPendingTopUp } from "./top-ups-repository.ts";

/**
 * Prepaid top-ups: a top-up buys the plan again (its price) and, once paid, moves the subscription's
 * `valid_until` on as the plan's keep-alive rules say (validity per top-up, capped at the maximum;
 * packages/domain keep-alive), or by the plan's days when it has no rules. A line that was
 * receive-only or suspended gets its service back by the line sweep, queued in the same transaction.
 * Reminders, suspension and termination are the sweep's (keep-alive/sweep-lines.ts).
 */

export type TopUpView = {
  id: string;
  status: "pending" | "credited" | "expired";
  amountJpy: number;
  validityDays: number;
  validUntil: string | null;
  paymentId: string | null;
  paymentStatus: PaymentRow["status"] | null;
  konbini: KonbiniInstructions | null;
};

export type ActiveSubscription = { id: string; planId: string; validUntil: Date | null };

export async function activeSubscriptionOf(db: Queryable, application: ApplicationRow): Promise<ActiveSubscription> {
  const r = await findActiveLine(db, application.id);
  if (!r) {
    throw new AppError("top_up_not_possible", "The application has no active line to top up", {
      state: application.state,
    });
  }
  return { id: r.id, planId: r.plan_id, validUntil: r.valid_until ? new Date(r.valid_until) : null };
}

async function prepaidPlan(db: Queryable, planId: string) {
  const plan = await findPlan(db, planId);
  const days = plan ? daysPerTopUp(plan) : null;
  if (!plan || !days) {
    throw new AppError("top_up_not_possible", "Only prepaid lines are topped up");
  }
  return { ...plan, validityDays: days };
}

/**
 * Starts a top-up paid at a convenience store: a pending payment and top-up, the gateway's slip
 * (payment number, barcode, deadline) stored and returned. The money's arrival is the gateway's
 * signed notification, which credits the top-up (`creditTopUp`, from recordGatewayAnswer).
 */
export async function requestKonbiniTopUp(
  deps: { db: Database; gateway: PaymentGateway },
  application: ApplicationRow,
): Promise<TopUpView> {
  const subscription = await activeSubscriptionOf(deps.db, application);
  const plan = await prepaidPlan(deps.db, subscription.planId);
  const topUpId = randomUUID();
  const payment = await deps.db.transaction(async (tx) => {
    await lockApplication(tx, application.id);
    const id = randomUUID();
    const inserted = await insertPayment(tx, {
      id,
      applicationId: application.id,
      kind: "top_up",
      amountJpy: plan.priceJpy,
      gateway: deps.gateway.name,
      idempotencyKey: `top_up_${id}`,
      method: "konbini",
    });
    await insertPendingTopUp(tx, {
      id: topUpId,
      subscriptionId: subscription.id,
      amountJpy: plan.priceJpy,
      validityDays: plan.validityDays,
      paymentId: inserted.id,
    });
    await appendAuditEntry(tx, {
      actor: "applicant",
      action: "top_up.requested",
      subject: application.reference,
      data: { topUpId, paymentId: inserted.id, method: "konbini", amountJpy: plan.priceJpy },
    });
    return inserted;
  });
  const answer = await deps.gateway.authorize({
    amountJpy: payment.amountJpy,
    idempotencyKey: payment.idempotencyKey,
    method: { kind: "konbini" },
    reference: application.reference,
  });
  await deps.db.transaction((tx) => recordGatewayAnswer(tx, payment.id, answer, "request"));
  return getTopUp(deps.db, application, topUpId);
}

export async function getTopUp(db: Queryable, application: ApplicationRow, topUpId: string): Promise<TopUpView> {
  const r = await findTopUpOfApplication(db, topUpId, application.id);
  if (!r) throw new AppError("not_found", `There is no top-up ${topUpId} on this line`);
  const paymentId = r.payment_id == null ? null : String(r.payment_id);
  return {
    id: String(r.id),
    status: r.status,
    amountJpy: Number(r.amount_jpy),
    validityDays: Number(r.validity_days),
    validUntil: r.valid_until ? new Date(r.valid_until).toISOString() : null,
    paymentId,
    paymentStatus: r.payment_status ?? null,
    konbini: paymentId ? await findKonbiniInstructions(db, paymentId) : null,
  };
}
