import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./support/test-server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

describe("creating an application under an Idempotency-Key survives a lost answer", () => {
  it("finds the application a dead process created instead of creating a second one", async () => {
    const key = randomUUID();
    const body = {
      planId: "prepaid-data-esim",
      language: "en",
      channel: "online",
      contact: { email: "lost@example.test" },
    };
    const first = await server.api("POST", "/v1/applications", { body, headers: { "idempotency-key": key } });
    expect(first.status).toBe(201);
    // As if the process had died after the creating commit and before storing the answer, long enough
    // ago that the key counts as abandoned.
    await server.services.db.query(
      `UPDATE idempotency_keys SET status = 'in_progress', response_status = NULL, response_enc = NULL,
         created_at = now() - interval '1 hour' WHERE key = $1`,
      [key],
    );
    const retried = await server.api("POST", "/v1/applications", { body, headers: { "idempotency-key": key } });
    expect(retried.status).toBe(201);
    expect(retried.body.reference).toBe(first.body.reference);
    // The answer that never arrived held a token nobody has: the retry's token is the one that opens it.
    const opened = await server.api("GET", `/v1/applications/${retried.body.reference}`, {
      token: String(retried.body.accessToken),
    });
    expect(opened.status).toBe(200);
    const stale = await server.api("GET", `/v1/applications/${first.body.reference}`, {
      token: String(first.body.accessToken),
    });
    expect(stale.status).toBe(404);
    const { rows } = await server.services.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM applications WHERE reference = $1",
      [first.body.reference],
    );
    expect(rows[0]?.n).toBe(1);
    const all = await server.services.db.query<{ n: number }>("SELECT count(*)::int AS n FROM applications");
    expect(all.rows[0]?.n).toBe(1);
    // A replay now answers from the stored answer, as before.
    const replayed = await server.api("POST", "/v1/applications", { body, headers: { "idempotency-key": key } });
    expect(replayed.headers.get("idempotent-replayed")).toBe("true");
    expect(replayed.body.accessToken).toBe(retried.body.accessToken);
  });
});
