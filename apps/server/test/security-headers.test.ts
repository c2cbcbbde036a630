import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allRoutes } from "../src/http/app.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * Every answer carries the browser-facing security headers: every route in the route list (so a new
 * route is covered without touching this file), answered however it answers an anonymous caller, plus
 * a 404, a refused body and a rate-limited request.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ JITSUMEI_RATE_LIMITS: "sign-in=1000,lookup=1000,token=1000" });
});
afterAll(async () => server?.close());

/** A value for each path parameter: well formed, but nothing the test created. */
function pathOf(template: string): string {
  return template.replace(/\{(\w+)\}/g, (_m, name: string) =>
    name === "reference"
      ? "JT-0000-0000-0"
      : name === "msisdn"
        ? "07000000000"
        : name === "trackingNumber"
          ? "TRACK0000000"
          : "00000000-0000-4000-8000-000000000000",
  );
}

function cspDirectives(headers: Headers): Map<string, string[]> {
  const csp = headers.get("content-security-policy") ?? "";
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name = "", ...values]) => [name, values]),
  );
}

function expectSecurityHeaders(headers: Headers, where: string): void {
  expect(headers.get("strict-transport-security"), where).toMatch(/max-age=\d{8,}; includeSubDomains/);
  expect(headers.get("x-content-type-options"), where).toBe("nosniff");
  expect(headers.get("referrer-policy"), where).toBe("no-referrer");
  expect(headers.get("x-frame-options"), where).toBe("DENY");
  expect(headers.get("cache-control"), where).toBeTruthy();
  const csp = cspDirectives(headers);
  expect(csp.get("default-src"), where).toEqual(["'self'"]);
  expect(csp.get("script-src"), where).toEqual(["'self'"]);
  expect(csp.get("style-src"), where).toEqual(["'self'"]);
  expect(csp.get("img-src"), where).toEqual(["'self'", "data:", "blob:"]);
  expect(csp.get("connect-src"), where).toEqual(["'self'", "http://127.0.0.1:47900"]);
  expect(csp.get("object-src"), where).toEqual(["'none'"]);
  expect(csp.get("frame-ancestors"), where).toEqual(["'none'"]);
  expect(csp.get("base-uri"), where).toEqual(["'self'"]);
  expect(csp.get("form-action"), where).toEqual(["'self'"]);
  // Nothing inline or evaluated, anywhere in the policy.
  expect(headers.get("content-security-policy"), where).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  // Same origin only: no CORS header lets another site's script read an answer.
  expect(headers.get("access-control-allow-origin"), where).toBeNull();
  // No version of anything is given away.
  expect(headers.get("x-powered-by"), where).toBeNull();
  expect(headers.get("server"), where).toBeNull();
}

describe("security headers", () => {
  it("are on the answer of every route in the route list", async () => {
    expect(allRoutes.length).toBeGreaterThan(50);
    for (const route of allRoutes) {
      const path = pathOf(route.path);
      const response = await fetch(`${server.url}${path}`, {
        method: route.method,
        ...(route.method === "GET" || route.method === "DELETE"
          ? {}
          : { headers: { "content-type": "application/json" }, body: "{}" }),
      });
      await response.arrayBuffer();
      expectSecurityHeaders(response.headers, `${route.method} ${path} → ${response.status}`);
    }
  });

  it("are on a 404, a refused body, the OpenAPI document and a rate-limited answer", async () => {
    const notFound = await server.api("GET", "/nothing/here");
    expect(notFound.status).toBe(404);
    expectSecurityHeaders(notFound.headers, "404");
    const refused = await server.api("POST", "/v1/applications", {
      rawBody: "not json",
      headers: { "content-type": "text/plain" },
    });
    expect(refused.status).toBe(415);
    expectSecurityHeaders(refused.headers, "415");
    const openapi = await server.api("GET", "/openapi.json");
    expectSecurityHeaders(openapi.headers, "openapi");

    const limited = await startTestServer({ JITSUMEI_RATE_LIMITS: "sign-in=1" });
    try {
      const signIn = () =>
        limited.api("POST", "/v1/staff/session", {
          body: { email: "nobody@operator.test", password: "guess-guess-guess", otp: "123456" },
        });
      await signIn();
      const second = await signIn();
      expect(second.status).toBe(429);
      expectSecurityHeaders(second.headers, "429");
    } finally {
      await limited.close();
    }
  });

  it("keep answers out of caches unless a route allows it (the public Atom feed)", async () => {
    expect((await server.api("GET", "/v1/plans")).headers.get("cache-control")).toBe("no-store");
    const feed = await fetch(`${server.url}/announcements.atom`);
    await feed.arrayBuffer();
    expect(feed.headers.get("cache-control")).toBe("public, max-age=300");
  });
});
