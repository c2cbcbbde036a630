import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportVerificationRecords } from "../src/records/export-verification-records.ts";
import { activationCodeFromOutbox, draftApplication, payForPlan, runEveryJobNow, somebody } from "./support/journey.ts";
import { signInAs } from "./support/staff.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/** Issue 20 items 7 and 8: the postal-code lookup, and the terms accepted before submitting. */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 180_000);
afterAll(async () => server?.close());

describe("GET /v1/postal-codes/{code}", () => {
  it("names the prefecture, city and town from Japan Post's data, with or without the hyphen", async () => {
    const plain = await server.api("GET", "/v1/postal-codes/1040061");
    expect(plain.status).toBe(200);
    expect(plain.body).toEqual({
      postalCode: "1040061",
      places: [{ prefectureCode: "13", prefecture: "東京都", city: "中央区", town: "銀座" }],
    });
    const hyphen = await server.api("GET", "/v1/postal-codes/453-0002");
    expect(hyphen.body).toMatchObject({ places: [{ prefecture: "愛知県", city: "名古屋市中村区", town: "名駅" }] });
    // A code for a whole city has no town.
    const city = await server.api("GET", "/v1/postal-codes/0600000");
    expect(city.body).toMatchObject({ places: [{ prefecture: "北海道", city: "札幌市中央区", town: "" }] });
  });

  it("answers 404 for a code nobody publishes and 422 naming the field for one that is not 7 digits", async () => {
    const unknown = await server.api("GET", "/v1/postal-codes/9999999");
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toContain("application/problem+json");
    const malformed = await server.api("GET", "/v1/postal-codes/12345");
    expect(malformed.status).toBe(422);
    expect(JSON.stringify(malformed.body)).toContain('"field":"code"');
  });

  it("is in the OpenAPI document", async () => {
    const openapi = await server.api("GET", "/openapi.json");
    const paths = (openapi.body as { paths: Record<string, unknown> }).paths;
    expect(Object.keys(paths)).toEqual(expect.arrayContaining(["/v1/postal-codes/{code}", "/v1/legal-documents"]));
    // The acceptance is optional on the API (the site always sends it): so is the submit body.
    const submit = paths["/v1/applications/{reference}/submit"] as { post: { requestBody: { required: boolean } } };
    expect(submit.post.requestBody.required).toBe(false);
    const create = paths["/v1/applications"] as { post: { requestBody: { required: boolean } } };
    expect(create.post.requestBody.required).toBe(true);
  });
});

describe("accepting the terms and the privacy notice on submitting", () => {
  it("records the versions accepted with the pinned policy: in the case view and in the verification record", async () => {
    const legal = await server.api("GET", "/v1/legal-documents");
    expect(legal.status).toBe(200);
    const { terms, privacy } = legal.body as { terms: { version: string }; privacy: { version: string } };
    expect(terms.version).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const { reference, token } = await draftApplication(server, "prepaid-data-esim", somebody());
    const submitted = await server.api("POST", `/v1/applications/${reference}/submit`, {
      token,
      body: { acceptance: { terms: terms.version, privacy: privacy.version } },
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);

    const reviewer = await signInAs(server, "reviewer");
    const view = await reviewer.api("GET", `/v1/staff/applications/${reference}`);
    expect(view.status).toBe(200);
    expect(view.body.acceptance).toMatchObject({
      terms: terms.version,
      privacy: privacy.version,
      policy: { id: "jp-mobile-act" },
      language: "en",
    });

    expect((await payForPlan(server, reference, token)).status).toBe(201); // the plan paid for by card
    await server.api("POST", `/v1/applications/${reference}/activation-code`, { token });
    const code = await activationCodeFromOutbox(server, reference);
    const activated = await server.api("POST", `/v1/applications/${reference}/activation`, { token, body: { code } });
    expect(activated.status).toBe(200);
    const records = await exportVerificationRecords(server.services, { from: null, to: null, actor: "test" });
    expect(records.find((r) => r.reference === reference)).toMatchObject({
      acceptance: { terms: terms.version, privacy: privacy.version, policy: { id: "jp-mobile-act" } },
    });
  });

  it("follows a language switched mid-way: the acceptance is recorded in the page's language, and later mails come in it", async () => {
    const legal = await server.api("GET", "/v1/legal-documents");
    const { terms, privacy } = legal.body as { terms: { version: string }; privacy: { version: string } };
    const { reference, token } = await draftApplication(
      server,
      "prepaid-data-esim",
      somebody(),
      {},
      { language: "vi" },
    );
    // The site's switcher, at step 2: the application speaks Chinese from now on.
    const switched = await server.api("PUT", `/v1/applications/${reference}/language`, {
      token,
      body: { language: "zh-Hans" },
    });
    expect(switched).toMatchObject({ status: 200, body: { language: "zh-Hans" } });
    expect((switched.body.status as { title: string }).title).toMatch(/[\u4e00-\u9fff]/);
    const bad = await server.api("PUT", `/v1/applications/${reference}/language`, { token, body: { language: "xx" } });
    expect(bad).toMatchObject({ status: 422, body: { field: "language" } });
    // Accepted on a Korean page (switched once more on the confirm page): recorded as read in Korean.
    const submitted = await server.api("POST", `/v1/applications/${reference}/submit`, {
      token,
      body: { acceptance: { terms: terms.version, privacy: privacy.version, language: "ko" } },
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.language).toBe("ko");
    const reviewer = await signInAs(server, "reviewer");
    expect((await reviewer.api("GET", `/v1/staff/applications/${reference}`)).body.acceptance).toMatchObject({
      language: "ko",
    });
    await runEveryJobNow(server);
    const mails = (await server.api("GET", "/dev/outbox?limit=200")).body.items as { subject: string }[];
    const received = mails.filter((m) => m.subject.includes(reference)).map((m) => m.subject);
    expect(received).toContain(`[Jitsumei] 신청이 접수되었습니다 (${reference})`);
    expect(received.some((s) => s.includes("Chúng tôi"))).toBe(false);
  });

  it("refuses an outdated version, naming which text, and records nothing", async () => {
    const { reference, token } = await draftApplication(server, "prepaid-data-esim", somebody());
    const refused = await server.api("POST", `/v1/applications/${reference}/submit`, {
      token,
      body: { acceptance: { terms: "2001-01-01", privacy: "2001-01-01" } },
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: "terms_outdated" });
    expect(JSON.stringify(refused.body)).toContain("acceptance.terms");
    const { rows } = await server.services.db.query(
      "SELECT 1 FROM terms_acceptances t JOIN applications a ON a.id = t.application_id WHERE a.reference = $1",
      [reference],
    );
    expect(rows).toEqual([]);
    const view = await server.api("GET", `/v1/applications/${reference}`, { token });
    expect(view.body.state).toBe("draft");
  });
});
