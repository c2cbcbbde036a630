import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testCardTokens } from "../src/payments/local-test-gateway.ts";
import { exportVerificationRecords } from "../src/records/export-verification-records.ts";
import {
  activationCodeFromOutbox,
  consentToCredit,
  fillIn,
  runEveryJobNow,
  signContract,
  somebody,
} from "./support/journey.ts";
import { type StaffClient, signInAs } from "./support/staff.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * Issue 6's journey, over real HTTP: a postpaid application approved by a reviewer, its contract
 * signed and sealed (pdfsig accepts it), a deposit paid on the test gateway with its receipt, the SIM
 * sent by restricted delivery (本人限定受取郵便) and delivered, and the line activated on the network.
 */

let server: TestServer;
let reviewer: StaffClient;
let clerk: StaffClient;
const dir = mkdtempSync(join(tmpdir(), "jitsumei-postpaid-"));
const address = { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", line1: "千代田1-1-1" };

beforeAll(async () => {
  server = await startTestServer();
  reviewer = await signInAs(server, "reviewer");
  clerk = await signInAs(server, "clerk");
});
afterAll(async () => server?.close());

async function file(path: string, token: string) {
  const r = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: r.status, type: r.headers.get("content-type"), body: Buffer.from(await r.arrayBuffer()) };
}

/** A postpaid voice application, filled in with particulars and MRZ, and submitted. */
async function applyAndSubmit(options: { language: string; channel: string; formFactor: string }) {
  const person = somebody();
  const created = await server.api("POST", "/v1/applications", {
    body: { planId: "postpaid-voice", ...options, contact: { email: "kim@example.test" } },
  });
  expect(created.status).toBe(201);
  const reference = String(created.body.reference);
  const token = String(created.body.accessToken);
  // The My Number card's signature: online, NF_JPKI is what lets a reviewer approve a voice line.
  await fillIn(server, reference, token, person, { address }, "jpki");
  await consentToCredit(server, reference, token);
  const submitted = await server.api("POST", `/v1/applications/${reference}/submit`, { token });
  return { reference, token, state: submitted.body.state };
}

describe("a postpaid line, from approval to activation", () => {
  it("signs the contract, pays the deposit, ships by restricted delivery and activates", async () => {
    const { reference, token, state } = await applyAndSubmit({
      language: "en",
      channel: "post",
      formFactor: "physical",
    });
    expect(state).toBe("in_review");

    // A reviewer approves: the contract is offered at once.
    await reviewer.api("POST", `/v1/staff/applications/${reference}/claim`);
    const approved = await reviewer.api("POST", `/v1/staff/applications/${reference}/events`, {
      body: { type: "approve" },
    });
    expect(approved.body.state).toBe("contract_pending");

    // The applicant reads and signs.
    const signed = await signContract(server, reference, token);
    expect(signed.body.state).toBe("deposit_pending");
    const sealed = await file(String((signed.body.signedContract as { url: string }).url), token);
    writeFileSync(join(dir, "signed.pdf"), sealed.body);
    expect(spawnSync("pdfsig", [join(dir, "signed.pdf")], { encoding: "utf8" }).stdout).toContain(
      "Signature Validation: Signature is Valid.",
    );
    expect(execFileSync("pdftotext", [join(dir, "signed.pdf"), "-"], { encoding: "utf8" })).toMatch(/10,000/);

    // The deposit the contract states, paid on the test gateway; its receipt.
    const deposit = await server.api("GET", `/v1/applications/${reference}/deposit`, { token });
    expect(deposit.body).toMatchObject({ required: true, amountJpy: 10000, status: "due" });
    const paid = await server.api("POST", `/v1/applications/${reference}/deposit/payments`, {
      token,
      body: { method: "card", cardToken: testCardTokens.ok },
    });
    expect(paid.status).toBe(201);
    expect(paid.body.state).toBe("sim_assigned");
    const receiptUrl = String((paid.body.payment as { receiptUrl: string }).receiptUrl);
    const receipt = await file(receiptUrl, token);
    expect(receipt).toMatchObject({ status: 200, type: "application/pdf" });
    writeFileSync(join(dir, "receipt.pdf"), receipt.body);
    expect(execFileSync("pdftotext", [join(dir, "receipt.pdf"), "-"], { encoding: "utf8" })).toContain(reference);

    // Sent by restricted delivery, since the application came by post; delivered in person.
    const shipped = await clerk.api("POST", `/v1/staff/applications/${reference}/shipment`);
    expect(shipped.body).toMatchObject({ method: "restricted_delivery", status: "in_transit" });
    const tracking = String(shipped.body.trackingNumber);
    await clerk.api("POST", `/v1/staff/shipments/${tracking}/events`, { body: { type: "delivered" } });
    expect((await server.api("GET", `/v1/applications/${reference}`, { token })).body.state).toBe("delivered");

    // Activated: a subscription on the network, a record with the tracking number.
    await server.api("POST", `/v1/applications/${reference}/activation-code`, { token });
    const activated = await server.api("POST", `/v1/applications/${reference}/activation`, {
      token,
      body: { code: await activationCodeFromOutbox(server, reference) },
    });
    expect(activated.status).toBe(200);
    const msisdn = String(activated.body.msisdn);
    const line = await server.services.db.query<Record<string, unknown>>(
      `SELECT s.plan_id, s.msisdn, s.iccid, s.form_factor, s.status, n.status AS network_status
       FROM subscriptions s JOIN applications a ON a.id = s.application_id
       JOIN network_simulator_subscribers n ON n.network_ref = s.network_ref WHERE a.reference = $1`,
      [reference],
    );
    expect(line.rows[0]).toMatchObject({
      plan_id: "postpaid-voice",
      msisdn,
      iccid: activated.body.iccid,
      form_factor: "physical",
      status: "active",
      network_status: "active",
    });
    const records = await exportVerificationRecords(server.services, { from: null, to: null, actor: "test" });
    expect(records.find((r) => r.reference === reference)).toMatchObject({ postalTrackingNumber: tracking });

    // Every document issued stays downloadable.
    const documents = await server.api("GET", `/v1/applications/${reference}/documents`, { token });
    expect((documents.body.documents as { kind: string }[]).map((d) => d.kind)).toEqual([
      "important_matters",
      "contract",
      "signed_contract",
      "receipt",
    ]);
  });

  it("refunds the deposit and releases the line when the applicant cancels before activation", async () => {
    const { reference, token } = await applyAndSubmit({ language: "ja", channel: "online", formFactor: "esim" });
    await reviewer.api("POST", `/v1/staff/applications/${reference}/claim`);
    await reviewer.api("POST", `/v1/staff/applications/${reference}/events`, { body: { type: "approve" } });
    await signContract(server, reference, token);
    const paid = await server.api("POST", `/v1/applications/${reference}/deposit/payments`, {
      token,
      body: { method: "card", cardToken: testCardTokens.ok },
    });
    expect(paid.body.state).toBe("sim_assigned");
    const view = await server.api("GET", `/v1/applications/${reference}`, { token });
    const msisdn = String((view.body.line as { msisdn: string }).msisdn);

    const cancelled = await server.api("POST", `/v1/applications/${reference}/cancel`, { token });
    expect(cancelled).toMatchObject({ status: 200, body: { state: "cancelled" } });
    await runEveryJobNow(server);
    const deposit = await server.api("GET", `/v1/applications/${reference}/deposit`, { token });
    expect((deposit.body.payments as { status: string }[])[0]?.status).toBe("refunded");
    const number = await server.services.db.query<{ status: string }>(
      "SELECT status FROM phone_numbers WHERE msisdn = $1",
      [msisdn],
    );
    expect(number.rows[0]?.status).toBe("quarantined");
  });
});
