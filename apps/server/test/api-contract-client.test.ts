import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { answer, ContractViolation, createContractClient } from "@jitsumei/api-contract/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
