import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allRoutes } from "../src/http/app.ts";
import { roleMay, type StaffRole, staffRoles } from "../src/staff/permissions.ts";
import { createStaff } from "../src/staff/staff-accounts.ts";
import { type StaffClient, sessionCookieFrom, signInAs, totpCode } from "./support/staff.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * The staff session cookie cannot be fixed by an attacker (a new random id at every sign-in, a
 * cookie the browser brought along is never adopted), and no staff route that changes anything runs
 * on the cookie alone: every non-GET staff route in the route list, called by a role that may use it,
 * is refused without the session's CSRF token and with another session's.
 */

let server: TestServer;
const clients = new Map<StaffRole, StaffClient>();

beforeAll(async () => {
  server = await startTestServer();
  for (const role of staffRoles) clients.set(role, await signInAs(server, role));
}, 180_000);
afterAll(async () => server?.close());

describe("session fixation", () => {
  it("a cookie set before sign-in is not adopted: the session gets a new id, the planted one opens nothing", async () => {
    const email = `fixation.${Date.now()}@operator.test`;
    const created = await createStaff(server.services, {
      email,
      displayName: "F",
      role: "reviewer",
      createdBy: "test",
    });
    const planted = `jss_${randomBytes(32).toString("base64url")}`;
    const signIn = await server.api("POST", "/v1/staff/session", {
      headers: { cookie: `jitsumei_staff=${planted}` },
      body: { email, password: created.oneTimePassword, otp: totpCode(server, created.totpSecret) },
    });
    expect(signIn.status).toBe(200);
    const issued = sessionCookieFrom(signIn);
    expect(issued).not.toBe(`jitsumei_staff=${planted}`);
    expect(issued).toMatch(/^jitsumei_staff=jss_[\w-]{43}$/);
    expect((await server.api("GET", "/v1/staff/session", { headers: { cookie: issued } })).status).toBe(200);
    const withPlanted = await server.api("GET", "/v1/staff/session", {
      headers: { cookie: `jitsumei_staff=${planted}` },
    });
    expect(withPlanted).toMatchObject({ status: 401, body: { code: "authentication_required" } });
  });

  it("signing in again gives a new session id and CSRF token, never the one in use", async () => {
    const member = clients.get("agent");
    if (!member) throw new Error("no agent");
    const before = { cookie: member.cookie, csrf: member.csrfToken };
    server.advanceClock(30_000); // a TOTP code is good once: the next one
    await member.signInAgain();
    expect(member.cookie).not.toBe(before.cookie);
    expect(member.csrfToken).not.toBe(before.csrf);
  });
});

describe("CSRF", () => {
  const changing = allRoutes.filter((r) => r.auth === "staff" && r.method !== "GET");

  it("every staff route that changes something refuses the cookie alone, and another session's token", async () => {
    expect(changing.length).toBeGreaterThan(20);
    for (const route of changing) {
      const permission = route.permission;
      const role =
        permission === "signed_in"
          ? "reviewer"
          : staffRoles.find((r) => permission !== undefined && roleMay(r, permission));
      const client = role ? clients.get(role) : undefined;
      if (!client) throw new Error(`no role may use ${route.operationId}`);
      const other = clients.get(role === "admin" ? "clerk" : "admin");
      const path = route.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
        name === "reference" ? "JT-0000-0000-0" : "00000000-0000-4000-8000-000000000000",
      );
      const body = route.method === "DELETE" ? {} : { body: {} };
      const none = await server.api(route.method, path, { headers: { cookie: client.cookie }, ...body });
      expect(none.status, `${route.method} ${route.path} without a token`).toBe(403);
      expect(none.body.code, `${route.method} ${route.path}`).toBe("csrf_failed");
      const foreign = await server.api(route.method, path, {
        headers: { cookie: client.cookie, "x-csrf-token": other?.csrfToken ?? "x" },
        ...body,
      });
      expect(foreign.body.code, `${route.method} ${route.path} with another session's token`).toBe("csrf_failed");
    }
    // The sessions are still alive (the refusals ended nothing), and with the token a change goes through.
    const reviewer = clients.get("reviewer");
    expect((await reviewer?.api("GET", "/v1/staff/session"))?.status).toBe(200);
    expect((await reviewer?.api("DELETE", "/v1/staff/session"))?.status).toBe(204);
  });

  it("the session cookie is HttpOnly and SameSite=Strict, so another site's page neither reads nor sends it", async () => {
    const email = `cookie.${Date.now()}@operator.test`;
    const created = await createStaff(server.services, { email, displayName: "C", role: "agent", createdBy: "test" });
    const signIn = await server.api("POST", "/v1/staff/session", {
      body: { email, password: created.oneTimePassword, otp: totpCode(server, created.totpSecret) },
    });
    const setCookie = signIn.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure|Domain/);
  });

  it("over HTTPS the cookie is Secure and __Host- prefixed, and only that name opens the session", async () => {
    const https = await startTestServer({ PUBLIC_URL: "https://jitsumei.example.test" });
    try {
      const email = `host.${Date.now()}@operator.test`;
      const created = await createStaff(https.services, { email, displayName: "H", role: "agent", createdBy: "test" });
      const signIn = await https.api("POST", "/v1/staff/session", {
        body: { email, password: created.oneTimePassword, otp: totpCode(https, created.totpSecret) },
      });
      const setCookie = signIn.headers.get("set-cookie") ?? "";
      expect(setCookie).toMatch(
        /^__Host-jitsumei_staff=jss_[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+; Secure$/,
      );
      const cookie = sessionCookieFrom(signIn);
      expect((await https.api("GET", "/v1/staff/session", { headers: { cookie } })).status).toBe(200);
      const unprefixed = cookie.replace("__Host-", "");
      expect((await https.api("GET", "/v1/staff/session", { headers: { cookie: unprefixed } })).status).toBe(401);
    } finally {
      await https.close();
    }
  });
});
