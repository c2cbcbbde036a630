import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportVerificationRecords } from "../src/records/export-verification-records.ts";
import { draftApplication, payAfterApproval, somebody, submitAndPay, throwawayEmail } from "./support/journey.ts";
import { type StaffClient, signInAs } from "./support/staff.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

let server: TestServer;
let reviewer: StaffClient;
let clerk: StaffClient;
beforeAll(async () => {
  server = await startTestServer();
  reviewer = await signInAs(server, "reviewer");
  clerk = await signInAs(server, "clerk");
});
afterAll(async () => server?.close());

const address = { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", line1: "千代田1-1" };

/** A physical voice SIM, approved by a reviewer: assigned and waiting to be sent. */
async function approvedPhysicalSim(channel = "online") {
  // Signed with the My Number card, so a reviewer may approve it; a throwaway address sends it to one.
  const { reference, token } = await draftApplication(
    server,
    "prepaid-voice-sim",
    somebody(),
    { address },
    { contact: { email: throwawayEmail() }, evidence: "jpki" },
  );
  if (channel !== "online") {
    await server.services.db.query("UPDATE applications SET channel = $2 WHERE reference = $1", [reference, channel]);
  }
  await submitAndPay(server, reference, token);
  await reviewer.api("POST", `/v1/staff/applications/${reference}/claim`);
  const approved = await reviewer.api("POST", `/v1/staff/applications/${reference}/events`, {
    body: { type: "approve" },
  });
  // Not sold at a till: it is paid for before its SIM is assigned.
  expect(approved.body.state).toBe("payment_pending");
  expect(await payAfterApproval(server, reference, token, approved)).toBe("sim_assigned");
  return { reference, token };
}

async function codeFor(reference: string): Promise<string> {
  await server.services.jobs.drain();
  const mails = (await server.api("GET", "/dev/outbox?limit=200")).body.items as { subject: string; text: string }[];
  const text = mails.find((m) => m.text.includes(reference) && /activation code/i.test(m.subject))?.text ?? "";
  return /\b(\d{6})\b/.exec(text)?.[1] ?? "";
}

describe("sending a physical SIM", () => {
  it("blocks activation until delivery; a returned parcel blocks it again; the tracking number is recorded", async () => {
    const { reference, token } = await approvedPhysicalSim();
    const early = await server.api("POST", `/v1/applications/${reference}/activation-code`, { token });
    expect(early).toMatchObject({ status: 409, body: { code: "activation_not_ready" } });

    const first = await clerk.api("POST", `/v1/staff/applications/${reference}/shipment`);
    expect(first).toMatchObject({
      status: 201,
      body: { method: "registered_non_forwardable", status: "in_transit", carrier: "japan-post-simulator" },
    });
    const tracking = String(first.body.trackingNumber);
    expect(tracking).toMatch(/^\d{11}$/);
    expect(Number(tracking.at(-1))).toBe(Number(BigInt(tracking.slice(0, 10)) % 7n));
    expect((await server.api("GET", `/v1/applications/${reference}/shipment`, { token })).body).toMatchObject({
      trackingNumber: tracking,
      status: "in_transit",
    });

    const returned = await clerk.api("POST", `/v1/staff/shipments/${tracking}/events`, {
      body: { type: "returned", reason: "addressee_unknown" },
    });
    expect(returned.body.status).toBe("returned");
    const view = await server.api("GET", `/v1/applications/${reference}`, { token });
    expect(view.body.state).toBe("sim_assigned");
    expect((await server.api("POST", `/v1/applications/${reference}/activation-code`, { token })).status).toBe(409);
    const twice = await clerk.api("POST", `/v1/staff/shipments/${tracking}/events`, { body: { type: "delivered" } });
    expect(twice).toMatchObject({ status: 409, body: { code: "transition_not_allowed" } });

    const second = await clerk.api("POST", `/v1/staff/applications/${reference}/shipment`);
    const delivered = await clerk.api("POST", `/v1/staff/shipments/${String(second.body.trackingNumber)}/events`, {
      body: { type: "delivered" },
    });
    expect(delivered.body.status).toBe("delivered");
    expect((await server.api("GET", `/v1/applications/${reference}`, { token })).body.state).toBe("delivered");

    expect((await server.api("POST", `/v1/applications/${reference}/activation-code`, { token })).status).toBe(202);
    const activated = await server.api("POST", `/v1/applications/${reference}/activation`, {
      token,
      body: { code: await codeFor(reference) },
    });
    expect(activated.status).toBe(200);
    const records = await exportVerificationRecords(server.services, { from: null, to: null, actor: "test" });
    expect(records.find((r) => r.reference === reference)).toMatchObject({
      postalTrackingNumber: String(second.body.trackingNumber),
    });
  });

  it("uses restricted delivery (本人限定受取郵便) for an application by post", async () => {
    const { reference } = await approvedPhysicalSim("post");
    const shipped = await clerk.api("POST", `/v1/staff/applications/${reference}/shipment`);
    expect(shipped.body.method).toBe("restricted_delivery");
  });

  it("does not ship an eSIM, and refuses a tracking number it does not know", async () => {
    const { reference, token } = await draftApplication(server, "prepaid-data-esim", somebody());
    await submitAndPay(server, reference, token);
    const esim = await clerk.api("POST", `/v1/staff/applications/${reference}/shipment`);
    expect(esim).toMatchObject({ status: 409, body: { code: "transition_not_allowed" } });
    const unknown = await clerk.api("POST", "/v1/staff/shipments/00000000000/events", { body: { type: "delivered" } });
    expect(unknown).toMatchObject({ status: 404, body: { code: "not_found" } });
  });
});
