import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalTestGateway, testCardTokens } from "../src/payments/local-test-gateway.ts";
import { SIGNATURE_HEADER, signNotification } from "../src/payments/payment-notifications.ts";
import { draftApplication, somebody } from "./support/journey.ts";
import { driveToSigned } from "./support/postpaid.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

let server: TestServer;
let gateway: LocalTestGateway;

beforeAll(async () => {
  server = await startTestServer();
  gateway = server.services.payments.gateway as LocalTestGateway;
}, 60_000);

afterAll(async () => {
  await gateway?.settle();
  await server?.close();
});

/** A postpaid application over the API, signed with a deposit of ¥10,000 due (bills paid at a convenience store). */
async function depositDue() {
  const { reference, token } = await draftApplication(server, "postpaid-voice", somebody());
  // Submission, review and contract are other issues' routes: the one door takes it from here.
  const application = await driveToSigned(server.services, reference, { billingMethod: "convenience_store" });
  expect(application.state).toBe("deposit_pending");
  return { reference, token, applicationId: application.id };
}

async function payDepositEvents(applicationId: string): Promise<number> {
  const { rows } = await server.services.db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM application_events WHERE application_id = $1 AND event = 'pay_deposit'",
    [applicationId],
  );
  return rows[0]?.n ?? -1;
}

describe("deposit API", () => {
  it("shows the deposit due with its reasons in words, takes it once, and the signed notifications change nothing more", async () => {
    const { reference, token, applicationId } = await depositDue();
    const due = await server.api("GET", `/v1/applications/${reference}/deposit`, { token });
    expect(due.status).toBe(200);
    expect(due.body).toMatchObject({ status: "due", required: true, amountJpy: 10000, currency: "JPY" });
    expect(due.body.reasons).toEqual([
      { code: "billing_convenience_store", text: expect.stringContaining("convenience store") },
    ]);

    const charges = gateway.charges.length;
    const notified = gateway.notifications.length;
    const key = randomUUID();
    const body = { method: "card", cardToken: testCardTokens.ok };
    const paid = await server.api("POST", `/v1/applications/${reference}/deposit/payments`, {
      token,
      body,
      headers: { "idempotency-key": key },
    });
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ state: "sim_assigned", payment: { status: "captured", amountJpy: 10000 } });
    const replay = await server.api("POST", `/v1/applications/${reference}/deposit/payments`, {
      token,
      body,
      headers: { "idempotency-key": key },
    });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body).toEqual(paid.body);
    expect(gateway.charges.length - charges).toBe(1);

    // The gateway's notifications (authorised, captured) arrive over HTTP, signed, and are accepted.
    await gateway.settle();
    const mine = gateway.notifications.slice(notified);
    expect(mine.map((n) => [n.notification.payment.status, n.deliveredStatus])).toEqual([
      ["authorized", 200],
      ["captured", 200],
    ]);
    // Delivered once more, by hand: still one pay_deposit.
    const again = mine[1];
    const redelivered = await server.api("POST", "/v1/payments/notifications", {
      rawBody: again?.rawBody,
      headers: again?.headers,
    });
    expect(redelivered.status).toBe(200);
    expect(await payDepositEvents(applicationId)).toBe(1);

    const after = await server.api("GET", `/v1/applications/${reference}/deposit`, { token });
    expect(after.body).toMatchObject({ status: "paid" });
    // The receipt: a PDF naming the amount and the application, the same bytes on every download.
    const receiptUrl = `${server.url}${String((after.body.payments as { receiptUrl: string }[])[0]?.receiptUrl)}`;
    const get = async () => {
      const r = await fetch(receiptUrl, { headers: { authorization: `Bearer ${token}` } });
      return { status: r.status, type: r.headers.get("content-type"), body: Buffer.from(await r.arrayBuffer()) };
    };
    const receipt = await get();
    expect(receipt).toMatchObject({ status: 200, type: "application/pdf" });
    const file = join(mkdtempSync(join(tmpdir(), "jitsumei-receipt-")), "receipt.pdf");
    writeFileSync(file, receipt.body);
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    expect(text).toContain(reference);
    expect(text).toMatch(/10,000/);
    expect((await get()).body.equals(receipt.body)).toBe(true);
  });

  it("a declined card is a 402 problem", async () => {
    const { reference, token } = await depositDue();
    const declined = await server.api("POST", `/v1/applications/${reference}/deposit/payments`, {
      token,
      body: { method: "card", cardToken: testCardTokens.decline },
    });
    expect(declined.status).toBe(402);
    expect(declined.headers.get("content-type")).toContain("application/problem+json");
    expect(declined.body).toMatchObject({ code: "payment_declined", declineCode: "card_declined" });
  });

  it("refuses notifications with a bad or stale signature (401 problem+json)", async () => {
    const rawBody = JSON.stringify({
      id: "evt_forged",
      type: "payment.updated",
      createdAt: new Date().toISOString(),
      payment: {
        paymentId: "pay_x",
        idempotencyKey: "deposit_x",
        status: "captured",
        amountJpy: 1,
        refundedJpy: 0,
        failureCode: null,
      },
    });
    const now = Math.floor(Date.now() / 1000);
    for (const signature of [
      signNotification("whsec_forger_000000000000000000000000000", rawBody, now),
      signNotification(server.services.payments.notifications.secret, rawBody, now - 3600),
      "",
    ]) {
      const answer = await server.api("POST", "/v1/payments/notifications", {
        rawBody,
        headers: { "content-type": "application/json", [SIGNATURE_HEADER]: signature },
      });
      expect(answer.status).toBe(401);
      expect(answer.headers.get("content-type")).toContain("application/problem+json");
      expect(answer.body.code).toBe("payment_signature_invalid");
    }
  });
});
