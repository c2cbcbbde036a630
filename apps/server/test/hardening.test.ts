import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { sealPlainPoliceRequests } from "../src/police/seal-police-requests.ts";
import { type RunningServer, startServer } from "../src/server.ts";
import { activeLine, anna, particularsOf, somebody } from "./support/journey.ts";
import { signInAs } from "./support/staff.ts";
import { type ApiResponse, startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * Issue #21 (abuse and hardening), on both databases: limits counted in the database hold across two
 * server processes on one database; specimen documents and a full review queue are refused; police
 * requests are sealed; hostile JSON and an oversized chip part are answered naming the field.
 */
const { chip } = inject("evidenceFixtures");
const HOUR = 3_600_000;
let server: TestServer;
/** A second server on the same database: what one counts, the other sees. */
let other: RunningServer;

beforeAll(async () => {
  server = await startTestServer({
    JITSUMEI_APPLICATION_LIMITS: "hours=1,ip=6,device=2,contact=2,review=1",
    JITSUMEI_RATE_LIMITS: "sign-in=4,lookup=1000,token=3",
    SPECIMEN_DOCUMENTS: "refuse",
    JITSUMEI_CSCA_DIR: chip.trustDir,
  });
  other = await startServer({
    config: { ...server.services.config, port: 0 },
    db: server.database.db,
    warn: () => {},
    clock: server.services.clock,
  });
});
afterAll(async () => {
  await other?.stop();
  await server?.close();
});

async function call(
  url: string,
  method: string,
  path: string,
  options: { body?: unknown; raw?: string; token?: string; headers?: Record<string, string> } = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined || options.raw !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${url}${path}`, {
    method,
    headers,
    body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
}

let mailbox = 0;
const create = (url: string, email = `limit-${++mailbox}@example.test`, headers: Record<string, string> = {}) =>
  call(url, "POST", "/v1/applications", {
    body: { planId: "prepaid-data-esim", language: "en", channel: "online", contact: { email } },
    headers,
  });

/** The windows of every limit start afresh (the server's clock, which both servers read, moves on). */
const nextWindow = () => server.advanceClock(HOUR);

function expectRateLimited(answer: ApiResponse, limit: string) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(429);
  expect(answer.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(answer.body).toMatchObject({ code: "rate_limited", limits: [limit] });
}

describe("creation and submission limits, in the database", () => {
  it("limits creations per address across two server processes", async () => {
    nextWindow();
    for (let i = 0; i < 6; i++) {
      const created = await create(i % 2 === 0 ? server.url : other.url);
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    expectRateLimited(await create(other.url), "create:ip");
    expectRateLimited(await create(server.url), "create:ip");
  });

  it("limits creations per device and per contact", async () => {
    nextWindow();
    const device = { "x-device-id": "install-42" };
    expect((await create(server.url, undefined, device)).status).toBe(201);
    expect((await create(other.url, undefined, device)).status).toBe(201);
    expectRateLimited(await create(server.url, undefined, device), "create:device");

    nextWindow();
    expect((await create(server.url, "same@example.test")).status).toBe(201);
    // The same address written otherwise is the same contact.
    expect((await create(other.url, "Same@Example.TEST")).status).toBe(201);
    expectRateLimited(await create(server.url, "same@example.test"), "create:contact");
  });

  it("limits submissions per contact, across the two processes", async () => {
    nextWindow();
    const created = await create(server.url);
    const { reference, accessToken } = created.body as { reference: string; accessToken: string };
    const submit = (url: string) =>
      call(url, "POST", `/v1/applications/${reference}/submit`, { token: accessToken, body: {} });
    expect((await submit(server.url)).status).toBe(422); // incomplete: counted all the same
    expect((await submit(other.url)).status).toBe(422);
    expectRateLimited(await submit(server.url), "submit:contact");
  });

  it("counts wrong access tokens and sign-in attempts in the database, not per process", async () => {
    nextWindow();
    const wrong = (url: string) => call(url, "GET", "/v1/applications/JM-NOSUCH1", { token: "x".repeat(43) });
    expect((await wrong(server.url)).status).toBe(404);
    expect((await wrong(other.url)).status).toBe(404);
    expect((await wrong(server.url)).status).toBe(404);
    const refused = await wrong(other.url);
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe("rate_limited");

    const signIn = (url: string) =>
      call(url, "POST", "/v1/staff/session", {
        body: { email: "nobody@operator.test", password: "not-the-password", otp: "123456" },
      });
    for (const url of [server.url, other.url, server.url, other.url]) expect((await signIn(url)).status).toBe(401);
    const limited = await signIn(server.url);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("TRUST_PROXY", () => {
  it("believes X-Forwarded-For only from the proxies named: each client behind them has its own limits", async () => {
    nextWindow();
    const behindProxy = await startServer({
      config: { ...server.services.config, port: 0, trustProxy: ["127.0.0.1"] },
      db: server.database.db,
      warn: () => {},
      clock: server.services.clock,
    });
    try {
      // Without TRUST_PROXY the header is ignored: six from "different clients" use up one address.
      for (let i = 0; i < 6; i++) {
        expect((await create(server.url, undefined, { "x-forwarded-for": `203.0.113.${i}` })).status).toBe(201);
      }
      expectRateLimited(await create(server.url, undefined, { "x-forwarded-for": "203.0.113.99" }), "create:ip");
      // Behind the named proxy, a client's own address counts: a new one may start at once…
      expect((await create(behindProxy.url, undefined, { "x-forwarded-for": "198.51.100.7" })).status).toBe(201);
      // …and the proxy's own address (the header absent) is the one that is spent.
      expectRateLimited(await create(behindProxy.url), "create:ip");
    } finally {
      await behindProxy.stop();
    }
  });
});

describe("specimen documents and the review queue", () => {
  it("refuses the ICAO specimen passport outside development, naming the field", async () => {
    nextWindow();
    const created = await create(server.url);
    const { reference, accessToken } = created.body as { reference: string; accessToken: string };
    const put = await call(server.url, "PUT", `/v1/applications/${reference}/applicant`, {
      token: accessToken,
      body: particularsOf(anna),
    });
    expect(put.status).toBe(422);
    expect(put.body).toMatchObject({ code: "specimen_document", field: "document.number" });
    expect(String(put.body.source)).toMatch(/ICAO Doc 9303/);
    const real = await call(server.url, "PUT", `/v1/applications/${reference}/applicant`, {
      token: accessToken,
      body: particularsOf(somebody()),
    });
    expect(real.status).toBe(200);
  });

  it("caps how many applications one document may have waiting on a reviewer", async () => {
    nextWindow();
    const person = somebody();
    const drafts: { reference: string; accessToken: string }[] = [];
    for (let i = 0; i < 2; i++) {
      const created = await create(server.url);
      const draft = created.body as { reference: string; accessToken: string };
      const put = await call(server.url, "PUT", `/v1/applications/${draft.reference}/applicant`, {
        token: draft.accessToken,
        body: particularsOf(person),
      });
      expect(put.status).toBe(200);
      drafts.push(draft);
    }
    const [first, second] = drafts;
    if (!first || !second) throw new Error("two drafts expected");
    // The first waits on a reviewer (set directly: how it got there is not the point here).
    await server.services.db.query("UPDATE applications SET state = 'in_review' WHERE reference = $1", [
      first.reference,
    ]);
    const refused = await call(server.url, "POST", `/v1/applications/${second.reference}/submit`, {
      token: second.accessToken,
      body: {},
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: "too_many_in_review", field: "document.number", limit: 1 });
    // Once it is decided, the second may be submitted (here: it is incomplete, and says so).
    await server.services.db.query("UPDATE applications SET state = 'rejected' WHERE reference = $1", [
      first.reference,
    ]);
    const next = await call(server.url, "POST", `/v1/applications/${second.reference}/submit`, {
      token: second.accessToken,
      body: {},
    });
    expect(next.body.code).toBe("application_incomplete");
  });
});

describe("hostile JSON and oversized parts, answered naming the field", () => {
  it("answers 1e999 as a number error naming the field", async () => {
    const answer = await call(server.url, "POST", "/v1/applications", {
      raw: '{"planId":"prepaid-data-esim","language":"en","channel":"online","contact":{"email":"a@example.test"},"formFactor":1e999}',
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ code: "validation_failed", field: "formFactor" });
    expect(String((answer.body.errors as { reason: string }[])[0]?.reason)).toMatch(/number too large/);
  });

  it("refuses a __proto__ or constructor key by name, and nothing's prototype changes", async () => {
    for (const [raw, field] of [
      ['{"__proto__":{"polluted":"yes"},"planId":"prepaid-data-esim"}', "__proto__"],
      [
        '{"planId":"prepaid-data-esim","contact":{"email":"a@example.test","__proto__":{"polluted":"yes"}}}',
        "contact.__proto__",
      ],
      ['{"planId":"prepaid-data-esim","constructor":{"prototype":{"polluted":"yes"}}}', "constructor"],
    ] as const) {
      const answer = await call(server.url, "POST", "/v1/applications", { raw });
      expect(answer.status, raw).toBe(422);
      expect(answer.body).toMatchObject({ code: "validation_failed", field });
      expect(String((answer.body.errors as { reason: string }[])[0]?.reason)).toMatch(/reserved name/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("names the residence card's front when the front is larger than a card holds", async () => {
    nextWindow();
    const created = await create(server.url);
    const { reference, accessToken } = created.body as { reference: string; accessToken: string };
    const card = chip.residenceCards.secondGeneration;
    const b64 = (file: string) => readFileSync(file).toString("base64");
    const answer = await call(server.url, "POST", `/v1/applications/${reference}/evidence`, {
      token: accessToken,
      body: {
        kind: "residence_card_chip",
        front: Buffer.alloc(7002, 1).toString("base64"),
        face: b64(card.face),
        checkCode: b64(card.checkCode),
        certificate: b64(card.certificate),
      },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.field).toBe("front");
  });
});

describe("police requests", () => {
  it("are sealed: neither the authority nor its reference is in the row; rows from before are sealed at start", async () => {
    nextWindow();
    const line = await activeLine(server, somebody());
    const compliance = await signInAs(server, "compliance");
    const today = new Date(server.services.clock().getTime() + 9 * HOUR).toISOString().slice(0, 10);
    const recorded = await compliance.api("POST", "/v1/staff/police-requests", {
      body: {
        msisdn: line.msisdn,
        authority: "警視庁丸の内警察署長",
        authorityReference: "丸内刑第901号",
        receivedOn: today,
      },
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    const id = String(recorded.body.id);
    const row = async () =>
      (
        await server.services.db.query<{ text: string; authority: string | null; sealed: boolean }>(
          "SELECT row_to_json(p)::text AS text, authority, authority_enc IS NOT NULL AS sealed FROM police_requests p WHERE id = $1",
          [id],
        )
      ).rows[0];
    const stored = await row();
    expect(stored?.sealed).toBe(true);
    expect(stored?.text).not.toMatch(/警視庁|丸内刑第901号/);

    // A row as migration 0031 found it (plain text), sealed by the start-up step.
    await server.services.db.query(
      "UPDATE police_requests SET authority_enc = NULL, authority = '大阪府警察本部', authority_reference = '府警第7号' WHERE id = $1",
      [id],
    );
    expect(await sealPlainPoliceRequests(server.services.db, server.services.keys)).toBe(1);
    const moved = await row();
    expect(moved).toMatchObject({ authority: null, sealed: true });
    expect(moved?.text).not.toMatch(/大阪府警察本部|府警第7号/);
    const report = await compliance.api("GET", `/v1/staff/police-requests?from=${today}`);
    expect(report.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ requestId: id, authority: "大阪府警察本部", authorityReference: "府警第7号" }),
      ]),
    );
  });
});
