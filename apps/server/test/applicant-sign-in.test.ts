import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { draftApplication, outbox, somebody } from "./support/journey.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * Issue 20 item 1: an applicant gets back into the application from any device with a six-digit code
 * sent to the contact given in it, which opens a fresh session (never the access token).
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

let people = 0;
/** An application of its own address (codes per contact are limited: each test has its own). */
async function applied(contact?: { email: string; phone?: string }) {
  const email = contact?.email ?? `signin.${Date.now()}.${++people}@example.test`;
  const { reference, token } = await draftApplication(
    server,
    "prepaid-data-esim",
    somebody(),
    {},
    {
      language: "zh-Hans",
      contact: { email, ...(contact?.phone ? { phone: contact.phone } : {}) },
    },
  );
  return { reference, token, email };
}

const ask = (body: Record<string, string>) => server.api("POST", "/v1/applicant/sign-in", { body });
const verify = (body: Record<string, string>) => server.api("POST", "/v1/applicant/sign-in/verify", { body });

/** The code of the newest sign-in mail to `email` (its own template, in the applicant's language). */
async function mailedSignInCode(email: string): Promise<{ code: string; subject: string; text: string }> {
  const mail = (await outbox(server)).find((m) => m.to === email && m.template === "applicant_sign_in_code");
  const code = /\b(\d{6})\b/.exec(mail?.text ?? "")?.[1];
  if (!mail || !code) throw new Error(`no sign-in code mailed to ${email}`);
  return { code, subject: mail.subject, text: mail.text };
}

async function auditActions(reference: string): Promise<string[]> {
  const { rows } = await server.services.db.query<{ action: string }>(
    "SELECT action FROM audit_entries WHERE subject = $1 ORDER BY seq",
    [reference],
  );
  return rows.map((r) => r.action);
}

describe("applicant sign-in by a code sent to the application's contact", () => {
  it("opens a fresh session that reads the application, in the applicant's language, and audits it", async () => {
    const { reference, token, email } = await applied();
    expect((await ask({ reference, email: email.toUpperCase() })).status).toBe(202);
    const mail = await mailedSignInCode(email);
    expect(mail.subject).toContain("登录验证码");
    expect(mail.text).toContain(reference);
    expect(mail.text).not.toContain("jat_");

    const signedIn = await verify({ reference, email, code: mail.code });
    expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(201);
    const session = String(signedIn.body.accessToken);
    expect(signedIn.body.reference).toBe(reference);
    expect(session).toMatch(/^jas_/);
    expect(session).not.toBe(token);

    const read = await server.api("GET", `/v1/applications/${reference}`, { token: session });
    expect(read.status).toBe(200);
    expect(read.body.reference).toBe(reference);
    // The session opens this application only.
    const other = await applied();
    expect((await server.api("GET", `/v1/applications/${other.reference}`, { token: session })).status).toBe(404);

    const { rows } = await server.services.db.query<{ origin: string }>(
      "SELECT s.origin FROM applicant_sessions s JOIN applications a ON a.id = s.application_id WHERE a.reference = $1",
      [reference],
    );
    expect(rows.map((r) => r.origin)).toEqual(["sign_in:email_code"]);
    // Only the code's keyed hash is stored.
    const stored = await server.services.db.query<{ code_hash: Buffer }>(
      "SELECT c.code_hash FROM applicant_sign_in_codes c JOIN applications a ON a.id = c.application_id WHERE a.reference = $1",
      [reference],
    );
    expect(stored.rows).toHaveLength(1);
    expect(Buffer.from(stored.rows[0]?.code_hash ?? []).toString("utf8")).not.toContain(mail.code);
    expect(await auditActions(reference)).toEqual(
      expect.arrayContaining(["application.sign_in_code_sent", "application.signed_in"]),
    );
  });

  it("works with the contact alone (the contact's newest application), and by SMS to the phone given", async () => {
    const phone = `+81 90 ${String(1000 + people).padStart(4, "0")} ${String(Date.now()).slice(-4)}`;
    const { reference, email } = await applied({ email: `sms.${Date.now()}@example.test`, phone });
    expect((await ask({ email })).status).toBe(202);
    const byMail = await verify({ email, code: (await mailedSignInCode(email)).code });
    expect(byMail.status).toBe(201);
    expect(byMail.body.reference).toBe(reference);

    // The same number typed another way reaches the same application; the code comes by SMS.
    const national = `0${phone.replace(/\D/g, "").slice(2)}`;
    expect((await ask({ reference, phone: national })).status).toBe(202);
    await outbox(server);
    const sms = (await server.api("GET", "/dev/sms-outbox?limit=200")).body.items as {
      template: string;
      to: string;
      text: string;
    }[];
    const text = sms.find((s) => s.template === "applicant_sign_in_code" && s.text.includes(reference))?.text ?? "";
    const code = /\b(\d{6})\b/.exec(text)?.[1] ?? "";
    expect(text).toContain("登录验证码");
    const bySms = await verify({ reference, phone: national, code });
    expect(bySms.status, JSON.stringify(bySms.body)).toBe(201);
  });

  it("refuses a wrong code, and spends the code after five wrong tries", async () => {
    const { reference, email } = await applied();
    await ask({ reference, email });
    const { code } = await mailedSignInCode(email);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    const refused = await verify({ reference, email, code: wrong });
    expect(refused.status).toBe(422);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect(refused.body).toMatchObject({ code: "sign_in_code_invalid", field: "code" });
    for (let i = 0; i < 4; i++) await verify({ reference, email, code: wrong });
    // Five wrong tries spent it: the right code is refused now.
    expect((await verify({ reference, email, code })).body.code).toBe("sign_in_code_invalid");
    expect(await auditActions(reference)).toContain("application.sign_in_refused");
  });

  it("refuses an expired code and a used one, and only the newest code counts", async () => {
    const { reference, email } = await applied();
    await ask({ reference, email });
    const first = (await mailedSignInCode(email)).code;
    server.advanceClock(11 * 60_000);
    expect((await verify({ reference, email, code: first })).body.code).toBe("sign_in_code_invalid");

    await ask({ reference, email });
    const second = (await mailedSignInCode(email)).code;
    expect((await verify({ reference, email, code: second })).status).toBe(201);
    const reused = await verify({ reference, email, code: second });
    expect(reused).toMatchObject({ status: 422, body: { code: "sign_in_code_invalid", field: "code" } });
  });

  it("answers an unknown contact or a reference that is not the contact's exactly as a match, and sends nothing", async () => {
    const { reference, email } = await applied();
    const before = (await outbox(server)).length;
    const unknown = await ask({ email: `nobody.${Date.now()}@example.test` });
    const mismatch = await ask({ reference, email: `someone.else.${Date.now()}@example.test` });
    const match = await ask({ reference, email });
    for (const answer of [unknown, mismatch]) {
      expect(answer.status).toBe(match.status);
      expect(answer.body).toEqual(match.body);
    }
    const after = await outbox(server);
    expect(after.length - before).toBe(1); // the match's mail only
    expect(after[0]?.to).toBe(email);
  });

  it("names the field of a malformed request in problem+json", async () => {
    const both = await ask({ email: "a@example.test", phone: "090-1234-5678" });
    expect(both).toMatchObject({ status: 422, body: { code: "validation_failed", field: "email" } });
    const badReference = await ask({ reference: "JT-12", email: "a@example.test" });
    expect(badReference).toMatchObject({ status: 422, body: { field: "reference" } });
    const badCode = await verify({ email: "a@example.test", code: "12ab" });
    expect(badCode).toMatchObject({ status: 422, body: { field: "code" } });
  });

  it("sends a contact at most five codes an hour, however often it is asked", async () => {
    const { reference, email } = await applied();
    for (let i = 0; i < 7; i++) expect((await ask({ reference, email })).status).toBe(202);
    const sent = (await outbox(server)).filter((m) => m.to === email && m.template === "applicant_sign_in_code");
    expect(sent).toHaveLength(5);
    expect(await auditActions(reference)).toContain("application.sign_in_code_withheld");
  });

  it("limits the requests of one client address (JITSUMEI_RATE_LIMITS sign-in)", async () => {
    const limited = await startTestServer({ JITSUMEI_RATE_LIMITS: "sign-in=3,lookup=1000,token=1000" });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push(
          (await limited.api("POST", "/v1/applicant/sign-in", { body: { email: `x${i}@example.test` } })).status,
        );
      }
      expect(statuses).toEqual([202, 202, 202, 429]);
      const verifyLimited = await limited.api("POST", "/v1/applicant/sign-in/verify", {
        body: { email: "x@example.test", code: "123456" },
      });
      expect(verifyLimited.status).toBe(422); // its own budget: still answered
    } finally {
      await limited.close();
    }
  });
});
