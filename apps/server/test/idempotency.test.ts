import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./support/test-server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const body = { planId: "prepaid-data-esim", language: "en", channel: "online", contact: { email: "i@example.test" } };
const count = async () =>
  Number((await server.services.db.query<{ n: number }>("SELECT count(*)::int AS n FROM applications")).rows[0]?.n);

describe("Idempotency-Key on POSTs that create something", () => {
  it("answers a retry with the same response and creates one application", async () => {
    const key = randomUUID();
    const before = await count();
    const first = await server.api("POST", "/v1/applications", { body, headers: { "idempotency-key": key } });
    const second = await server.api("POST", "/v1/applications", { body, headers: { "idempotency-key": key } });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await count()).toBe(before + 1);
  });

  it("refuses the same key with another body (422) and creates nothing more", async () => {
    const key = randomUUID();
    await server.api("POST", "/v1/applications", { body, headers: { "idempotency-key": key } });
    const before = await count();
    const other = await server.api("POST", "/v1/applications", {
      body: { ...body, language: "ko" },
      headers: { "idempotency-key": key },
    });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: "idempotency_key_reused", field: "Idempotency-Key" });
    expect(await count()).toBe(before);
  });

  it("without a key, each POST creates its own application", async () => {
    const before = await count();
    const a = await server.api("POST", "/v1/applications", { body });
    const b = await server.api("POST", "/v1/applications", { body });
    expect(a.body.reference).not.toBe(b.body.reference);
    expect(await count()).toBe(before + 2);
  });

  it("replays an error answer as well as a success", async () => {
    const created = await server.api("POST", "/v1/applications", { body });
    const path = `/v1/applications/${created.body.reference}/activation`;
    const key = randomUUID();
    const token = String(created.body.accessToken);
    const first = await server.api("POST", path, {
      token,
      body: { code: "000000" },
      headers: { "idempotency-key": key },
    });
    const second = await server.api("POST", path, {
      token,
      body: { code: "000000" },
      headers: { "idempotency-key": key },
    });
    expect(first.status).toBe(409);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
  });

  it("scopes keys to the caller: one applicant's key does not answer another's request", async () => {
    const a = await server.api("POST", "/v1/applications", { body });
    const b = await server.api("POST", "/v1/applications", { body });
    const key = randomUUID();
    const ra = await server.api("POST", `/v1/applications/${a.body.reference}/submit`, {
      token: String(a.body.accessToken),
      headers: { "idempotency-key": key },
    });
    const rb = await server.api("POST", `/v1/applications/${b.body.reference}/submit`, {
      token: String(b.body.accessToken),
      headers: { "idempotency-key": key },
    });
    expect(ra.body.instance).toBe(`/v1/applications/${a.body.reference}/submit`);
    expect(rb.body.instance).toBe(`/v1/applications/${b.body.reference}/submit`);
    // Each request really ran (neither is the other's replay nor a key conflict).
    expect(ra.body.code).toBe("application_incomplete");
    expect(rb.body.code).toBe("application_incomplete");
    expect(rb.headers.get("idempotent-replayed")).toBeNull();
  });

  it("needs a UUID where there is no token to scope the key to", async () => {
    const r = await server.api("POST", "/v1/applications", {
      body,
      headers: { "idempotency-key": "aaaaaaaaaaaaaaaa" },
    });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: "idempotency_key_invalid", field: "Idempotency-Key" });
  });

  it("answers a body nested deeper than the stack with 400, not 500", async () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const r = await server.api("POST", "/v1/applications", {
      rawBody: deep,
      headers: { "content-type": "application/json", "idempotency-key": randomUUID() },
    });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe("malformed_request");
  });

  it("refuses a key too short to be unguessable", async () => {
    const r = await server.api("POST", "/v1/applications", { body, headers: { "idempotency-key": "abc" } });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: "idempotency_key_invalid", field: "Idempotency-Key" });
  });
});
