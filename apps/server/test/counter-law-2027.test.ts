import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { anna, particularsOf, td3 } from "./support/journey.ts";
import { type StaffClient, signInAs } from "./support/staff.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * The counter's two paths for a voice package around the law's change of 2027-04-01 (LAW.md): until
 * then the clerk may type the passport's MRZ (the ID shown face to face); from then on a shop must read
 * the chip, and the chip path is accepted on both days. Each server's clock is pinned, so no test here
 * depends on today's date.
 */
const { chip } = inject("evidenceFixtures");
const b64 = (file: string) => readFileSync(file).toString("base64");
const address = { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", line1: "千代田1-1-1" };
type Check = { code: string; status: string; params?: Record<string, unknown> };

async function counterSale(server: TestServer, admin: StaffClient, clerk: StaffClient) {
  const batch = await admin.api("POST", "/v1/staff/package-batches", {
    body: { planId: "prepaid-voice-sim", channel: "airport", count: 1 },
  });
  expect(batch.status, JSON.stringify(batch.body)).toBe(201);
  const csv = await fetch(`${server.url}/v1/staff/package-batches/${batch.body.batchId}/packages.csv`, {
    headers: { cookie: admin.cookie },
  });
  const code = (await csv.text()).split("\n")[1]?.split(",")[1] ?? "";
  const sale = await clerk.api("POST", "/v1/staff/counter/sales", {
    body: { code, language: "en", contact: { email: "counter-2027@example.test" } },
  });
  expect(sale.status, JSON.stringify(sale.body)).toBe(201);
  const reference = String(sale.body.reference);
  const token = String(sale.body.accessToken);
  const put = await server.api("PUT", `/v1/applications/${reference}/applicant`, {
    token,
    body: { ...particularsOf(anna), address },
  });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
  return { reference, token };
}

async function submitWith(server: TestServer, sale: { reference: string; token: string }, evidence: unknown) {
  const added = await server.api("POST", `/v1/applications/${sale.reference}/evidence`, {
    token: sale.token,
    body: evidence,
  });
  expect(added.status, JSON.stringify(added.body)).toBe(201);
  const submitted = await server.api("POST", `/v1/applications/${sale.reference}/submit`, { token: sale.token });
  const method = (submitted.body.checks as Check[]).find((c) => c.code === "policy.method_available");
  // A person completes either path (the clerk's word, or the address no passport chip holds): a reviewer approves.
  const reviewer = await signInAs(server, "reviewer");
  await reviewer.api("POST", `/v1/staff/applications/${sale.reference}/claim`);
  const approval = await reviewer.api("POST", `/v1/staff/applications/${sale.reference}/events`, {
    body: { type: "approve" },
  });
  return { state: String(submitted.body.state), method, approval };
}

const typedMrz = { kind: "mrz", lines: td3(anna) };
const chipRead = {
  kind: "chip",
  sod: b64(chip.chips.p256.sod),
  dataGroups: { "1": b64(chip.chips.p256.dg1), "2": b64(chip.chips.p256.dg2) },
};

function pinnedServer(instant: string) {
  const at: { server?: TestServer; admin?: StaffClient; clerk?: StaffClient } = {};
  beforeAll(async () => {
    at.server = await startTestServer({ JITSUMEI_CSCA_DIR: chip.trustDir }, { now: new Date(instant) });
    at.admin = await signInAs(at.server, "admin");
    at.clerk = await signInAs(at.server, "clerk");
  }, 180_000);
  afterAll(async () => at.server?.close());
  return async (evidence: unknown) => {
    const server = at.server as TestServer;
    return submitWith(server, await counterSale(server, at.admin as StaffClient, at.clerk as StaffClient), evidence);
  };
}

async function expectChipAccepted(result: Awaited<ReturnType<typeof submitWith>>) {
  expect(result.method, JSON.stringify(result)).toMatchObject({
    status: "review",
    params: expect.objectContaining({ reason: "address_not_on_chip" }),
  });
  expect(result.state).toBe("in_review");
  expect(result.approval.status, JSON.stringify(result.approval.body)).toBe(200);
  expect(result.approval.body.state).toBe("sim_assigned");
}

describe("a voice package at the counter on 2027-03-31", () => {
  const sell = pinnedServer("2027-03-31T03:00:00Z");

  it("the typed MRZ (the ID shown, no chip read): a reviewer approves it", async () => {
    const result = await sell(typedMrz);
    expect(result.state).toBe("in_review");
    expect(result.approval.status, JSON.stringify(result.approval.body)).toBe(200);
    expect(result.approval.body.state).toBe("sim_assigned");
  });

  it("the chip read face to face is accepted (a person completes the address no passport chip holds)", async () => {
    await expectChipAccepted(await sell(chipRead));
  });
});

// From 2027-04-01 the statutory policy allows F2F_IC only at a shop: the typed MRZ is no method any
// more, so nobody may approve it (the reviewer is told to ask for the chip); the chip path is accepted.
describe("a voice package at the counter on 2027-04-01", () => {
  const sell = pinnedServer("2027-04-01T03:00:00Z");

  it("the typed MRZ alone: no reviewer may approve it; the answer names the chip to bring", async () => {
    const result = await sell(typedMrz);
    expect(result.state).toBe("in_review");
    expect(result.approval.status, JSON.stringify(result.approval.body)).toBe(409);
    expect(result.approval.body).toMatchObject({ code: "verification_incomplete" });
    expect(String(result.approval.body.detail)).toContain("F2F_IC: ic_chip");
  });

  it("the chip read face to face is accepted (a person completes the address no passport chip holds)", async () => {
    await expectChipAccepted(await sell(chipRead));
  });
});
