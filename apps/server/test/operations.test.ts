import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDevelopmentSigner } from "@jitsumei/documents";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allRoutes } from "../src/http/app.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

let server: TestServer;
let production: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  // Production needs its own secrets: the operator's sealing key (a development one stands in) and the
  // payment gateway's notification secret.
  const signer = createDevelopmentSigner(mkdtempSync(join(tmpdir(), "jitsumei-prod-signer-")));
  production = await startTestServer({
    NODE_ENV: "production",
    JITSUMEI_SIGNING_P12: signer.files.signer,
    JITSUMEI_SIGNING_PASSPHRASE: signer.signer.passphrase,
    JITSUMEI_TSA_URL: "http://127.0.0.1:9/tsa",
    JITSUMEI_PAYMENT_NOTIFICATION_SECRET: "n".repeat(32),
    SMTP_URL: "smtp://127.0.0.1:9",
    JITSUMEI_INVOICE_REGISTRATION_NUMBER: "T1234567890123",
    // No operator's adapters here: production is told which simulators it may run on.
    ALLOW_SIMULATORS: "smdp,provisioning,numberPortability,payment,sms,delivery,creditExchange,paymentMethodCheck",
  });
});
afterAll(async () => {
  await server?.close();
  await production?.close();
});

describe("operations endpoints", () => {
  it("answers health and readiness", async () => {
    expect((await server.api("GET", "/healthz")).body).toEqual({ status: "ok" });
    const ready = await server.api("GET", "/readyz");
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe("ready");
  });

  it("publishes OpenAPI 3.1 covering every route, with problem+json errors", async () => {
    const r = await server.api("GET", "/openapi.json");
    expect(r.body.openapi).toBe("3.1.0");
    const paths = r.body.paths as Record<
      string,
      Record<string, { operationId: string; responses: Record<string, unknown> }>
    >;
    for (const route of allRoutes) {
      const op = paths[route.path]?.[route.method.toLowerCase()];
      expect(op?.operationId, `${route.method} ${route.path}`).toBe(route.operationId);
      expect(op?.responses.default).toBeDefined();
    }
    const create = paths["/v1/applications"]?.post as unknown as {
      requestBody: { content: { "application/json": { schema: { $ref: string } } } };
    };
    expect(create.requestBody.content["application/json"].schema.$ref).toBe("#/components/schemas/CreateApplication");
    const schemas = (r.body.components as { schemas: Record<string, { required?: string[] }> }).schemas;
    expect(schemas.CreateApplication?.required).toEqual(expect.arrayContaining(["planId", "language", "contact"]));
    expect(schemas.Problem?.required).toEqual(expect.arrayContaining(["type", "title", "status", "code"]));
    // Every reference resolves.
    for (const ref of JSON.stringify(r.body).match(/#\/components\/schemas\/\w+/g) ?? []) {
      expect(schemas[ref.split("/").at(-1) ?? ""], ref).toBeDefined();
    }
  });

  it("hides the developer outbox in production", async () => {
    expect((await server.api("GET", "/dev/outbox")).status).toBe(200);
    const hidden = await production.api("GET", "/dev/outbox");
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe("not_found");
    // Nor as the pages a browser asks for.
    for (const path of ["/dev/outbox", "/dev/demo-staff", "/dev/dev-pages.css"]) {
      expect((await production.api("GET", path, { headers: { accept: "text/html" } })).status, path).toBe(404);
    }
    const paths = (await production.api("GET", "/openapi.json")).body.paths as Record<string, unknown>;
    expect(paths["/dev/outbox"]).toBeUndefined();
  });

  it("hides the developer tools from a development server other machines can reach", async () => {
    const reachable = await startTestServer({ HOST: "0.0.0.0" });
    try {
      for (const path of ["/dev/outbox", "/dev/sms-outbox", "/dev/demo-staff"]) {
        expect((await reachable.api("GET", path)).status, path).toBe(404);
        expect((await server.api("GET", path)).status, path).toBe(200);
      }
    } finally {
      await reachable.close();
    }
  });
});
