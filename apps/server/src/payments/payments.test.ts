import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedPostpaidApplication } from "../../test/support/postpaid.ts";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database.ts";
import { findApplicationById } from "../applications/application-row.ts";
import { applyEvent } from "../applications/apply-event.ts";
import { type KeyManagement, localKeyManagement } from "../crypto/key-management.ts";
import type { Database } from "../db/database.ts";
import { migrate } from "../db/migrate.ts";
import { AppError } from "../errors.ts";
import { seedDemoData } from "../inventory/seed-demo-data.ts";
import { type LocalTestGateway, localTestGateway, testCardTokens } from "./local-test-gateway.ts";
import { payDeposit } from "./pay-charge.ts";
import { type PaymentGateway, PaymentGatewayTimeout } from "./payment-gateway.ts";
import { signNotification } from "./payment-notifications.ts";
import { findPayment, listPayments } from "./payments-repository.ts";
import { receivePaymentNotification } from "./receive-notification.ts";
import { REFUND_JOB, recordGatewayAnswer } from "./record-gateway-answer.ts";
import { refundChargesOnCancel, refundPaymentJob } from "./refund-charges.ts";

const secret = "whsec_local_test_secret_0123456789abcdef";
const clock = () => new Date();

let database: TestDatabase;
let db: Database;
let keys: KeyManagement;

beforeAll(async () => {
  database = await createTestDatabase({ migrated: true });
  db = database.db;
  await migrate(db);
  await seedDemoData(db);
  keys = localKeyManagement(randomBytes(32));
}, 60_000);

afterAll(async () => {
  await database?.drop();
});

/** A gateway that only keeps its notifications: the tests deliver them, as often as they like. */
function gateway(timeoutMs = 50): LocalTestGateway {
  return localTestGateway({ secret, timeoutMs });
}

async function errorCode(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

async function payDepositEvents(applicationId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM application_events WHERE application_id = $1 AND event = 'pay_deposit'",
    [applicationId],
  );
  return rows[0]?.n ?? -1;
}

async function stateOf(applicationId: string) {
  return (await findApplicationById(db, applicationId))?.state;
}

function deliver(g: LocalTestGateway, index: number, at = clock) {
  const sent = g.notifications[index];
  if (!sent) throw new Error(`no notification ${index}`);
  return receivePaymentNotification(
    { db, clock: at, notifications: { secret } },
    { rawBody: Buffer.from(sent.rawBody), signatureHeader: sent.headers["x-payment-signature"] },
  );
}

describe("the deposit decision drives the contract's next state", () => {
  it("a deposit owed sends the signed contract to deposit_pending, with the amount and reasons stored", async () => {
    const application = await signedPostpaidApplication({ db, keys });
    expect(application.state).toBe("deposit_pending");
    expect(application.depositRequired).toBe(true);
    const { rows } = await db.query("SELECT amount_jpy, reasons FROM deposit_decisions WHERE application_id = $1", [
      application.id,
    ]);
    expect(rows[0]).toEqual({ amount_jpy: 10000, reasons: ["billing_convenience_store", "young_applicant"] });
  });

  it("no deposit owed (an adult paying by card) goes straight to ready_to_issue", async () => {
    const application = await signedPostpaidApplication(
      { db, keys },
      { billingMethod: "credit_card", particulars: { birthDate: "1980-01-01" } },
    );
    expect(application.state).toBe("ready_to_issue");
    expect(application.depositRequired).toBe(false);
  });
});

describe("paying the deposit", () => {
  it("authorises and captures once, and moves the application on to its SIM", async () => {
    const g = gateway();
    const application = await signedPostpaidApplication({ db, keys });
    const paid = await payDeposit({ db, gateway: g }, application, { method: "card", cardToken: testCardTokens.ok });
    expect(paid.payment).toMatchObject({ status: "captured", amountJpy: 10000, kind: "deposit" });
    expect(g.charges).toHaveLength(1);
    expect(await stateOf(application.id)).toBe("sim_assigned");
    expect(await payDepositEvents(application.id)).toBe(1);
    const { rows } = await db.query(
      "SELECT actor_kind FROM application_events WHERE event = 'pay_deposit' AND application_id = $1",
      [application.id],
    );
    expect(rows[0]?.actor_kind).toBe("system");
  });

  it("the gateway honours its idempotency key: the same key twice is one charge with one answer", async () => {
    const g = gateway();
    const request = {
      amountJpy: 5000,
      idempotencyKey: `deposit_${randomBytes(8).toString("hex")}`,
      method: { kind: "card" as const, token: testCardTokens.ok },
      reference: "JT-TEST",
    };
    const first = await g.authorize(request);
    const second = await g.authorize(request);
    expect(second).toEqual(first);
    expect(g.charges).toHaveLength(1);
  });

  it("two requests at once pay one deposit with one charge", async () => {
    const g = gateway();
    const application = await signedPostpaidApplication({ db, keys });
    const pay = () => payDeposit({ db, gateway: g }, application, { method: "card", cardToken: testCardTokens.ok });
    const [a, b] = await Promise.all([pay(), pay()]);
    expect(a.payment.id).toBe(b.payment.id);
    expect(g.charges).toHaveLength(1);
    expect(await listPayments(db, application.id)).toHaveLength(1);
    expect(await payDepositEvents(application.id)).toBe(1);
    // Paying again after it is paid charges nothing and says so.
    const again = await pay();
    expect(again.alreadyPaid).toBe(true);
    expect(g.charges).toHaveLength(1);
  });

  it("a declined card is 402 payment_declined, leaves the deposit due, and another card can pay", async () => {
    const g = gateway();
    const application = await signedPostpaidApplication({ db, keys });
    const deps = { db, gateway: g };
    expect(await errorCode(payDeposit(deps, application, { method: "card", cardToken: testCardTokens.decline }))).toBe(
      "payment_declined",
    );
    expect(await stateOf(application.id)).toBe("deposit_pending");
    expect((await listPayments(db, application.id)).map((p) => [p.status, p.failureCode])).toEqual([
      ["declined", "card_declined"],
    ]);
    await payDeposit(deps, application, { method: "card", cardToken: testCardTokens.ok });
    expect(await stateOf(application.id)).toBe("sim_assigned");
    expect(g.charges).toHaveLength(1);
  });

  it("a gateway that does not answer is 504 payment_timeout; the retry resumes the same payment", async () => {
    const g = gateway(30);
    const application = await signedPostpaidApplication({ db, keys });
    const deps = { db, gateway: g };
    const started = Date.now();
    expect(await errorCode(payDeposit(deps, application, { method: "card", cardToken: testCardTokens.timeout }))).toBe(
      "payment_timeout",
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    const [pending] = await listPayments(db, application.id);
    expect(pending?.status).toBe("pending");
    expect(await stateOf(application.id)).toBe("deposit_pending");

    const paid = await payDeposit(deps, application, { method: "card", cardToken: testCardTokens.ok });
    expect(paid.payment.id).toBe(pending?.id);
    expect(paid.payment.status).toBe("captured");
    expect(g.charges.map((c) => c.idempotencyKey)).toEqual([pending?.idempotencyKey]);
  });

  it("a failed capture is payment_failed and the deposit stays due", async () => {
    const g = gateway();
    const application = await signedPostpaidApplication({ db, keys });
    expect(
      await errorCode(
        payDeposit({ db, gateway: g }, application, { method: "card", cardToken: testCardTokens.captureFails }),
      ),
    ).toBe("payment_failed");
    expect((await listPayments(db, application.id))[0]?.status).toBe("failed");
    expect(await stateOf(application.id)).toBe("deposit_pending");
  });

  it("refuses when no deposit is due", async () => {
    const application = await signedPostpaidApplication(
      { db, keys },
      { billingMethod: "credit_card", particulars: { birthDate: "1980-01-01" } },
    );
    expect(
      await errorCode(
        payDeposit({ db, gateway: gateway() }, application, { method: "card", cardToken: testCardTokens.ok }),
      ),
    ).toBe("deposit_not_due");
  });
});

describe("the gateway's notifications", () => {
  /** The capture happens at the gateway but its answer is lost: only the notification tells us. */
  function losingCaptureAnswers(g: LocalTestGateway): PaymentGateway {
    return {
      ...g,
      async capture(paymentId) {
        await g.capture(paymentId);
        throw new PaymentGatewayTimeout("capture", 0);
      },
    };
  }

  it("a capture notified twice moves the application on exactly once", async () => {
    const g = gateway();
    const application = await signedPostpaidApplication({ db, keys });
    expect(
      await errorCode(
        payDeposit({ db, gateway: losingCaptureAnswers(g) }, application, {
          method: "card",
          cardToken: testCardTokens.ok,
        }),
      ),
    ).toBe("payment_timeout");
    expect(await stateOf(application.id)).toBe("deposit_pending");
    const [payment] = await listPayments(db, application.id);
    expect(payment?.status).toBe("authorized");

    // [0] authorised, [1] captured: deliver the capture, then both again, then the capture twice at once.
    expect(g.notifications.map((n) => n.notification.payment.status)).toEqual(["authorized", "captured"]);
    expect((await deliver(g, 1)).applied).toBe(true);
    expect(await stateOf(application.id)).toBe("sim_assigned");
    expect((await deliver(g, 0)).applied).toBe(false);
    expect((await deliver(g, 1)).applied).toBe(false);
    await Promise.all([deliver(g, 1), deliver(g, 1)]);

    expect(await payDepositEvents(application.id)).toBe(1);
    expect((await findPayment(db, payment?.id ?? ""))?.status).toBe("captured");
    const { rows } = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM payment_events WHERE payment_id = $1 AND kind = 'notification_received'",
      [payment?.id],
    );
    expect(rows[0]?.n).toBe(2);
  });

  it("the applicant's request and the notification racing pay the deposit once", async () => {
    const g = gateway();
    const application = await signedPostpaidApplication({ db, keys });
    // Deliver every notification the moment the gateway sends it, while the request is still recording.
    const racing: PaymentGateway = {
      ...g,
      async capture(paymentId) {
        const answer = await g.capture(paymentId);
        await Promise.all([deliver(g, g.notifications.length - 1), deliver(g, g.notifications.length - 1)]);
        return answer;
      },
    };
    const paid = await payDeposit({ db, gateway: racing }, application, {
      method: "card",
      cardToken: testCardTokens.ok,
    });
    expect(paid.payment.status).toBe("captured");
    expect(await payDepositEvents(application.id)).toBe(1);
    expect(await stateOf(application.id)).toBe("sim_assigned");
  });

  it("refuses a bad or stale signature and changes nothing", async () => {
    const g = gateway();
    const application = await signedPostpaidApplication({ db, keys });
    await errorCode(
      payDeposit({ db, gateway: losingCaptureAnswers(g) }, application, {
        method: "card",
        cardToken: testCardTokens.ok,
      }),
    );
    const captured = g.notifications[1];
    if (!captured) throw new Error("no capture notification");
    const receive = (rawBody: string, header: string | undefined, at = clock) =>
      errorCode(
        receivePaymentNotification(
          { db, clock: at, notifications: { secret } },
          { rawBody: Buffer.from(rawBody), signatureHeader: header },
        ),
      );
    const t = Math.floor(Date.now() / 1000);
    expect(
      await receive(captured.rawBody, signNotification("whsec_not_ours_00000000000000000000000", captured.rawBody, t)),
    ).toBe("payment_signature_invalid");
    expect(await receive(captured.rawBody, signNotification(secret, captured.rawBody, t - 600))).toBe(
      "payment_signature_invalid",
    );
    expect(
      await receive(captured.rawBody.replace('"captured"', '"refunded"'), captured.headers["x-payment-signature"]),
    ).toBe("payment_signature_invalid");
    // The genuine notification, delivered ten minutes late, is stale too.
    expect(await deliver(g, 1, () => new Date(Date.now() + 600_000)).catch((e: AppError) => e.code)).toBe(
      "payment_signature_invalid",
    );
    expect(await stateOf(application.id)).toBe("deposit_pending");
    expect(await payDepositEvents(application.id)).toBe(0);
  });

  it("acknowledges a verified notification about a payment we do not know", async () => {
    const g = gateway();
    await g.authorize({
      amountJpy: 100,
      idempotencyKey: `deposit_${randomBytes(8).toString("hex")}`,
      method: { kind: "card", token: testCardTokens.ok },
      reference: "JT-ELSEWHERE",
    });
    expect(await deliver(g, 0)).toEqual({ applied: false, paymentId: null, status: null });
  });
});

describe("refunds on cancellation", () => {
  async function cancel(applicationId: string) {
    return db.transaction(async (tx) => {
      await applyEvent(tx, { applicationId, event: "cancel", actor: { kind: "applicant" } });
      return refundChargesOnCancel(tx, applicationId);
    });
  }

  it("a paid deposit is refunded in full, once, by the job the cancellation queued", async () => {
    const g = gateway();
    const application = await signedPostpaidApplication({ db, keys });
    const { payment } = await payDeposit({ db, gateway: g }, application, {
      method: "card",
      cardToken: testCardTokens.ok,
    });

    expect(await cancel(application.id)).toEqual([payment.id]);
    // A second call (another path that cancels, a retry) queues nothing more.
    expect(await db.transaction((tx) => refundChargesOnCancel(tx, application.id))).toEqual([]);
    const { rows: jobs } = await db.query<{ payload: { paymentId: string } }>(
      "SELECT payload FROM jobs WHERE kind = $1 AND payload->>'paymentId' = $2",
      [REFUND_JOB, payment.id],
    );
    expect(jobs).toHaveLength(1);

    // The job runs at least once: twice here.
    const job = refundPaymentJob({ db, gateway: g });
    await job({ paymentId: payment.id });
    await job({ paymentId: payment.id });
    const refunded = await findPayment(db, payment.id);
    expect(refunded).toMatchObject({ status: "refunded", refundedJpy: 10000 });
    expect(await g.status(payment.gatewayPaymentId ?? "")).toMatchObject({ status: "refunded", refundedJpy: 10000 });
    expect(await stateOf(application.id)).toBe("cancelled");
  });

  it("a cancellation before paying queues nothing", async () => {
    const application = await signedPostpaidApplication({ db, keys });
    expect(await cancel(application.id)).toEqual([]);
  });

  it("a payment left pending by a time-out is closed as failed, and a late authorisation of it is queued for release", async () => {
    const g = gateway(10);
    const application = await signedPostpaidApplication({ db, keys });
    await errorCode(payDeposit({ db, gateway: g }, application, { method: "card", cardToken: testCardTokens.timeout }));
    const [ids] = [await cancel(application.id)];
    expect(ids).toHaveLength(1);
    await refundPaymentJob({ db, gateway: g })({ paymentId: ids[0] ?? "" });
    expect(await findPayment(db, ids[0] ?? "")).toMatchObject({
      status: "failed",
      failureCode: "never_reached_gateway",
    });
    // The gateway's answer arrives late after all: the hold is real, and is queued for release.
    const late = await findPayment(db, ids[0] ?? "");
    const recorded = await db.transaction((tx) =>
      recordGatewayAnswer(
        tx,
        ids[0] ?? "",
        {
          paymentId: "pay_late",
          idempotencyKey: late?.idempotencyKey ?? "",
          status: "authorized",
          amountJpy: late?.amountJpy ?? 0,
          refundedJpy: 0,
          failureCode: null,
        },
        "notification",
      ),
    );
    expect(recorded).toMatchObject({ moved: true, payment: { status: "authorized" } });
    const { rows } = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM jobs WHERE kind = $1 AND payload->>'paymentId' = $2 AND status = 'pending'",
      [REFUND_JOB, ids[0]],
    );
    expect(rows[0]?.n).toBeGreaterThanOrEqual(1);
  });

  it("money captured after the application was cancelled is queued for refund", async () => {
    const g = gateway();
    const application = await signedPostpaidApplication({ db, keys });
    const lost: PaymentGateway = {
      ...g,
      async capture(paymentId) {
        await g.capture(paymentId);
        throw new PaymentGatewayTimeout("capture", 0);
      },
    };
    await errorCode(payDeposit({ db, gateway: lost }, application, { method: "card", cardToken: testCardTokens.ok }));
    const [payment] = await listPayments(db, application.id);
    // Cancelled while authorised; the capture's notification arrives afterwards.
    await cancel(application.id);
    await deliver(g, 1);
    expect(await stateOf(application.id)).toBe("cancelled");
    const { rows } = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM jobs WHERE kind = $1 AND payload->>'paymentId' = $2",
      [REFUND_JOB, payment?.id],
    );
    expect(rows[0]?.n).toBe(2);
    await refundPaymentJob({ db, gateway: g })({ paymentId: payment?.id ?? "" });
    expect(await findPayment(db, payment?.id ?? "")).toMatchObject({ status: "refunded", refundedJpy: 10000 });
  });
});
