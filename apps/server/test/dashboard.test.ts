import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeLine, draftApplication, somebody } from "./support/journey.ts";
import { type StaffClient, signInAs } from "./support/staff.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/** The dashboard's figures against applications made, decided and activated through the API. */
describe("GET /v1/staff/dashboard", () => {
  let server: TestServer;
  let reviewer: StaffClient;
  beforeAll(async () => {
    server = await startTestServer();
    reviewer = await signInAs(server, "reviewer");
  });
  afterAll(async () => {
    await server?.close();
  });

  async function inReview(): Promise<string> {
    const { reference, token } = await draftApplication(server, "prepaid-voice-sim", somebody(), {
      address: { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", line1: "千代田1-1" },
    });
    const submitted = await server.api("POST", `/v1/applications/${reference}/submit`, { token });
    expect(submitted.body.state).toBe("in_review");
    await reviewer.api("POST", `/v1/staff/applications/${reference}/claim`);
    return reference;
  }

  it("counts applications per day and channel, the funnel, decisions, time to decision and refusal reasons", async () => {
    const today = new Date(server.services.clock().getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
    const empty = await reviewer.api("GET", `/v1/staff/dashboard?from=${today}&to=${today}`);
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({
      perDay: [],
      funnel: { started: 0, submitted: 0, approved: 0, activated: 0 },
      decisions: { approved: 0, rejected: 0, approvalRate: null },
      timeToDecision: { decided: 0, medianHours: null, p90Hours: null },
      rejectionReasons: [],
    });

    await activeLine(server, somebody()); // approved by the checks at once, then activated
    const approved = await inReview();
    expect(
      (await reviewer.api("POST", `/v1/staff/applications/${approved}/events`, { body: { type: "approve" } })).status,
    ).toBe(200);
    const refused = await inReview();
    const rejected = await reviewer.api("POST", `/v1/staff/applications/${refused}/events`, {
      body: { type: "reject", reason: "document_invalid" },
    });
    expect(rejected.body.state).toBe("rejected");
    await draftApplication(server, "prepaid-data-esim", somebody()); // started, never submitted

    const figures = await reviewer.api("GET", `/v1/staff/dashboard?from=${today}&to=${today}`);
    expect(figures.status).toBe(200);
    expect(figures.body).toMatchObject({
      from: today,
      to: today,
      perDay: [{ day: today, channel: "online", count: 4 }],
      funnel: { started: 4, submitted: 3, approved: 2, activated: 1 },
      decisions: { approved: 2, rejected: 1, approvalRate: 2 / 3 },
      timeToDecision: { decided: 3, medianHours: expect.any(Number), p90Hours: expect.any(Number) },
      rejectionReasons: [{ reason: "document_invalid", count: 1 }],
    });

    // The day before holds none of them (days are Japan time, both ends included).
    const yesterday = new Date(new Date(`${today}T00:00:00Z`).getTime() - 86_400_000).toISOString().slice(0, 10);
    const before = await reviewer.api("GET", `/v1/staff/dashboard?from=${yesterday}&to=${yesterday}`);
    expect(before.body).toMatchObject({ perDay: [], funnel: { started: 0 } });
  });

  it("refuses a period that is not one, naming the field", async () => {
    const backwards = await reviewer.api("GET", "/v1/staff/dashboard?from=2026-03-02&to=2026-03-01");
    expect(backwards).toMatchObject({ status: 422, body: { code: "validation_failed", field: "to" } });
    const tooLong = await reviewer.api("GET", "/v1/staff/dashboard?from=2024-01-01&to=2026-01-01");
    expect(tooLong).toMatchObject({ status: 422, body: { field: "to" } });
    const notADate = await reviewer.api("GET", "/v1/staff/dashboard?from=2026-02-30&to=2026-03-01");
    expect(notADate).toMatchObject({ status: 422, body: { field: "from" } });
    const missing = await reviewer.api("GET", "/v1/staff/dashboard?from=2026-02-01");
    expect(missing).toMatchObject({ status: 422, body: { field: "to" } });
  });
});
