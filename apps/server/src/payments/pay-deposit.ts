import { randomUUID } from "node:crypto";
import { type ApplicationRow, lockApplication } from "../applications/application-row.ts";
import type { Database } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { findKonbiniInstructions } from "./konbini-payments.ts";
import {
  type GatewayPayment,
  type KonbiniInstructions,
  type PaymentGateway,
  PaymentGatewayError,
  PaymentGatewayTimeout,
} from "./payment-gateway.ts";
import {
  findDepositDecision,
  findPayment,
  insertPayment,
  liveDepositPayment,
  logPaymentEvent,
  type PaymentRow,
} from "./payment-rows.ts";
import { recordGatewayAnswer } from "./record-gateway-answer.ts";

export type PayDepositInput = { method: "card"; cardToken: string } | { method: "konbini" };
export type PaidDeposit = { payment: PaymentRow; alreadyPaid: boolean; konbini?: KonbiniInstructions | null };

/**
 * The applicant pays the deposit by card: authorise, then capture, on the gateway. No database
 * transaction is held open while the gateway is asked; instead:
 * 1. under the application's lock, the deposit's one live payment row is found or created (pending),
 *    with the idempotency key every gateway call for it carries: a retry (after a time-out, a double
 *    click, a second tab) resumes the same payment and can never charge twice;
 * 2. the gateway authorises; a decline is recorded and answered 402, a time-out answered 504 with the
 *    payment left pending (the gateway's notification, or the next attempt, tells what happened);
 * 3. the capture is recorded by `recordGatewayAnswer`, which moves the application to ready_to_issue.
 */
export async function payDeposit(
  deps: { db: Database; gateway: PaymentGateway },
  application: ApplicationRow,
  input: PayDepositInput,
): Promise<PaidDeposit> {
  const started = await deps.db.transaction(async (tx) => {
    const locked = await lockApplication(tx, application.id);
    const live = await liveDepositPayment(tx, application.id);
    if (live?.status === "captured") return { payment: live, alreadyPaid: true };
    if (locked?.state !== "deposit_pending") {
      throw new AppError("deposit_not_due", `The application is ${locked?.state}: no deposit is due now`, {
        state: locked?.state,
      });
    }
    const decision = await findDepositDecision(tx, application.id);
    if (!decision?.required || decision.amountJpy <= 0) {
      throw new AppError("deposit_not_due", "No deposit amount has been decided for this application");
    }
    if (live && live.method !== input.method) {
      throw new AppError("deposit_not_due", `A ${live.method} payment of the deposit is already under way`, {
        errors: [{ field: "method", reason: `must be ${live.method}, as the payment already started` }],
        paymentId: live.id,
      });
    }
    if (live) return { payment: live, alreadyPaid: false };
    const id = randomUUID();
    const payment = await insertPayment(tx, {
      id,
      applicationId: application.id,
      kind: "deposit",
      amountJpy: decision.amountJpy,
      gateway: deps.gateway.name,
      idempotencyKey: `deposit_${id}`,
      method: input.method,
    });
    return { payment, alreadyPaid: false };
  });
  if (started.alreadyPaid) return started;

  const cardToken = input.method === "card" ? input.cardToken : "";
  let payment = started.payment;
  if (input.method === "konbini") {
    // No card: the slip is the answer; the till's notification pays the deposit (recordGatewayAnswer).
    const answer = await ask(deps, payment, () =>
      deps.gateway.authorize({
        amountJpy: payment.amountJpy,
        idempotencyKey: payment.idempotencyKey,
        method: { kind: "konbini" },
        reference: application.reference,
      }),
    );
    payment = await record(deps, payment, answer);
    return { payment, alreadyPaid: false, konbini: await findKonbiniInstructions(deps.db, payment.id) };
  }
  if (payment.status === "pending") {
    const answer = await ask(deps, payment, () =>
      deps.gateway.authorize({
        amountJpy: payment.amountJpy,
        idempotencyKey: payment.idempotencyKey,
        method: { kind: "card", token: cardToken },
        reference: application.reference,
      }),
    );
    payment = await record(deps, payment, answer);
    if (payment.status === "declined") {
      throw new AppError("payment_declined", "The card was declined: try another card or ask your card issuer", {
        declineCode: payment.failureCode,
      });
    }
  }
  if (payment.status === "authorized") {
    const gatewayId = payment.gatewayPaymentId;
    if (!gatewayId) throw new Error(`authorised payment ${payment.id} has no gateway id`);
    // The application may have been cancelled or expired while the card was authorised: then the hold
    // is released by the refund already queued, and nothing is captured.
    // A second request for the same deposit (a double click) may have captured it meanwhile: then
    // the application has moved on and there is nothing left to capture.
    const capturedMeanwhile = await assertStillDue(deps, application.id, payment.id);
    payment =
      capturedMeanwhile ??
      (await record(deps, payment, await ask(deps, payment, () => deps.gateway.capture(gatewayId))));
  }
  if (payment.status !== "captured") {
    throw new AppError("payment_failed", "The payment could not be completed; nothing was taken from the card", {
      paymentId: payment.id,
      failureCode: payment.failureCode,
    });
  }
  return { payment, alreadyPaid: false };
}

async function ask(
  deps: { db: Database },
  payment: PaymentRow,
  call: () => Promise<GatewayPayment>,
): Promise<GatewayPayment> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof PaymentGatewayError) {
      throw new AppError("payment_failed", `The payment service refused the request (${error.message})`, {
        paymentId: payment.id,
      });
    }
    if (!(error instanceof PaymentGatewayTimeout)) throw error;
    await deps.db.transaction((tx) =>
      logPaymentEvent(tx, payment.id, { kind: "gateway_timeout", source: "request", data: { message: error.message } }),
    );
    throw new AppError(
      "payment_timeout",
      "The payment service did not answer in time. Try again in a moment: you will not be charged twice",
      { paymentId: payment.id },
    );
  }
}

/** Throws when the deposit is no longer owed; answers the payment when it was captured meanwhile. */
async function assertStillDue(
  deps: { db: Database },
  applicationId: string,
  paymentId: string,
): Promise<PaymentRow | null> {
  const { due, captured } = await deps.db.transaction(async (tx) => {
    const application = await lockApplication(tx, applicationId);
    const row = await findPayment(tx, paymentId);
    if (row?.status === "captured" && row.refundRequestedAt == null) return { due: true, captured: row };
    return {
      due: application?.state === "deposit_pending" && row?.refundRequestedAt == null,
      captured: null,
    };
  });
  if (captured) return captured;
  if (!due) {
    throw new AppError("deposit_not_due", "The application no longer owes a deposit (it was cancelled or has ended)");
  }
  return null;
}

async function record(deps: { db: Database }, payment: PaymentRow, answer: GatewayPayment): Promise<PaymentRow> {
  const recorded = await deps.db.transaction((tx) => recordGatewayAnswer(tx, payment.id, answer, "request"));
  return recorded.payment;
}
