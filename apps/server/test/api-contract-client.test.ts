import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { allAnswers } from "@jitsumei/api-contract/answers/all";
import { answer, ContractViolation, createContractClient } from "@jitsumei/api-contract/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs } from "./support/staff.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

// The front ends' client (packages/api-contract) against the real server, and against a server that
// answers outside the contract: the second must fail at the boundary, naming the operation and the field.

class Refused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly field: string | undefined,
  ) {
    super(code);
  }
}

const options = {
  answers: allAnswers,
  problem: (problem: Record<string, unknown>, status: number) =>
    new Refused(status, String(problem.code), typeof problem.field === "string" ? problem.field : undefined),
  unreachable: () => new Refused(0, "network_error", undefined),
};

let server: TestServer;
let liar: Server;
let liarAnswer: unknown;
beforeAll(async () => {
  server = await startTestServer();
  liar = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(liarAnswer));
  });
  await new Promise<void>((resolve) => liar.listen(0, "127.0.0.1", resolve));
});
afterAll(async () => {
  await server?.close();
  await new Promise((resolve) => liar?.close(resolve));
});

const liarUrl = () => `http://127.0.0.1:${(liar.address() as AddressInfo).port}`;

describe("the API contract's client", () => {
  it("reads the real server's answers, checked against their schemas", async () => {
    const api = createContractClient({ ...options, baseUrl: server.url });
    const plans = await answer(api.GET("/v1/plans", { params: { query: { limit: 100 } } }));
    expect(plans.items.length).toBeGreaterThan(0);
    const created = await answer(
      api.POST("/v1/applications", {
        body: { planId: "prepaid-data-esim", language: "ja", channel: "online", contact: { email: "c@example.test" } },
      }),
    );
    expect(created.state).toBe("draft");
    const view = await answer(
      api.GET("/v1/applications/{reference}", {
        params: { path: { reference: created.reference }, header: { Authorization: `Bearer ${created.accessToken}` } },
      }),
    );
    expect(view.reference).toBe(created.reference);
  });

  it("turns a problem into the caller's error with its code and field", async () => {
    const api = createContractClient({ ...options, baseUrl: server.url });
    const refused = await answer(
      api.POST("/v1/applications", {
        body: { planId: "gold", language: "ja", channel: "online", contact: { email: "c@example.test" } },
      }),
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Refused);
    expect(refused).toMatchObject({ status: 422, code: "plan_not_found", field: "planId" });
  });

  it("refuses an answer that does not match the contract, naming the operation and the field", async () => {
    const api = createContractClient({ ...options, baseUrl: liarUrl() });
    const plans = await answer(api.GET("/v1/plans", { baseUrl: server.url }));
    liarAnswer = { ...plans, items: [{ ...plans.items[0], priceJpy: "free" }] };
    const error = await answer(api.GET("/v1/plans")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractViolation);
    expect(error).toMatchObject({ operation: "GET /v1/plans", status: 200, location: "/items/0/priceJpy" });
    expect((error as Error).message).toMatch(/^GET \/v1\/plans answered 200 .*\/items\/0\/priceJpy/);

    liarAnswer = { nextCursor: null };
    await expect(answer(api.GET("/v1/plans"))).rejects.toMatchObject({ operation: "GET /v1/plans", location: "" });
  });

  it("types an application's kanji name and second address line as text, and refuses them otherwise", async () => {
    const api = createContractClient({ ...options, baseUrl: server.url });
    const created = await answer(
      api.POST("/v1/applications", {
        body: { planId: "prepaid-data-esim", language: "ja", channel: "online", contact: { email: "k@example.test" } },
      }),
    );
    const params = {
      path: { reference: created.reference },
      header: { Authorization: `Bearer ${created.accessToken}` },
    };
    const view = await answer(
      api.PUT("/v1/applications/{reference}/applicant", {
        params,
        body: {
          name: { family: "Yamada", given: "Hanako", kanji: "山田 花子" },
          birthDate: "1990-04-01",
          nationality: "JPN",
          address: {
            postalCode: "100-0001",
            prefecture: "東京都",
            city: "千代田区",
            line1: "千代田1-1",
            line2: "101号室",
          },
          document: { type: "passport", number: "TK1234567", expiryDate: "2031-04-01", issuingCountry: "JPN" },
        },
      }),
    );
    // Typed string | undefined by the contract (they were `unknown` while the schema transformed them).
    const kanji: string | undefined = view.applicant?.name.kanji;
    const line2: string | undefined = view.applicant?.address?.line2;
    expect([kanji, line2]).toEqual(["山田 花子", "101号室"]);

    const liarApi = createContractClient({ ...options, baseUrl: liarUrl() });
    const applicant = view.applicant as NonNullable<typeof view.applicant>;
    liarAnswer = { ...view, applicant: { ...applicant, name: { ...applicant.name, kanji: 5 } } };
    await expect(answer(liarApi.GET("/v1/applications/{reference}", { params }))).rejects.toMatchObject({
      operation: "GET /v1/applications/{reference}",
      location: "/applicant/name/kanji",
    });
  });

  it("lets a field the contract does not name yet through (the server may add one first)", async () => {
    const api = createContractClient({ ...options, baseUrl: liarUrl() });
    const plans = await answer(api.GET("/v1/plans", { baseUrl: server.url }));
    liarAnswer = { ...plans, addedLater: true };
    expect((await answer(api.GET("/v1/plans"))).items).toEqual(plans.items);
  });

  it("reports a server it cannot reach as the caller's network error", async () => {
    const api = createContractClient({ ...options, baseUrl: "http://127.0.0.1:9" });
    await expect(answer(api.GET("/v1/plans"))).rejects.toMatchObject({ code: "network_error" });
  });
});

describe("the console's pages' answers fit the contract", () => {
  it("answers an admin's and a compliance officer's lists as the contract says", async () => {
    const admin = await signInAs(server, "admin");
    const compliance = await signInAs(server, "compliance");
    const as = (cookie: string) =>
      createContractClient({ ...options, baseUrl: server.url, headers: (): Record<string, string> => ({ cookie }) });
    const a = as(admin.cookie);
    const c = as(compliance.cookie);
    const results = await Promise.allSettled([
      answer(a.GET("/v1/staff/session")),
      answer(a.GET("/v1/staff/inventory")),
      answer(a.GET("/v1/staff/package-batches", { params: { query: { limit: 20 } } })),
      answer(a.GET("/v1/staff/refunds/transfers", { params: { query: { status: "owed" } } })),
      answer(a.GET("/v1/staff/accounts")),
      answer(a.GET("/v1/staff/plans", { params: { query: { limit: 100 } } })),
      answer(a.GET("/v1/staff/shipments")),
      answer(a.GET("/v1/staff/dashboard")),
      answer(c.GET("/v1/staff/policies", { params: { query: { at: "2026-12-01" } } })),
      answer(c.GET("/v1/staff/records", { params: { query: { from: "2026-11-01", to: "2026-12-01" } } })),
    ]);
    const refused = results.flatMap((r) => (r.status === "rejected" ? [String(r.reason)] : []));
    expect(refused).toEqual([]);
  });
});
