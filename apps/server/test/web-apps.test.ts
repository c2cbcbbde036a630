import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtWebApps } from "../src/http/web-apps.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

// `npm test` builds both apps before the suite (scripts/test.mjs); the server serves what is built.
describe("the web apps are served by the API's own server", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  /** The answer with its body read (an unread body keeps the connection, and server.close() waits on it). */
  const page = async (path: string, accept = "text/html") => {
    const answer = await fetch(`${server.url}${path}`, { headers: { accept } });
    const body = await answer.text();
    return { status: answer.status, headers: answer.headers, text: async () => body };
  };

  it("finds both production builds", () => {
    expect(builtWebApps().map((app) => app.prefix)).toEqual(["/staff/", "/"]);
  });

  it("serves the applicant site at / and the console at /staff/", async () => {
    const site = await page("/");
    expect(site.status).toBe(200);
    expect(site.headers.get("content-type")).toMatch(/^text\/html/);
    const siteHtml = await site.text();
    const consoleAnswer = await page("/staff/");
    expect(consoleAnswer.status).toBe(200);
    const consoleHtml = await consoleAnswer.text();
    expect(consoleHtml).not.toBe(siteHtml);
    expect(consoleHtml).toContain('src="/staff/assets/');
    expect(siteHtml).toMatch(/src="\/assets\//);
  });

  it("answers a page address the app routes in the browser with the app's index.html", async () => {
    const status = await page("/status/ABCD-1234");
    expect(status.status).toBe(200);
    expect(await status.text()).toMatch(/src="\/assets\//);
    const staffCase = await page("/staff/cases/ABCD-1234");
    expect(await staffCase.text()).toContain('src="/staff/assets/');
  });

  it("serves hashed assets as immutable and never falls back for the API", async () => {
    const html = await (await page("/")).text();
    const asset = /src="(\/assets\/[^"]+)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const script = await page(String(asset), "*/*");
    expect(script.status).toBe(200);
    expect(script.headers.get("cache-control")).toContain("immutable");
    const api = await page("/v1/no-such-route");
    expect(api.status).toBe(404);
    expect(api.headers.get("content-type")).toContain("application/problem+json");
    const json = await page("/status/ABCD-1234", "application/json");
    expect(json.status).toBe(404);
  });

  it("leaves the API's own errors as they were (the apps' files are registered before the routes)", async () => {
    // A body that is not JSON fails in Fastify's parser, before the route: the app's error handler
    // answers it (an awaited register after the routes would leave it to Fastify's default).
    const refused = await server.api("POST", "/v1/applications", {
      rawBody: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(refused.status).toBe(400);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect(typeof refused.body.code).toBe("string");
  });
});
