import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../src/audit/audit-chain.ts";
import { draftApplication, somebody } from "./support/journey.ts";
import { type StaffClient, signInAs } from "./support/staff.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * Issue #7: an admin changes a plan day to day (on sale or not, its price) over
 * PATCH /v1/staff/plans/{id}; new applications see the change, applications already made keep their
 * plan, and each change is in the audit chain.
 */

let server: TestServer;
let admin: StaffClient;
let reviewer: StaffClient;
let compliance: StaffClient;

beforeAll(async () => {
  server = await startTestServer();
  [admin, reviewer, compliance] = await Promise.all([
    signInAs(server, "admin"),
    signInAs(server, "reviewer"),
    signInAs(server, "compliance"),
  ]);
}, 60_000);
afterAll(async () => server?.close());

async function publicPlan(id: string) {
  const listed = await server.api("GET", "/v1/plans?limit=100");
  expect(listed.status).toBe(200);
  return (listed.body.items as { id: string; priceJpy: number }[]).find((p) => p.id === id);
}

describe("PATCH /v1/staff/plans/{id}", () => {
  it("changes the price: the answer, the public list and the staff list show it, and the audit chain records it", async () => {
    const changed = await admin.api("PATCH", "/v1/staff/plans/prepaid-data-esim", { body: { priceJpy: 2480 } });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({
      id: "prepaid-data-esim",
      priceJpy: 2480,
      available: true,
      coveredByLaw: false,
    });
    expect((await publicPlan("prepaid-data-esim"))?.priceJpy).toBe(2480);

    const { rows } = await server.services.db.query<{ actor: string; subject: string; data: unknown }>(
      "SELECT actor, subject, data FROM audit_entries WHERE action = 'plan.updated' ORDER BY seq",
    );
    expect(rows).toEqual([
      {
        actor: `staff:${admin.id}`,
        subject: "plan:prepaid-data-esim",
        data: {
          planId: "prepaid-data-esim",
          before: { available: true, priceJpy: 2200 },
          after: { available: true, priceJpy: 2480 },
        },
      },
    ]);
    expect(await verifyAuditChain(server.services.db)).toMatchObject({ valid: true });
  });

  it("withdraws a plan from sale: gone from the public list, refused to new applications, kept by one already made", async () => {
    const earlier = await draftApplication(server, "prepaid-voice-sim", somebody(), {
      address: { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", line1: "千代田1-1" },
    });

    const closed = await admin.api("PATCH", "/v1/staff/plans/prepaid-voice-sim", { body: { available: false } });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body).toMatchObject({ id: "prepaid-voice-sim", available: false, priceJpy: 3300 });
    expect(await publicPlan("prepaid-voice-sim")).toBeUndefined();

    const refused = await server.api("POST", "/v1/applications", {
      body: { planId: "prepaid-voice-sim", language: "en", contact: { email: "late@example.test" } },
    });
    expect(refused.status).toBe(422);
    expect(refused.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect(refused.body.code).toBe("plan_not_found");
    expect(String(refused.body.detail)).toContain("prepaid-voice-sim");

    // The application made before keeps its plan and still goes through.
    const submitted = await server.api("POST", `/v1/applications/${earlier.reference}/submit`, {
      token: earlier.token,
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body).toMatchObject({ planId: "prepaid-voice-sim", state: "in_review" });

    // Staff still see the withdrawn plan, and may put it back on sale.
    const staffList = await compliance.api("GET", "/v1/staff/plans?limit=100");
    expect(staffList.status).toBe(200);
    const withdrawn = (staffList.body.items as { id: string; available: boolean }[]).find(
      (p) => p.id === "prepaid-voice-sim",
    );
    expect(withdrawn?.available).toBe(false);
    const reopened = await admin.api("PATCH", "/v1/staff/plans/prepaid-voice-sim", { body: { available: true } });
    expect(reopened.body.available).toBe(true);
    expect(await publicPlan("prepaid-voice-sim")).toBeDefined();
    expect(await verifyAuditChain(server.services.db)).toMatchObject({ valid: true });
  });

  it("is for admins only: a reviewer and compliance get 403, and nothing changes", async () => {
    for (const member of [reviewer, compliance]) {
      const refused = await member.api("PATCH", "/v1/staff/plans/postpaid-voice", { body: { priceJpy: 1 } });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe("forbidden");
    }
    expect((await publicPlan("postpaid-voice"))?.priceJpy).toBe(2970);
  });

  it("refuses a bad body with a problem naming the field, and an unknown plan with 404", async () => {
    const cases: [unknown, string, RegExp][] = [
      [{ priceJpy: -1 }, "priceJpy", /0 or more/],
      [{ priceJpy: 12.5 }, "priceJpy", /whole number/],
      [{ priceJpy: "3300" }, "priceJpy", /whole number/],
      [{ available: "yes" }, "available", /true or false/],
      [{}, "body", /must change something/],
      [{ priceJpy: 100, name: "x" }, "body", /unknown fields: name/],
    ];
    for (const [body, field, reason] of cases) {
      const refused = await admin.api("PATCH", "/v1/staff/plans/postpaid-voice", { body });
      expect(refused.status, JSON.stringify(body)).toBe(422);
      expect(refused.headers.get("content-type")).toMatch(/application\/problem\+json/);
      expect(refused.body.code).toBe("validation_failed");
      const errors = refused.body.errors as { field: string; reason: string }[];
      expect(errors[0]?.field, JSON.stringify(body)).toBe(field);
      expect(errors[0]?.reason, JSON.stringify(body)).toMatch(reason);
    }
    const unknown = await admin.api("PATCH", "/v1/staff/plans/no-such-plan", { body: { priceJpy: 100 } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe("not_found");
    expect((await publicPlan("postpaid-voice"))?.priceJpy).toBe(2970);
  });

  it("needs the session's CSRF token", async () => {
    const refused = await server.api("PATCH", "/v1/staff/plans/postpaid-voice", {
      headers: { cookie: admin.cookie },
      body: { priceJpy: 1 },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe("csrf_failed");
  });
});
