import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaff } from "../src/staff/staff-accounts.ts";
import { MAX_CODES_PER_HOUR } from "../src/subscribers/subscriber-access.ts";
import {
  activationCodeFromOutbox,
  activeLine,
  draftApplication,
  jobsSettled,
  somebody,
  submitAndPay,
} from "./support/journey.ts";
import { type StaffClient, signInAs, totpCode } from "./support/staff.ts";
import { mailedCode } from "./support/subscriber.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * Every secret a person types or a client could guess has a limit, and a limit reached holds even
 * against the right secret: the staff password and TOTP code (account lock-out), the applicant's
 * access token and the subscriber's session (wrong tokens per address), the activation code (locked
 * per application), the subscriber's sign-in code (spent after five tries, five codes a line an hour)
 * and the retail registration code (ten wrong per address in 15 minutes).
 */

let server: TestServer;
let admin: StaffClient;
const TOKEN_LIMIT = 5;

beforeAll(async () => {
  server = await startTestServer({ JITSUMEI_RATE_LIMITS: `sign-in=1000,lookup=1000,token=${TOKEN_LIMIT}` });
  admin = await signInAs(server, "admin");
});
afterAll(async () => server?.close());

async function newStaff() {
  const email = `locked.${Math.random().toString(36).slice(2)}@operator.test`;
  const created = await createStaff(server.services, {
    email,
    displayName: "Locked",
    role: "agent",
    createdBy: "test",
  });
  return { email, password: created.oneTimePassword, secret: created.totpSecret };
}

describe("lock-outs and limits on guessable secrets", () => {
  it("staff password: no lock-out, but growing delays after three failures, for a known and an unknown e-mail alike", async () => {
    const a = await newStaff();
    const attempt = (email: string, password: string) =>
      server.api("POST", "/v1/staff/session", { body: { email, password, otp: totpCode(server, a.secret) } });
    const unknown = `nobody.${Math.random().toString(36).slice(2)}@operator.test`;
    // Four failures each, then three more after each wait: the next wait is 8 s. Both e-mails in step.
    for (let i = 0; i < 7; i++) {
      if (i >= 4) server.advanceClock(61_000);
      for (const email of [a.email, unknown]) {
        expect(await attempt(email, `wrong-password-${i}`)).toMatchObject({
          status: 401,
          body: { code: "login_failed" },
        });
      }
    }
    // The same answer whether or not the account exists (the seconds left aside: time passes between).
    const known = await attempt(a.email, a.password);
    const stranger = await attempt(unknown, "whatever-it-is");
    expect(known.status).toBe(429);
    expect(Number(known.headers.get("retry-after"))).toBeGreaterThan(1);
    expect(Number(known.headers.get("retry-after"))).toBeLessThanOrEqual(8);
    const comparable = (r: typeof known) => {
      const { instance: _instance, retryAfterSeconds, ...body } = r.body;
      expect(retryAfterSeconds).toEqual(Number(r.headers.get("retry-after")));
      return { ...body, detail: String(body.detail).replace(/\d+ s/, "N s") };
    };
    expect(comparable(stranger)).toEqual(comparable(known));
    expect(stranger.status).toBe(known.status);
    expect(stranger.headers.get("content-type")).toBe(known.headers.get("content-type"));
    // Failing on purpose keeps the account at most a minute away, never locked.
    for (let i = 0; i < 12; i++) {
      server.advanceClock(61_000);
      expect((await attempt(a.email, `still-wrong-${i}`)).status).toBe(401);
    }
    const waiting = await attempt(a.email, a.password);
    expect(waiting.status).toBe(429);
    expect(Number(waiting.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    server.advanceClock(61_000);
    expect((await attempt(a.email, a.password)).status).toBe(200);
  });

  it("staff TOTP: wrong codes with the right password count the same, and are audited with their delay", async () => {
    const a = await newStaff();
    for (let i = 0; i < 7; i++) {
      if (i >= 4) server.advanceClock(61_000);
      const wrong = await server.api("POST", "/v1/staff/session", {
        body: { email: a.email, password: a.password, otp: totpCode(server, a.secret, 100 + i) },
      });
      expect(wrong).toMatchObject({ status: 401, body: { code: "login_failed" } });
    }
    const right = await server.api("POST", "/v1/staff/session", {
      body: { email: a.email, password: a.password, otp: totpCode(server, a.secret) },
    });
    expect(right).toMatchObject({ status: 429, body: { code: "rate_limited" } });
    const { rows } = await server.services.db.query<{ action: string; data: unknown }>(
      "SELECT action, data FROM audit_entries WHERE action = 'staff.login_failed' ORDER BY seq DESC LIMIT 1",
    );
    expect(rows[0]?.data).toMatchObject({ factor: "otp", delaySeconds: 8 });
    server.advanceClock(9_000);
    const later = await server.api("POST", "/v1/staff/session", {
      body: { email: a.email, password: a.password, otp: totpCode(server, a.secret) },
    });
    expect(later.status).toBe(200);
  });

  it("applicant access token and subscriber session: wrong tokens from one address are limited, then even the right one waits", async () => {
    const { reference, token } = await draftApplication(server, "prepaid-data-esim", somebody());
    for (let i = 0; i < TOKEN_LIMIT; i++) {
      const wrong = await server.api("GET", `/v1/applications/${reference}`, { token: `jat_guess${i}` });
      expect(wrong).toMatchObject({ status: 404, body: { code: "application_not_found" } });
    }
    const right = await server.api("GET", `/v1/applications/${reference}`, { token });
    expect(right).toMatchObject({ status: 429, body: { code: "rate_limited" } });
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(0);
    // Subscriber routes count in the same budget.
    expect((await server.api("GET", "/v1/subscriber/lines", { token: "jst_guess" })).status).toBe(429);
    // A minute later the right token works again; a wrong subscriber token is counted like a wrong access token.
    server.advanceClock(61_000);
    expect((await server.api("GET", `/v1/applications/${reference}`, { token })).status).toBe(200);
    for (let i = 0; i < TOKEN_LIMIT; i++) {
      expect((await server.api("GET", "/v1/subscriber/lines", { token: `jst_guess${i}` })).status).toBe(401);
    }
    expect((await server.api("GET", `/v1/applications/${reference}`, { token })).status).toBe(429);
    server.advanceClock(61_000);
    // Requests without a token are not guesses: they are not counted.
    for (let i = 0; i < TOKEN_LIMIT + 1; i++) {
      expect((await server.api("GET", `/v1/applications/${reference}`)).status).toBe(401);
    }
    expect((await server.api("GET", `/v1/applications/${reference}`, { token })).status).toBe(200);
  });

  it("activation code: five wrong codes lock activation; a new code buys no more guesses", async () => {
    const { reference, token } = await draftApplication(server, "prepaid-data-esim", somebody());
    expect((await submitAndPay(server, reference, token)).status).toBe(200);
    await server.api("POST", `/v1/applications/${reference}/activation-code`, { token });
    const code = await activationCodeFromOutbox(server, reference);
    const wrong = code === "000000" ? "000001" : "000000";
    const answers: number[] = [];
    for (let i = 0; i < 5; i++) {
      answers.push(
        (await server.api("POST", `/v1/applications/${reference}/activation`, { token, body: { code: wrong } })).status,
      );
    }
    expect(answers).toEqual([422, 422, 422, 422, 423]);
    const right = await server.api("POST", `/v1/applications/${reference}/activation`, { token, body: { code } });
    expect(right).toMatchObject({ status: 423, body: { code: "activation_locked" } });
    const again = await server.api("POST", `/v1/applications/${reference}/activation-code`, { token });
    expect(again).toMatchObject({ status: 423, body: { code: "activation_locked" } });
  });

  it("subscriber sign-in code: five wrong tries spend it; a line gets at most five codes an hour", async () => {
    const person = somebody();
    const { msisdn } = await activeLine(server, person);
    const email = "anna@example.test"; // the address draftApplication gives
    const codesOfLine = async () => {
      // Step one is answered at once and done by a job: count once the jobs have run.
      await jobsSettled(server);
      const { rows } = await server.services.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM subscriber_sign_in_codes c JOIN subscriptions s ON s.id = c.subscription_id WHERE s.msisdn = $1",
        [msisdn],
      );
      return Number(rows[0]?.n);
    };
    const requestCode = () => server.api("POST", "/v1/subscriber/sign-in", { body: { msisdn, email } });

    expect((await requestCode()).status).toBe(202);
    const code = await mailedCode(server, email, "subscriber_sign_in");
    const wrong = code === "000000" ? "000001" : "000000";
    for (let i = 0; i < 5; i++) {
      const refused = await server.api("POST", "/v1/subscriber/sign-in/verify", { body: { msisdn, code: wrong } });
      expect(refused.status).toBe(422);
    }
    const spent = await server.api("POST", "/v1/subscriber/sign-in/verify", { body: { msisdn, code } });
    expect(spent).toMatchObject({ status: 422, body: { code: "activation_code_invalid" } });

    // Four more codes this hour, then none: the answer stays the same (nobody learns anything).
    for (let i = 1; i < MAX_CODES_PER_HOUR + 3; i++) expect((await requestCode()).status).toBe(202);
    expect(await codesOfLine()).toBe(MAX_CODES_PER_HOUR);
    const withheld = await server.services.db.query(
      "SELECT 1 FROM audit_entries WHERE action = 'subscriber.sign_in_code_withheld'",
    );
    expect(withheld.rows.length).toBeGreaterThan(0);
    server.advanceClock(61 * 60_000);
    expect((await requestCode()).status).toBe(202);
    expect(await codesOfLine()).toBe(MAX_CODES_PER_HOUR + 1);
  });

  it("retail registration code: ten wrong codes from one address, then even the right code waits", async () => {
    await admin.signInAgain();
    const created = await admin.api("POST", "/v1/staff/package-batches", {
      body: { planId: "prepaid-data-esim", channel: "shop", count: 1 },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const csv = await fetch(`${server.url}/v1/staff/package-batches/${String(created.body.batchId)}/packages.csv`, {
      headers: { cookie: admin.cookie },
    });
    const [header = "", first = ""] = (await csv.text()).trim().split("\n");
    const column = header.split(",").indexOf("registration_code");
    const right = first.split(",")[column] ?? "";
    expect(right).toMatch(/^[0-9A-Z]{4}-/);
    const register = (code: string) =>
      server.api("POST", "/v1/packages/registrations", {
        body: { code, language: "en", contact: { email: "traveller@example.test" } },
      });
    const answers: number[] = [];
    for (let i = 0; i < 11; i++) answers.push((await register(`ZZZZ-ZZZZ-ZZZZ-${String(i).padStart(3, "0")}0`)).status);
    expect(answers.slice(0, 10).every((s) => s === 422)).toBe(true);
    expect(answers[10]).toBe(429);
    const refused = await register(right);
    expect(refused).toMatchObject({ status: 429, body: { code: "rate_limited" } });
    server.advanceClock(16 * 60_000);
    expect((await register(right)).status).toBe(201);
  });
});
