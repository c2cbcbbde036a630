import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { draftApplication, somebody, submitAndPay, td3 } from "./support/journey.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * The hand-off token (issue 19 §3, issue 20 item 1): the QR code carries a single-use, short-lived
 * token on PUBLIC_URL, never the access token; exchanged once for a session on its own application.
 */
const PUBLIC_URL = "https://apply.jitsumei.example";
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ PUBLIC_URL, HANDOFF_TOKEN_MINUTES: "10", APPLICANT_SESSION_HOURS: "2" });
}, 180_000);
afterAll(async () => server?.close());

async function handoff(reference: string, token: string, purpose = "chip_reader") {
  return server.api("POST", `/v1/applications/${reference}/handoff`, { token, body: { purpose } });
}
const exchange = (reference: string, token: string) =>
  server.api("POST", "/v1/handoff/exchange", { body: { reference, token } });

async function auditActions(reference: string): Promise<{ action: string; data: Record<string, unknown> }[]> {
  const { rows } = await server.services.db.query<{ action: string; data: Record<string, unknown> }>(
    "SELECT action, data FROM audit_entries WHERE subject = $1 AND action LIKE 'application.handoff%' ORDER BY seq",
    [reference],
  );
  return rows;
}

describe("hand-off token", () => {
  it("is issued on PUBLIC_URL with the token in the fragment, stored only as a hash, never the access token", async () => {
    const { reference, token } = await draftApplication(server, "prepaid-data-esim", somebody());
    const issued = await handoff(reference, token);
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const url = new URL(String(issued.body.url));
    expect(url.origin).toBe(PUBLIC_URL);
    expect(url.pathname).toBe(`/reader/${reference}`);
    expect(url.hash).toBe(`#${issued.body.token}`);
    expect(String(issued.body.token)).toMatch(/^jho_[A-Za-z0-9_-]{43}$/);
    expect(String(issued.body.url)).not.toContain(token);
    const expires = Date.parse(String(issued.body.expiresAt)) - Date.now();
    expect(expires).toBeGreaterThan(9 * 60_000);
    expect(expires).toBeLessThanOrEqual(10 * 60_000 + 1000);
    // Only the SHA-256 is kept: the token's text is nowhere in the table.
    const { rows } = await server.services.db.query<{ hash: string; purpose: string }>(
      "SELECT encode(token_hash, 'hex') AS hash, purpose FROM handoff_tokens h JOIN applications a ON a.id = h.application_id WHERE a.reference = $1",
      [reference],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.purpose).toBe("chip_reader");
    const { createHash } = await import("node:crypto");
    expect(rows[0]?.hash).toBe(createHash("sha256").update(String(issued.body.token)).digest("hex"));

    const onPhone = await handoff(reference, token, "continue_on_phone");
    expect(new URL(String(onPhone.body.url)).pathname).toBe(`/continue/${reference}`);
  });

  it("is exchanged once for a session that opens its application, reads and adds evidence; a second exchange is refused", async () => {
    const person = somebody();
    const { reference, token } = await draftApplication(server, "prepaid-data-esim", person);
    const issued = await handoff(reference, token);
    const session = await exchange(reference, String(issued.body.token));
    expect(session.status, JSON.stringify(session.body)).toBe(201);
    expect(session.body).toMatchObject({ reference, purpose: "chip_reader" });
    const sessionToken = String(session.body.accessToken);
    expect(sessionToken).toMatch(/^jas_/);
    expect(sessionToken).not.toBe(token);

    const view = await server.api("GET", `/v1/applications/${reference}`, { token: sessionToken });
    expect(view.status).toBe(200);
    const evidence = await server.api("POST", `/v1/applications/${reference}/evidence`, {
      token: sessionToken,
      body: { kind: "mrz", lines: td3(person) },
    });
    expect(evidence.status, JSON.stringify(evidence.body)).toBe(201);

    // A chip reader's session opens the reader's operations only: no particulars, no submission.
    const put = await server.api("PUT", `/v1/applications/${reference}/applicant`, {
      token: sessionToken,
      body: { name: { family: "X", given: "Y" } },
    });
    expect(put.status).toBe(404);
    expect((await submitAndPay(server, reference, sessionToken)).status).toBe(404);
    expect((await server.api("GET", `/v1/applications/${reference}/events`, { token: sessionToken })).status).toBe(404);

    const again = await exchange(reference, String(issued.body.token));
    expect(again.status).toBe(410);
    expect(again.body.code).toBe("handoff_used");
    expect(again.headers.get("content-type")).toMatch(/problem\+json/);

    expect((await auditActions(reference)).map((a) => [a.action, a.data.purpose, a.data.reason])).toEqual([
      ["application.handoff_issued", "chip_reader", undefined],
      ["application.handoff_exchanged", "chip_reader", undefined],
      ["application.handoff_refused", "chip_reader", "used"],
    ]);
  });

  it("two exchanges at once: exactly one session", async () => {
    const { reference, token } = await draftApplication(server, "prepaid-data-esim", somebody());
    const issued = await handoff(reference, token, "continue_on_phone");
    const answers = await Promise.all([
      exchange(reference, String(issued.body.token)),
      exchange(reference, String(issued.body.token)),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 410]);
  });

  it("is refused once expired, and its session ends after APPLICANT_SESSION_HOURS", async () => {
    const { reference, token } = await draftApplication(server, "prepaid-data-esim", somebody());
    const late = await handoff(reference, token);
    const inTime = await handoff(reference, token);
    const session = await exchange(reference, String(inTime.body.token));
    expect(session.status).toBe(201);
    server.advanceClock(10 * 60_000 + 1000);
    const refused = await exchange(reference, String(late.body.token));
    expect(refused.status).toBe(410);
    expect(refused.body.code).toBe("handoff_expired");
    const sessionToken = String(session.body.accessToken);
    expect((await server.api("GET", `/v1/applications/${reference}`, { token: sessionToken })).status).toBe(200);
    server.advanceClock(2 * 3_600_000);
    const ended = await server.api("GET", `/v1/applications/${reference}`, { token: sessionToken });
    expect(ended.status).toBe(404);
    expect(ended.body.code).toBe("application_not_found");
    // The access token still opens it.
    expect((await server.api("GET", `/v1/applications/${reference}`, { token })).status).toBe(200);
  });

  it("is refused for another application, and its session opens no other application", async () => {
    const a = await draftApplication(server, "prepaid-data-esim", somebody());
    const b = await draftApplication(server, "prepaid-data-esim", somebody());
    const issued = await handoff(a.reference, a.token);
    const wrong = await exchange(b.reference, String(issued.body.token));
    expect(wrong.status).toBe(404);
    expect(wrong.body.code).toBe("handoff_invalid");
    // Refused, not spent: the right application still takes it.
    const right = await exchange(a.reference, String(issued.body.token));
    expect(right.status).toBe(201);
    const onB = await server.api("GET", `/v1/applications/${b.reference}`, { token: String(right.body.accessToken) });
    expect(onB.status).toBe(404);
    expect((await auditActions(a.reference)).map((x) => x.data.reason ?? x.action)).toEqual([
      "application.handoff_issued",
      "other_application",
      "application.handoff_exchanged",
    ]);
    // An access token is not a hand-off token.
    expect((await exchange(a.reference, a.token)).body.code).toBe("handoff_invalid");
  });

  it("names the field of a bad request, and hands no chip reader an application that takes no evidence", async () => {
    const { reference, token } = await draftApplication(server, "prepaid-data-esim", somebody());
    const bad = await handoff(reference, token, "fax");
    expect(bad.status).toBe(422);
    expect(bad.body.field).toBe("purpose");
    const empty = await server.api("POST", "/v1/handoff/exchange", { body: { reference } });
    expect(empty.status).toBe(422);
    expect(empty.body.field).toBe("token");
    const submitted = await submitAndPay(server, reference, token);
    expect(submitted.status, JSON.stringify(submitted.body)).toBeLessThan(300);
    const refused = await handoff(reference, token);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("application_not_editable");
    // Without the applicant's token nothing is issued.
    expect(
      (await server.api("POST", `/v1/applications/${reference}/handoff`, { body: { purpose: "chip_reader" } })).status,
    ).toBe(401);
  });
});

describe("site configuration without a reader app", () => {
  it("offers no chip reading online, and lists the demo counters outside production", async () => {
    const site = await server.api("GET", "/v1/site-config");
    expect(site.status).toBe(200);
    expect(site.body.chipReader).toEqual({ available: false, ios: null, android: null });
    const counters = site.body.counters as { id: string; name: Record<string, string>; documents: string[] }[];
    expect(counters.length).toBeGreaterThanOrEqual(2);
    expect(counters[0]?.name["zh-Hans"]).toMatch(/柜台|门店/);
    expect(counters.every((c) => c.documents.includes("passport"))).toBe(true);
  });
});

describe("hand-off token guesses", () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startTestServer({ JITSUMEI_RATE_LIMITS: "sign-in=1000,lookup=1000,token=3" });
  }, 180_000);
  afterAll(async () => limited?.close());

  it("count like wrong access tokens: beyond the limit even the right token waits", async () => {
    const { reference, token } = await draftApplication(limited, "prepaid-data-esim", somebody());
    const issued = await limited.api("POST", `/v1/applications/${reference}/handoff`, {
      token,
      body: { purpose: "chip_reader" },
    });
    for (let i = 0; i < 3; i++) {
      const guess = await limited.api("POST", "/v1/handoff/exchange", {
        body: { reference, token: `jho_${"A".repeat(42)}${i}` },
      });
      expect(guess.status).toBe(404);
    }
    const blocked = await limited.api("POST", "/v1/handoff/exchange", {
      body: { reference, token: String(issued.body.token) },
    });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
