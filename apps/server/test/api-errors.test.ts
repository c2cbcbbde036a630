import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anna, draftApplication, particularsOf, submitAndPay } from "./support/journey.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const newApplication = {
  planId: "prepaid-data-esim",
  language: "ja",
  channel: "online",
  contact: { email: "a@example.test" },
};

function expectProblem(
  response: { status: number; headers: Headers; body: Record<string, unknown> },
  status: number,
  code: string,
) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ status, code, type: `urn:jitsumei:problem:${code}` });
  expect(typeof response.body.title).toBe("string");
  expect(typeof response.body.detail).toBe("string");
}

describe("errors are RFC 9457 problem details naming the field and the reason", () => {
  it("names each invalid field of a new application", async () => {
    const r = await server.api("POST", "/v1/applications", {
      body: { planId: "prepaid-data-esim", language: "fr", contact: { email: "not-an-address" } },
    });
    expectProblem(r, 422, "validation_failed");
    const errors = r.body.errors as { field: string; reason: string }[];
    expect(errors.map((e) => e.field).sort()).toEqual(["contact.email", "language"]);
    expect(errors.find((e) => e.field === "language")?.reason).toMatch(/ja, en, zh-Hans/);
    expect(r.body.field).toBe(errors[0]?.field);
  });

  it("refuses unknown fields instead of ignoring them", async () => {
    const r = await server.api("POST", "/v1/applications", { body: { ...newApplication, plan: "x" } });
    expectProblem(r, 422, "validation_failed");
    expect(r.body.errors).toEqual([{ field: "body", reason: "has unknown fields: plan" }]);
  });

  it("names an unknown plan", async () => {
    const r = await server.api("POST", "/v1/applications", { body: { ...newApplication, planId: "gold" } });
    expectProblem(r, 422, "plan_not_found");
    expect(r.body.field).toBe("planId");
  });

  it("answers unreadable JSON, a wrong content type and an unknown route with problems", async () => {
    expectProblem(
      await server.api("POST", "/v1/applications", {
        rawBody: "{oops",
        headers: { "content-type": "application/json" },
      }),
      400,
      "malformed_request",
    );
    expectProblem(
      await server.api("POST", "/v1/applications", { rawBody: "planId=x", headers: { "content-type": "text/plain" } }),
      415,
      "unsupported_media_type",
    );
    expectProblem(await server.api("GET", "/v1/nothing-here"), 404, "not_found");
  });

  it("needs the access token, and a reference alone opens nothing", async () => {
    const created = await server.api("POST", "/v1/applications", { body: newApplication });
    const reference = String(created.body.reference);
    expectProblem(await server.api("GET", `/v1/applications/${reference}`), 401, "authentication_required");
    expectProblem(
      await server.api("GET", `/v1/applications/${reference}`, { token: "jat_wrong" }),
      404,
      "application_not_found",
    );
    const other = await server.api("POST", "/v1/applications", { body: newApplication });
    expectProblem(
      await server.api("GET", `/v1/applications/${reference}`, { token: String(other.body.accessToken) }),
      404,
      "application_not_found",
    );
    expect(
      (await server.api("GET", `/v1/applications/${reference}`, { token: String(created.body.accessToken) })).status,
    ).toBe(200);
  });

  it("turns away a wrong token before reading the body", async () => {
    const created = await server.api("POST", "/v1/applications", { body: newApplication });
    const path = `/v1/applications/${created.body.reference}/evidence`;
    // Unreadable JSON with a wrong token: the answer is about the token, so the body was never parsed.
    const r = await server.api("POST", path, {
      token: "jat_wrong",
      rawBody: "{not json",
      headers: { "content-type": "application/json" },
    });
    expectProblem(r, 404, "application_not_found");
    const anonymous = await server.api("POST", path, {
      rawBody: "{not json",
      headers: { "content-type": "application/json" },
    });
    expectProblem(anonymous, 401, "authentication_required");
  });

  it("keeps what was saved when a later change is invalid", async () => {
    const { reference, token } = await draftApplication(server, "prepaid-data-esim");
    const bad = { ...particularsOf(anna), birthDate: "1974-02-30" };
    const r = await server.api("PUT", `/v1/applications/${reference}/applicant`, { token, body: bad });
    expectProblem(r, 422, "validation_failed");
    expect(r.body.field).toBe("birthDate");
    expect(String((r.body.errors as { reason: string }[])[0]?.reason)).toMatch(/not a real calendar date/);
    const view = await server.api("GET", `/v1/applications/${reference}`, { token });
    expect((view.body.applicant as { birthDate: string }).birthDate).toBe(anna.birthDate);
    expect(view.body.evidence).toEqual([{ kind: "mrz" }]);
  });

  it("refuses an MRZ with a wrong check digit, naming the field, and stores nothing", async () => {
    const created = await server.api("POST", "/v1/applications", { body: newApplication });
    const reference = String(created.body.reference);
    const token = String(created.body.accessToken);
    const r = await server.api("POST", `/v1/applications/${reference}/evidence`, {
      token,
      body: {
        kind: "mrz",
        lines: ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C37UTO7408122F1204159ZE184226B<<<<<10"],
      },
    });
    expectProblem(r, 422, "evidence_invalid");
    expect(r.body.field).toBe("lines.documentNumber");
    const view = await server.api("GET", `/v1/applications/${reference}`, { token });
    expect(view.body.evidence).toEqual([]);
  });

  it("refuses to change particulars once the application has been decided", async () => {
    const { reference, token } = await draftApplication(server, "prepaid-data-esim");
    await submitAndPay(server, reference, token);
    const r = await server.api("PUT", `/v1/applications/${reference}/applicant`, { token, body: particularsOf(anna) });
    expectProblem(r, 409, "application_not_editable");
  });

  it("rejects a cursor it did not give out", async () => {
    const r = await server.api("GET", "/v1/plans?cursor=bm9wZQ");
    expectProblem(r, 422, "validation_failed");
    expect(r.body.field).toBe("cursor");
  });
});

describe("lists use cursor pagination", () => {
  it("walks the plans a page at a time", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: Record<string, unknown> } = await server.api(
        "GET",
        `/v1/plans?limit=1${cursor ? `&cursor=${cursor}` : ""}`,
      );
      seen.push(...(page.body.items as { id: string }[]).map((p) => p.id));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(seen).toEqual(["prepaid-voice-sim", "prepaid-data-esim", "postpaid-voice"]);
  });
});
