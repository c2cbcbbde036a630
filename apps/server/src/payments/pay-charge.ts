import { randomUUID } from "node:crypto";
import type { ApplicationState } from "@jitsumei/domain";
import { type ApplicationRow, lockApplication } from "../applications/application-row.ts";
import type { Database, Queryable } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { findKonbiniInstructions } from "./konbini-repository.ts";
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
  liveApplicationPayment,
  logPaymentEvent,
  type PaymentRow,
} from "./payments-repository.ts";
import { recordGatewayAnswer } from "./record-gateway-answer.ts";

export type PayChargeInput = { method: "card"; cardToken: string } | { method: "konbini" };
export type PaidCharge = {
  payment: PaymentRow;
  alreadyPaid: boolean;
  konbini?: KonbiniInstructions | null;
  /** The application's state as the request's last transaction left it, when that recorded an answer. */
  state?: ApplicationState;
};

/**
 * What an application may owe before its SIM is released: the state that owes it, how much, and the
 * words of the refusal when it is not owed.
 */
type Charge = {
  kind: "deposit" | "purchase";
  owedIn: ApplicationState;
  notDue: "deposit_not_due" | "payment_not_due";
  what: string;
  /** The amount in yen (tax included), read under the application's lock; 0 when nothing is owed. */
  amountJpy(tx: Queryable, application: ApplicationRow): Promise<number>;
};

const deposit: Charge = {
  kind: "deposit",
  owedIn: "deposit_pending",
  notDue: "deposit_not_due",
  what: "deposit",
  async amountJpy(tx, application) {
    const decision = await findDepositDecision(tx, application.id);
    return decision?.required ? decision.amountJpy : 0;
  },
};

/** A prepaid plan sold online: its price, as the plan states it now (tax included). */
const purchase: Charge = {
  kind: "purchase",
  owedIn: "payment_pending",
  notDue: "payment_not_due",
  what: "plan's price",
  async amountJpy(_tx, application) {
    return application.planPriceJpy;
  },
};

/** The postpaid deposit (deposit_pending). */
export function payDeposit(
  deps: { db: Database; gateway: PaymentGateway },
  application: ApplicationRow,
  input: PayChargeInput,
): Promise<PaidCharge> {
  return payCharge(deps, application, deposit, input);
}

/** The price of a prepaid plan sold online (payment_pending), before its SIM or eSIM is released. */
export function payPurchase(
  deps: { db: Database; gateway: PaymentGateway },
  application: ApplicationRow,
  input: PayChargeInput,
): Promise<PaidCharge> {
  return payCharge(deps, application, purchase, input);
}

/**
 * The applicant pays what is owed (a deposit, a prepaid plan's price) by card (authorise, then
 * capture) or at a konbini. No database transaction is held open while the gateway is asked; instead:
 * 1. under the application's lock, the charge's one live payment row is found or created (pending),
 *    with the idempotency key every gateway call for it carries: a retry (after a time-out, a double
 *    click, a second tab) resumes the same payment and can never charge twice;
 * 2. the gateway authorises; a decline is recorded and answered 402, a time-out answered 504 with the
 *    payment left pending (the gateway's notification, or the next attempt, tells what happened);
 * 3. the capture is recorded by `recordGatewayAnswer`, which moves the application on (pay_deposit,
 *    pay_purchase) to ready_to_issue and its SIM.
 */
async function payCharge(
  deps: { db: Database; gateway: PaymentGateway },
  application: ApplicationRow,
  charge: Charge,
  input: PayChargeInput,
): Promise<PaidCharge> {
  const started = await deps.db.transaction(async (tx) => {
    const locked = await lockApplication(tx, application.id);
    const live = await liveApplicationPayment(tx, application.id, charge.kind);
    if (live?.status === "captured") return { payment: live, alreadyPaid: true };
    if (locked?.state !== charge.owedIn) {
      throw new AppError(charge.notDue, `The application is ${locked?.state}: no ${charge.what} is due now`, {
        state: locked?.state,
      });
    }
    const amountJpy = await charge.amountJpy(tx, locked);
    if (amountJpy <= 0) {
      throw new AppError(charge.notDue, `No ${charge.what} amount has been decided for this application`);
    }
    if (live && live.method !== input.method) {
      throw new AppError(charge.notDue, `A ${live.method} payment of the ${charge.what} is already under way`, {
        errors: [{ field: "method", reason: `must be ${live.method}, as the payment already started` }],
        paymentId: live.id,
      });
    }
    if (live) return { payment: live, alreadyPaid: false };
    const id = randomUUID();
    const payment = await insertPayment(tx, {
      id,
      applicationId: application.id,
      kind: charge.kind,
      amountJpy,
      gateway: deps.gateway.name,
      idempotencyKey: `${charge.kind}_${id}`,
      method: input.method,
    });
    return { payment, alreadyPaid: false };
  });
  if (started.alreadyPaid) return started;

  const cardToken = input.method === "card" ? input.cardToken : "";
  let payment = started.payment;
  let state: ApplicationState | undefined;
  if (input.method === "konbini") {
    // No card: the slip is the answer; the till's notification pays it (recordGatewayAnswer).
    const answer = await ask(deps, payment, () =>
      deps.gateway.authorize({
        amountJpy: payment.amountJpy,
        idempotencyKey: payment.idempotencyKey,
        method: { kind: "konbini" },
        reference: application.reference,
      }),
    );
    payment = (await record(deps, payment, answer)).payment;
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
    ({ payment, state } = await record(deps, payment, answer));
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
    // A second request for the same charge (a double click) may have captured it meanwhile: then
    // the application has moved on and there is nothing left to capture.
    const capturedMeanwhile = await assertStillDue(deps, application.id, payment.id, charge);
    ({ payment, state } = capturedMeanwhile
      ? { payment: capturedMeanwhile, state: undefined }
      : await capture(deps, payment, gatewayId));
  }
  if (payment.status !== "captured") {
    throw new AppError("payment_failed", "The payment could not be completed; nothing was taken from the card", {
      paymentId: payment.id,
      failureCode: payment.failureCode,
    });
  }
  return { payment, alreadyPaid: false, state };
}

/**
 * Captures an authorised payment. A gateway that no longer knows the authorisation (it lapsed, or
 * the local test gateway's process restarted) took nothing: the payment is recorded failed, so the
 * applicant's next attempt starts a new one instead of retrying a capture that can never succeed.
 */
async function capture(
  deps: { db: Database; gateway: PaymentGateway },
  payment: PaymentRow,
  gatewayId: string,
): Promise<Recorded> {
  try {
    return await record(deps, payment, await ask(deps, payment, () => deps.gateway.capture(gatewayId)));
  } catch (error) {
    const lost = error instanceof AppError && error.code === "payment_failed" && (await knowsNot(deps, gatewayId));
    if (!lost) throw error;
    return record(deps, payment, {
      paymentId: gatewayId,
      idempotencyKey: payment.idempotencyKey,
      status: "failed",
      amountJpy: payment.amountJpy,
      refundedJpy: 0,
      failureCode: "authorization_lost",
    });
  }
}

async function knowsNot(deps: { gateway: PaymentGateway }, gatewayId: string): Promise<boolean> {
  return (await deps.gateway.status(gatewayId).catch(() => undefined)) === null;
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

/** Throws when the charge is no longer owed; answers the payment when it was captured meanwhile. */
async function assertStillDue(
  deps: { db: Database },
  applicationId: string,
  paymentId: string,
  charge: Charge,
): Promise<PaymentRow | null> {
  const { due, captured } = await deps.db.transaction(async (tx) => {
    const application = await lockApplication(tx, applicationId);
    const row = await findPayment(tx, paymentId);
    if (row?.status === "captured" && row.refundRequestedAt == null) return { due: true, captured: row };
    return {
      due: application?.state === charge.owedIn && row?.refundRequestedAt == null,
      captured: null,
    };
  });
  if (captured) return captured;
  if (!due) {
    throw new AppError(
      charge.notDue,
      `The application no longer owes its ${charge.what} (it was cancelled or has ended)`,
    );
  }
  return null;
}

/** The payment as recorded, and the application's state that transaction left. */
type Recorded = { payment: PaymentRow; state?: ApplicationState };

async function record(deps: { db: Database }, payment: PaymentRow, answer: GatewayPayment): Promise<Recorded> {
  const recorded = await deps.db.transaction((tx) => recordGatewayAnswer(tx, payment.id, answer, "request"));
  return { payment: recorded.payment, state: recorded.applicationState };
}
