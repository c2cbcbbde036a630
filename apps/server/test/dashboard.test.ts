import { addDays, todayIn } from "@jitsumei/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dashboardPeriod } from "../src/review/dashboard.ts";
import {
  activeLine,
  draftApplication,
  somebody,
  submitAndPay,
  throwawayEmail,
  tokyoAddress,
} from "./support/journey.ts";
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
    const { reference, token } = await draftApplication(
      server,
      "prepaid-voice-sim",
      somebody(),
      { address: tokyoAddress },
      { contact: { email: throwawayEmail() }, evidence: "jpki" },
    );
    const submitted = await submitAndPay(server, reference, token);
    expect(submitted.body.state).toBe("in_review");
    await reviewer.api("POST", `/v1/staff/applications/${reference}/claim`);
    return reference;
  }

  it("counts applications per day and channel, the funnel, decisions, time to decision and refusal reasons", async () => {
    const today = todayIn("Asia/Tokyo", server.services.clock());
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
    const yesterday = addDays(today, -1);
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
    const missingFrom = await reviewer.api("GET", "/v1/staff/dashboard?to=2026-02-01");
    expect(missingFrom).toMatchObject({ status: 422, body: { field: "from" } });
  });

  it("shows the last two weeks up to the operator's today when no period is asked for, and counts what was just made in it", async () => {
    await draftApplication(server, "prepaid-data-esim", somebody());
    const today = todayIn("Asia/Tokyo", server.services.clock());
    const figures = await reviewer.api("GET", "/v1/staff/dashboard");
    expect(figures.status).toBe(200);
    expect(figures.body).toMatchObject({ from: addDays(today, -13), to: today, timeZone: "Asia/Tokyo" });
    // Started just now: it falls on the operator's today, whatever UTC's date is.
    const perDay = figures.body.perDay as { day: string; count: number }[];
    expect(perDay.at(-1)?.day).toBe(today);
  });
});

describe("the dashboard's days in the operator's time zone", () => {
  // 20:00 UTC on 4 December is already 5 December in Tokyo: the hours in which a UTC day was shown.
  const evening = new Date("2026-12-04T20:00:00Z");
  it("ends the default period on the operator's today, not UTC's", () => {
    expect(dashboardPeriod({}, "Asia/Tokyo", evening)).toEqual({ from: "2026-11-22", to: "2026-12-05" });
    expect(dashboardPeriod({}, "UTC", evening)).toEqual({ from: "2026-11-21", to: "2026-12-04" });
    expect(dashboardPeriod({}, "America/Los_Angeles", evening)).toEqual({ from: "2026-11-21", to: "2026-12-04" });
    expect(dashboardPeriod({ from: "2026-01-01", to: "2026-01-31" }, "Asia/Tokyo", evening)).toEqual({
      from: "2026-01-01",
      to: "2026-01-31",
    });
  });

  it("counts an application on the day it was made in OPERATOR_TIME_ZONE", async () => {
    // Kiritimati is UTC+14 and Pago Pago UTC−11: their dates always differ, so one of them differs from UTC's too.
    for (const zone of ["Pacific/Kiritimati", "Pacific/Pago_Pago"]) {
      const server = await startTestServer({ OPERATOR_TIME_ZONE: zone });
      try {
        const reviewer = await signInAs(server, "reviewer");
        await draftApplication(server, "prepaid-data-esim", somebody());
        const today = todayIn(zone, server.services.clock());
        const figures = await reviewer.api("GET", "/v1/staff/dashboard");
        expect(figures.body).toMatchObject({ to: today, timeZone: zone, funnel: { started: 1 } });
        expect(figures.body.perDay).toEqual([{ day: today, channel: "online", count: 1 }]);
      } finally {
        await server.close();
      }
    }
  });
});
