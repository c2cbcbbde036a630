import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { returnQuarantinedNumbers } from "../src/inventory/release-line.ts";
import { type LocalTestGateway, testCardTokens } from "../src/payments/local-test-gateway.ts";
import { expireStaleApplications } from "../src/review/expire-applications.ts";
import { draftApplication, jobsSettled, payForPlan, runEveryJobNow, somebody } from "./support/journey.ts";
import { signInAs } from "./support/staff.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

let server: TestServer;
let gateway: LocalTestGateway;
const INVOICE_NUMBER = "T1234567890123";

beforeAll(async () => {
  server = await startTestServer({
    JITSUMEI_INVOICE_REGISTRATION_NUMBER: INVOICE_NUMBER,
    PREPAID_PAYMENT_DAYS: "2",
    ACTIVATION_DEADLINE_DAYS: "5",
  });
  gateway = server.services.payments.gateway as LocalTestGateway;
}, 60_000);

afterAll(async () => {
  await gateway?.settle();
  await server?.close();
});

/** A prepaid data eSIM (¥2,200) sold online, submitted: approved by the checks and waiting to be paid. */
async function paymentDue(language = "en", extra: Record<string, unknown> = {}) {
  const { reference, token } = await draftApplication(server, "prepaid-data-esim", somebody(), extra, { language });
  const submitted = await server.api("POST", `/v1/applications/${reference}/submit`, { token });
  expect(submitted.body.state, JSON.stringify(submitted.body)).toBe("payment_pending");
  return { reference, token };
}

async function availableEsimProfiles(): Promise<number> {
  const { rows } = await server.services.db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM esim_profiles WHERE status = 'available'",
  );
  return Number(rows[0]?.n);
}

/** The database dates a state change by its own clock: date it by the server's (which tests move). */
async function enteredNow(reference: string): Promise<void> {
  await server.services.db.query("UPDATE applications SET state_changed_at = $2 WHERE reference = $1", [
    reference,
    server.services.clock(),
  ]);
}

async function stateOf(reference: string, token: string): Promise<string> {
  return String((await server.api("GET", `/v1/applications/${reference}`, { token })).body.state);
}

function pdfText(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), "jitsumei-receipt-")), "receipt.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"]).toString("utf8").replace(/\s+/g, "");
}

describe("a prepaid plan sold online", () => {
  it("holds no SIM while unpaid, refuses a declined card clearly, and releases the eSIM once the card is paid", async () => {
    const stock = await availableEsimProfiles();
    const { reference, token } = await paymentDue();
    // Nothing is reserved for an application that has not paid.
    expect(await availableEsimProfiles()).toBe(stock);
    const view = await server.api("GET", `/v1/applications/${reference}`, { token });
    expect(view.body.line).toBeNull();

    const due = await server.api("GET", `/v1/applications/${reference}/purchase`, { token });
    expect(due.status).toBe(200);
    expect(due.body).toMatchObject({ status: "due", amountJpy: 2200, consumptionTaxJpy: 200, currency: "JPY" });
    const payBy = Date.parse(String(due.body.payBy)) - server.services.clock().getTime();
    expect(payBy).toBeGreaterThan(1.99 * 86_400_000);
    expect(payBy).toBeLessThanOrEqual(2 * 86_400_000);

    const declined = await payForPlan(server, reference, token, testCardTokens.decline);
    expect(declined.status).toBe(402);
    expect(declined.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect(declined.body).toMatchObject({ code: "payment_declined", detail: expect.stringMatching(/declined/) });
    expect(await stateOf(reference, token)).toBe("payment_pending");
    expect(await availableEsimProfiles()).toBe(stock);

    const key = randomUUID();
    const charges = gateway.charges.length;
    const pay = () =>
      server.api("POST", `/v1/applications/${reference}/purchase/payments`, {
        token,
        body: { method: "card", cardToken: testCardTokens.ok },
        headers: { "idempotency-key": key },
      });
    const paid = await pay();
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    expect(paid.body).toMatchObject({
      state: "sim_assigned",
      payment: { kind: "purchase", status: "captured", amountJpy: 2200 },
    });
    const replay = await pay();
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body).toEqual(paid.body);
    expect(gateway.charges.length).toBe(charges + 1);
    // A second click with a new key charges nothing again.
    const again = await payForPlan(server, reference, token);
    expect(again.status).toBe(200);
    expect(gateway.charges.length).toBe(charges + 1);

    expect(await availableEsimProfiles()).toBe(stock - 1);
    const issued = await server.api("GET", `/v1/applications/${reference}`, { token });
    expect(issued.body.line).toMatchObject({
      formFactor: "esim",
      esimActivationCode: expect.stringMatching(/^LPA:1\$/),
    });
    const purchase = await server.api("GET", `/v1/applications/${reference}/purchase`, { token });
    expect(purchase.body).toMatchObject({ status: "paid", payBy: null });
  });

  it("issues a konbini slip, and releases the SIM only when the provider's signed notification says it was paid", async () => {
    const { reference, token } = await paymentDue();
    const slip = await server.api("POST", `/v1/applications/${reference}/purchase/payments`, {
      token,
      body: { method: "konbini" },
    });
    expect(slip.status, JSON.stringify(slip.body)).toBe(201);
    expect(slip.body).toMatchObject({ state: "payment_pending", payment: { status: "pending", amountJpy: 2200 } });
    const konbini = slip.body.konbini as { paymentNumber: string; confirmationNumber: string; barcode: string };
    expect(konbini.paymentNumber).toMatch(/^\d{12}$/);
    expect(konbini.barcode).toMatch(/^91\d{42}$/);

    // The slip is shown again to an applicant who comes back; a card cannot pay it twice meanwhile.
    const waiting = await server.api("GET", `/v1/applications/${reference}/purchase`, { token });
    expect(waiting.body).toMatchObject({ status: "processing", konbini: { paymentNumber: konbini.paymentNumber } });
    const card = await payForPlan(server, reference, token);
    expect(card.status).toBe(409);
    expect(card.body).toMatchObject({ code: "payment_not_due", field: "method" });

    // A forged notification changes nothing.
    const forged = await server.api("POST", "/v1/payments/notifications", {
      rawBody: JSON.stringify({ id: "evt_forged", paymentNumber: konbini.paymentNumber }),
      headers: { "content-type": "application/json", "x-payment-signature": "t=1,v1=00" },
    });
    expect(forged.status).toBe(401);
    expect(await stateOf(reference, token)).toBe("payment_pending");

    await gateway.payAtKonbini(konbini.paymentNumber);
    await gateway.settle();
    expect(gateway.notifications.at(-1)?.deliveredStatus).toBe(200);
    expect(await stateOf(reference, token)).toBe("sim_assigned");
    const paid = await server.api("GET", `/v1/applications/${reference}/purchase`, { token });
    expect(paid.body).toMatchObject({ status: "paid", konbini: null });
  });

  it("puts a receipt (領収書) in the documents, in Japanese and the applicant's language, with the tax and 登録番号", async () => {
    // The applicant gave their name in Japanese script too: the receipt names them so.
    const person = somebody();
    const title = (text: string) => text.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase());
    const name = { family: title(person.family), given: title(person.given), kanji: "江里 杏奈" };
    const { reference, token } = await draftApplication(
      server,
      "prepaid-data-esim",
      person,
      { name },
      {
        language: "zh-Hans",
      },
    );
    expect((await server.api("POST", `/v1/applications/${reference}/submit`, { token })).body.state).toBe(
      "payment_pending",
    );
    const paid = await payForPlan(server, reference, token);
    expect(paid.status).toBe(201);
    await jobsSettled(server);
    // Issued on capture: in the documents without anyone asking for the receipt first.
    const documents = await server.api("GET", `/v1/applications/${reference}/documents`, { token });
    const receipts = (documents.body.documents as { kind: string; url: string }[]).filter((d) => d.kind === "receipt");
    expect(receipts).toHaveLength(1);
    const download = await fetch(`${server.url}${receipts[0]?.url}`, { headers: { authorization: `Bearer ${token}` } });
    expect(download.headers.get("content-type")).toBe("application/pdf");
    const text = pdfText(Buffer.from(await download.arrayBuffer()));
    expect(text).toContain("領収書");
    expect(text).toContain("收据");
    expect(text).toContain("2,200円");
    expect(text).toContain("うち消費税（10%対象）");
    expect(text).toContain("其中消费税（10%税率）");
    expect(text).toContain("200円");
    expect(text).toContain("登録番号");
    expect(text).toContain(INVOICE_NUMBER);
    expect(text).toContain("実名モバイル株式会社");
    expect(text).toContain(reference);
    // The payer as they write their name; the operator named in Chinese in the Chinese column; the
    // payment by a number a person can quote, never its database id; no made-up registration number.
    // (pdfText joins the words: the space between the names goes)
    expect(text).toContain("江里杏奈");
    expect(text).not.toContain(name.given.replaceAll(" ", ""));
    expect(text).toContain("实名移动株式会社");
    expect(text).not.toContain("Jitsumei Mobile K.K.");
    expect(text).toContain(`${reference}-01`);
    expect(text).not.toContain(String((paid.body.payment as { id: string }).id));
    expect(text).not.toContain("A-00-00000");
    // The payment's own receipt link answers the same bytes.
    const receiptUrl = (paid.body.payment as { receiptUrl: string }).receiptUrl;
    const same = await fetch(`${server.url}${receiptUrl}`, { headers: { authorization: `Bearer ${token}` } });
    expect(same.status).toBe(200);
    expect(download.headers.get("x-content-sha256")).toMatch(/^[0-9a-f]{64}$/);
    expect(same.headers.get("x-content-sha256")).toBe(download.headers.get("x-content-sha256"));
  });

  it("refunds the price when a paid application is cancelled, releasing its eSIM, and shows the refund", async () => {
    const { reference, token } = await paymentDue();
    const paid = await payForPlan(server, reference, token);
    expect(paid.status).toBe(201);
    const paymentId = String((paid.body.payment as { id: string }).id);
    const cancelled = await server.api("POST", `/v1/applications/${reference}/cancel`, { token });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    await runEveryJobNow(server);
    const refunded = await server.api("GET", `/v1/applications/${reference}/purchase`, { token });
    expect(refunded.body).toMatchObject({
      status: "refunded",
      payments: [{ id: paymentId, status: "refunded", refundedJpy: 2200 }],
    });
    const { rows } = await server.services.db.query<{ kind: string }>(
      "SELECT kind FROM payment_events WHERE payment_id = $1 ORDER BY id",
      [paymentId],
    );
    expect(rows.map((r) => r.kind)).toContain("refund_requested");
    const { rows: line } = await server.services.db.query<{ status: string }>(
      "SELECT status FROM sims WHERE application_id = (SELECT id FROM applications WHERE reference = $1)",
      [reference],
    );
    expect(line[0]?.status).toBe("released");
    // Staff see it on the case: what was taken and what was given back.
    const reviewer = await signInAs(server, "reviewer");
    const view = await reviewer.api("GET", `/v1/staff/applications/${reference}`);
    expect(view.body.payments).toEqual([
      expect.objectContaining({
        id: paymentId,
        kind: "purchase",
        method: "card",
        status: "refunded",
        amountJpy: 2200,
        refundedJpy: 2200,
      }),
    ]);
  });

  it("expires an application left unpaid past PREPAID_PAYMENT_DAYS, and takes no payment after", async () => {
    const stock = await availableEsimProfiles();
    const { reference, token } = await paymentDue();
    await server.api("POST", `/v1/applications/${reference}/purchase/payments`, { token, body: { method: "konbini" } });
    await enteredNow(reference);
    server.advanceClock(1.9 * 86_400_000);
    expect((await expireStaleApplications(server.services)).expired).not.toContain(reference);
    server.advanceClock(0.2 * 86_400_000);
    expect((await expireStaleApplications(server.services)).expired).toContain(reference);
    expect(await stateOf(reference, token)).toBe("expired");
    expect(await availableEsimProfiles()).toBe(stock);
    const late = await payForPlan(server, reference, token);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: "payment_not_due" });
  });

  it("puts the number of an eSIM paid for but never activated back in stock after ACTIVATION_DEADLINE_DAYS, and refunds it", async () => {
    const { reference, token } = await paymentDue();
    const paid = await payForPlan(server, reference, token);
    expect(paid.body.state).toBe("sim_assigned");
    const line = (await server.api("GET", `/v1/applications/${reference}`, { token })).body.line as { msisdn: string };
    const numberStatus = async () =>
      (
        await server.services.db.query<{ status: string }>("SELECT status FROM phone_numbers WHERE msisdn = $1", [
          line.msisdn,
        ])
      ).rows[0]?.status;
    expect(await numberStatus()).toBe("assigned");
    await enteredNow(reference);

    server.advanceClock(4.9 * 86_400_000);
    expect((await expireStaleApplications(server.services)).expired).not.toContain(reference);
    server.advanceClock(0.2 * 86_400_000);
    expect((await expireStaleApplications(server.services)).expired).toContain(reference);
    expect(await stateOf(reference, token)).toBe("expired");
    // It never worked, so it reached nobody: no quarantine, back in the pool at the next sweep.
    await returnQuarantinedNumbers(server.services.db, server.services.clock());
    expect(await numberStatus()).toBe("available");
    await runEveryJobNow(server);
    const purchase = await server.api("GET", `/v1/applications/${reference}/purchase`, { token });
    expect(purchase.body).toMatchObject({ status: "refunded", payments: [{ status: "refunded", refundedJpy: 2200 }] });
  });
});
