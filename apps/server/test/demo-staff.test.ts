import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config/config.ts";
import { startServer } from "../src/server.ts";
import { DEMO_STAFF_PASSWORD, seedDemoStaff } from "../src/staff/demo-staff.ts";
import { staffRoles } from "../src/staff/permissions.ts";
import { sessionCookieFrom } from "./support/staff.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

type DemoCode = { email: string; role: string; password: string; code: string; validForSeconds: number };

/** A newcomer signs in to the console with the demo accounts `npm start` makes, the codes on a development page. */
describe("demo staff accounts", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({}, { demoStaff: true });
  });
  afterAll(async () => server?.close());

  it("makes one account per role, each signing in with the demo password and the code the page shows", async () => {
    const page = await server.api("GET", "/dev/demo-staff");
    expect(page.status).toBe(200);
    const items = page.body.items as DemoCode[];
    expect(items.map((i) => i.role)).toEqual([...staffRoles]);
    for (const item of items) {
      expect(item).toMatchObject({ password: DEMO_STAFF_PASSWORD, code: expect.stringMatching(/^\d{6}$/) });
      expect(item.validForSeconds).toBeGreaterThan(0);
    }
    // Sign in as the reviewer with what the page says: no password change asked, the reviewer's menu.
    const reviewer = items.find((i) => i.role === "reviewer") as DemoCode;
    const signIn = await server.api("POST", "/v1/staff/session", {
      body: { email: reviewer.email, password: reviewer.password, otp: reviewer.code },
    });
    expect(signIn.status).toBe(200);
    expect(signIn.body).toMatchObject({ account: { role: "reviewer", mustChangePassword: false } });
    const queue = await server.api("GET", "/v1/staff/applications", { headers: { cookie: sessionCookieFrom(signIn) } });
    expect(queue.status).toBe(200);
  });

  it("does not make them twice when the server starts again", async () => {
    const before = (await server.services.db.query<{ n: number }>("SELECT count(*)::int AS n FROM staff")).rows[0]?.n;
    expect(await seedDemoStaff(server.services)).toHaveLength(staffRoles.length);
    const after = (await server.services.db.query<{ n: number }>("SELECT count(*)::int AS n FROM staff")).rows[0]?.n;
    expect(after).toBe(before);
  });

  it("is never made in production", async () => {
    const config = loadConfig({
      NODE_ENV: "production",
      JITSUMEI_MASTER_KEY: server.masterKey.toString("base64"),
      JITSUMEI_PAYMENT_NOTIFICATION_SECRET: "x".repeat(32),
      SMTP_URL: "smtp://127.0.0.1:9",
      JITSUMEI_INVOICE_REGISTRATION_NUMBER: "T1234567890123",
      PORT: "0",
    });
    await expect(startServer({ config, db: server.services.db, demoStaff: true, listen: false })).rejects.toThrow(
      /never created in production/,
    );
  });
});
