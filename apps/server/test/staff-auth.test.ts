import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaff } from "../src/staff/staff-accounts.ts";
import { sessionCookieFrom, signInAs, totpCode } from "./support/staff.ts";
import { testDatabaseKind } from "./support/test-database.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

const cli = join(import.meta.dirname, "..", "bin", "jitsumei.js");

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

async function newAccount(role: "reviewer" | "admin" = "reviewer") {
  const email = `member.${Math.random().toString(36).slice(2)}@operator.test`;
  const created = await createStaff(server.services, { email, displayName: "Member", role, createdBy: "test" });
  return { email, password: created.oneTimePassword, secret: created.totpSecret, id: created.account.id };
}

describe("staff sign-in", () => {
  it("needs the password and a current TOTP code, and accepts a code only once", async () => {
    const a = await newAccount();
    const wrongCode = await server.api("POST", "/v1/staff/session", {
      body: { email: a.email, password: a.password, otp: totpCode(server, a.secret, 10) },
    });
    expect(wrongCode).toMatchObject({ status: 401, body: { code: "login_failed" } });
    const otp = totpCode(server, a.secret);
    const ok = await server.api("POST", "/v1/staff/session", { body: { email: a.email, password: a.password, otp } });
    expect(ok.status).toBe(200);
    const setCookie = ok.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const replay = await server.api("POST", "/v1/staff/session", {
      body: { email: a.email, password: a.password, otp },
    });
    expect(replay).toMatchObject({ status: 401, body: { code: "login_failed" } });
  });

  it("answers an unknown e-mail exactly like a wrong password", async () => {
    const unknown = await server.api("POST", "/v1/staff/session", {
      body: { email: "nobody@operator.test", password: "whatever-it-is", otp: "123456" },
    });
    expect(unknown).toMatchObject({ status: 401, body: { code: "login_failed" } });
    const a = await newAccount();
    const wrong = await server.api("POST", "/v1/staff/session", {
      body: { email: a.email, password: "whatever-it-is", otp: "123456" },
    });
    // Word for word the same answer (but for the path it answers), and the same headers that matter.
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.headers.get("content-type")).toBe(unknown.headers.get("content-type"));
  });

  it("delays, never locks, after failures, and audits them", async () => {
    const a = await newAccount();
    // Four failures, then three more after each wait: the next wait is 8 s.
    for (let i = 0; i < 7; i++) {
      if (i >= 4) server.advanceClock(61_000);
      const r = await server.api("POST", "/v1/staff/session", {
        body: { email: a.email, password: "not-the-password", otp: "000000" },
      });
      expect(r.status).toBe(401);
    }
    const right = await server.api("POST", "/v1/staff/session", {
      body: { email: a.email, password: a.password, otp: totpCode(server, a.secret) },
    });
    expect(right).toMatchObject({ status: 429, body: { code: "rate_limited" } });
    const audit = await server.services.db.query<{ action: string }>(
      "SELECT action FROM audit_entries WHERE subject = $1 ORDER BY seq",
      [`staff:${a.id}`],
    );
    expect(audit.rows.filter((r) => r.action === "staff.login_failed")).toHaveLength(7);
    // Once the wait is over, the right credentials work again.
    server.advanceClock(9_000);
    const later = await server.api("POST", "/v1/staff/session", {
      body: { email: a.email, password: a.password, otp: totpCode(server, a.secret) },
    });
    expect(later.status).toBe(200);
  });

  it("must change the one-time password before anything else", async () => {
    const a = await newAccount("admin");
    const signIn = await server.api("POST", "/v1/staff/session", {
      body: { email: a.email, password: a.password, otp: totpCode(server, a.secret) },
    });
    const headers = { cookie: sessionCookieFrom(signIn), "x-csrf-token": String(signIn.body.csrfToken) };
    const blocked = await server.api("GET", "/v1/staff/accounts", { headers });
    expect(blocked).toMatchObject({ status: 403, body: { code: "password_change_required" } });
    const short = await server.api("POST", "/v1/staff/password", {
      headers,
      body: { currentPassword: a.password, newPassword: "short" },
    });
    expect(short).toMatchObject({ status: 422, body: { field: "newPassword" } });
    const changed = await server.api("POST", "/v1/staff/password", {
      headers,
      body: { currentPassword: a.password, newPassword: "a-much-better-password" },
    });
    expect(changed.status).toBe(204);
    expect((await server.api("GET", "/v1/staff/accounts", { headers })).status).toBe(200);
    // Hashed with argon2id at the cost the server was configured with (the test server: OWASP's minimum).
    const { rows } = await server.services.db.query<{ password_hash: string }>(
      "SELECT password_hash FROM staff WHERE email = $1",
      [a.email],
    );
    expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  });
});

describe("staff sessions", () => {
  it("refuses a change without the session's CSRF token, and with another session's", async () => {
    const member = await signInAs(server, "reviewer");
    const other = await signInAs(server, "reviewer");
    const none = await server.api("DELETE", "/v1/staff/session", { headers: { cookie: member.cookie } });
    expect(none).toMatchObject({ status: 403, body: { code: "csrf_failed" } });
    const foreign = await server.api("DELETE", "/v1/staff/session", {
      headers: { cookie: member.cookie, "x-csrf-token": other.csrfToken },
    });
    expect(foreign.body.code).toBe("csrf_failed");
    expect((await member.api("GET", "/v1/staff/session")).status).toBe(200);
  });

  it("ends on sign-out: the old cookie no longer opens anything", async () => {
    const member = await signInAs(server, "reviewer");
    expect((await member.api("DELETE", "/v1/staff/session")).status).toBe(204);
    const after = await member.api("GET", "/v1/staff/session");
    expect(after).toMatchObject({ status: 401, body: { code: "authentication_required" } });
  });

  it("lapses after 30 idle minutes", async () => {
    const member = await signInAs(server, "reviewer");
    server.advanceClock(29 * 60_000);
    expect((await member.api("GET", "/v1/staff/session")).status).toBe(200);
    server.advanceClock(31 * 60_000);
    expect((await member.api("GET", "/v1/staff/session")).status).toBe(401);
  });

  it("ends every session of an account an admin disables", async () => {
    const admin = await signInAs(server, "admin");
    const member = await signInAs(server, "agent");
    const disabled = await admin.api("PUT", `/v1/staff/accounts/${member.id}/disabled`, { body: { disabled: true } });
    expect(disabled).toMatchObject({ status: 200, body: { disabled: true } });
    expect((await member.api("GET", "/v1/staff/session")).status).toBe(401);
  });

  it("limits sign-in attempts and reference lookups per address", async () => {
    const limitedServer = await startTestServer({ JITSUMEI_RATE_LIMITS: "sign-in=10,lookup=3" });
    const agent = await signInAs(limitedServer, "agent");
    let limited = 0;
    for (let i = 0; i < 12; i++) {
      const r = await limitedServer.api("POST", "/v1/staff/session", {
        body: { email: `nobody-${i}@operator.test`, password: "guess", otp: "123456" },
      });
      if (r.status === 429) {
        limited++;
        expect(r.body.code).toBe("rate_limited");
        expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
      }
    }
    // One sign-in was the agent's own: ten attempts pass the limit, the eleventh and twelfth do not.
    expect(limited).toBe(3);
    const lookups = [];
    for (let i = 0; i < 4; i++) lookups.push((await agent.api("GET", "/v1/staff/lookup/JT-0000-0000-0")).status);
    expect(lookups).toEqual([404, 404, 404, 429]);
    await limitedServer.close();
  });
});

describe("jitsumei staff create", () => {
  it("makes the first admin, printing a one-time password and a TOTP URI; the admin can sign in", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "jitsumei-staff-"));
    const masterKey = randomBytes(32).toString("base64");
    const cliEnv = (url: string | null) => ({
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !["DATABASE_URL", "SMTP_URL"].includes(k))),
      JITSUMEI_DATA_DIR: dataDir,
      JITSUMEI_MASTER_KEY: masterKey,
      ...(url ? { DATABASE_URL: url } : {}),
    });
    const create = (url: string | null, ...args: string[]) =>
      spawnSync(process.execPath, [cli, "staff", "create", ...args], { env: cliEnv(url), encoding: "utf8" });
    // On PGlite the command and the server cannot hold the folder at once: the command runs first.
    const args = ["--role", "admin", "--email", "First.Admin@operator.test"];
    let own: TestServer;
    let result: ReturnType<typeof create>;
    if (testDatabaseKind === "postgres") {
      own = await startTestServer({ JITSUMEI_MASTER_KEY: masterKey });
      result = create(own.database.url, ...args);
    } else {
      result = create(null, ...args);
      own = await startTestServer(
        { JITSUMEI_DATA_DIR: dataDir, JITSUMEI_MASTER_KEY: masterKey },
        { pgliteDir: join(dataDir, "pglite") },
      );
    }
    try {
      expect(result.status, result.stderr).toBe(0);
      const out = JSON.parse(result.stdout) as { oneTimePassword: string; totpUri: string; account: { email: string } };
      expect(out.account.email).toBe("first.admin@operator.test");
      expect(out.totpUri).toMatch(/^otpauth:\/\/totp\/Jitsumei:first\.admin%40operator\.test\?/);
      const secret = new URL(out.totpUri).searchParams.get("secret") ?? "";
      const signIn = await own.api("POST", "/v1/staff/session", {
        body: { email: "first.admin@operator.test", password: out.oneTimePassword, otp: totpCode(own, secret) },
      });
      expect(signIn.status).toBe(200);
      expect(signIn.body.account).toMatchObject({ role: "admin", mustChangePassword: true });
      const badRole = create(null, "--role", "boss", "--email", "x@operator.test");
      expect(badRole.status).toBe(2);
      expect(badRole.stderr).toMatch(/--role/);
    } finally {
      await own.close();
    }
  });

  it("refuses a second account with the same e-mail", async () => {
    await newAccount();
    const email = `twice.${Date.now()}@operator.test`;
    await createStaff(server.services, { email, displayName: "One", role: "agent", createdBy: "test" });
    await expect(
      createStaff(server.services, {
        email: email.toUpperCase(),
        displayName: "Two",
        role: "agent",
        createdBy: "test",
      }),
    ).rejects.toMatchObject({ code: "staff_exists" });
  });
});
