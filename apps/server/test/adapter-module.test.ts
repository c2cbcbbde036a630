import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueSms } from "../src/sms/sms-outbox.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

// One server started on the documented example module (examples/adapters/http-adapters.ts), its
// providers played by a local HTTP server that records what reaches it.
const example = fileURLToPath(new URL("../../../examples/adapters/http-adapters.ts", import.meta.url));
const received: { path: string; authorization: string | undefined; body: Record<string, unknown> }[] = [];
let provider: Server;
let server: TestServer;
const saved = { ...process.env };

beforeAll(async () => {
  provider = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({
        path: request.url ?? "",
        authorization: request.headers.authorization,
        body: JSON.parse(Buffer.concat(chunks).toString("utf8")),
      });
      response.setHeader("content-type", "application/json");
      response.end(
        JSON.stringify(request.url === "/sms/messages" ? { id: "provider-42" } : { trackingNumber: "EX123456789JP" }),
      );
    });
  });
  await new Promise<void>((resolve) => provider.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
  Object.assign(process.env, {
    EXAMPLE_SMS_API: `${origin}/sms`,
    EXAMPLE_SMS_TOKEN: "sms-token",
    EXAMPLE_DELIVERY_API: `${origin}/parcels`,
    EXAMPLE_DELIVERY_TOKEN: "parcel-token",
  });
  server = await startTestServer({ JITSUMEI_ADAPTERS_MODULE: example });
});
afterAll(async () => {
  await server?.close();
  provider?.close();
  for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
});

describe("a server started on an adapter module", () => {
  it("sends queued SMS through the module's adapter and marks them sent", async () => {
    expect(server.simulators).not.toContain("sms");
    expect(server.simulators).toContain("smdp");
    const id = await server.services.db.transaction((tx) =>
      queueSms(tx, server.services.keys, {
        to: "090-1234-5678",
        text: "コード 123456",
        applicationId: null,
        template: "test",
      }),
    );
    server.services.jobs.kick();
    await expect
      .poll(
        async () =>
          (
            await server.services.db.query<{ status: string; provider_message_id: string | null }>(
              "SELECT status, provider_message_id FROM sms_outbox WHERE id = $1",
              [id],
            )
          ).rows[0],
        { timeout: 20_000 },
      )
      .toEqual({ status: "sent", provider_message_id: "provider-42" });
    expect(received).toContainEqual({
      path: "/sms/messages",
      authorization: "Bearer sms-token",
      body: { to: "+819012345678", text: "コード 123456", reference: id },
    });
  });

  it("books parcels with the module's carrier", async () => {
    expect(server.services.delivery.carrier).toBe("example-parcels");
    const booked = await server.services.delivery.book({ shipmentId: "s-1", method: "restricted_delivery" });
    expect(booked).toEqual({ trackingNumber: "EX123456789JP" });
    expect(received).toContainEqual({
      path: "/parcels/bookings",
      authorization: "Bearer parcel-token",
      body: { reference: "s-1", service: "restricted" },
    });
  });
});
