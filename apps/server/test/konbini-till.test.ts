import { formatYen } from "@jitsumei/domain/money";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerKonbiniTill } from "../src/payments/konbini-till.ts";
import { type LocalTestGateway, localTestGateway } from "../src/payments/local-test-gateway.ts";
import { draftApplication, jobsSettled, somebody } from "./support/journey.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * Issue 20: a konbini slip is paid in the demo without the API, at a page standing in for the
 * convenience store's till (development only): the number keyed in, the amount and deadline shown,
 * the cash taken, and the application moves on by the gateway's notification.
 */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await (server?.services.payments.gateway as LocalTestGateway | undefined)?.settle();
  await server?.close();
});

async function till(body?: Record<string, string>) {
  const r = await fetch(`${server.url}/dev/konbini`, {
    method: body ? "POST" : "GET",
    ...(body
      ? { headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(body) }
      : {}),
  });
  return { status: r.status, type: r.headers.get("content-type"), html: await r.text() };
}

describe("the convenience store's till (development)", () => {
  it("is named in the site's set-up, takes a payment number, shows the amount and pays the slip", async () => {
    const config = await server.api("GET", "/v1/site-config");
    expect(config.body.konbiniTill).toBe("/dev/konbini");
    const empty = await till();
    expect(empty).toMatchObject({ status: 200, type: "text/html; charset=utf-8" });
    expect(empty.html).toContain('name="paymentNumber"');

    const { reference, token } = await draftApplication(server, "prepaid-data-esim", somebody());
    expect((await server.api("POST", `/v1/applications/${reference}/submit`, { token })).body.state).toBe(
      "payment_pending",
    );
    const slipped = await server.api("POST", `/v1/applications/${reference}/purchase/payments`, {
      token,
      body: { method: "konbini" },
    });
    const slip = slipped.body.konbini as { paymentNumber: string };

    expect((await till({ paymentNumber: "000000000000" })).status).toBe(404);
    expect((await till({ paymentNumber: "abc" })).status).toBe(422);
    // Keyed in as a clerk types it, with a hyphen: the till shows what is owed before taking the cash.
    const found = await till({ paymentNumber: `${slip.paymentNumber.slice(0, 4)}-${slip.paymentNumber.slice(4)}` });
    expect(found.status).toBe(200);
    expect(found.html).toContain(
      formatYen(Number(slipped.body.payment && (slipped.body.payment as { amountJpy: number }).amountJpy), "ja"),
    );
    expect(found.html).toContain('value="pay"');
    expect((await server.api("GET", `/v1/applications/${reference}`, { token })).body.state).toBe("payment_pending");

    const paid = await till({ paymentNumber: slip.paymentNumber, action: "pay" });
    expect(paid.status).toBe(200);
    expect(paid.html).toContain("お支払いが完了しました");
    await (server.services.payments.gateway as LocalTestGateway).settle();
    await jobsSettled(server);
    expect((await server.api("GET", `/v1/applications/${reference}`, { token })).body.state).toBe("sim_assigned");
    // Paid once: the till says so rather than taking the cash again.
    expect((await till({ paymentNumber: slip.paymentNumber })).html).toContain("お支払い済み");
  });

  it("cannot be mounted in production", async () => {
    const app = Fastify();
    await expect(
      registerKonbiniTill(app, { env: "production", gateway: localTestGateway({ secret: "x".repeat(32) }) }),
    ).rejects.toThrow(/production/);
    await app.close();
  });
});
