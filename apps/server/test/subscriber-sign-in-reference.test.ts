import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_CODES_PER_HOUR } from "../src/subscribers/subscriber-access.ts";
import { activeLine, jobsSettled, outbox, somebody } from "./support/journey.ts";
import { mailedCode } from "./support/subscriber.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * A data-only line's holder signs in to /account with the application's reference: its 020 number is
 * the network's and is never shown to them (not in any mail, not on the status page), so the number
 * cannot be the only key. The reference is a second key with the rules of the first: the same answer
 * whether or not it matches, the code mailed only to the address on file, the same limits and audit.
 */

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

let people = 0;
/** A prepaid data-only eSIM, activated, for a person of its own at an address of its own. */
async function dataOnlyLine() {
  const email = `data-only-${++people}@example.test`;
  const line = await activeLine(server, somebody(), { planId: "prepaid-data-esim", contact: { email } });
  return { ...line, email };
}

const signInCodes = async (email: string) =>
  (await outbox(server)).filter((m) => m.to === email && m.template === "subscriber_sign_in").length;

const auditOf = async (reference: string) => {
  const { rows } = await server.services.db.query<{ action: string }>(
    "SELECT action FROM audit_entries WHERE subject = $1 AND action LIKE 'subscriber.%' ORDER BY seq",
    [reference],
  );
  return rows.map((r) => r.action);
};

describe("subscriber sign-in by the application's reference", () => {
  it("a data-only eSIM's holder, never given the line's number, signs in by reference and sees the line", async () => {
    const { reference, msisdn, email } = await dataOnlyLine();
    expect(msisdn).toMatch(/^020/);
    // What the holder has: the reference in every mail, the number in none.
    const mails = (await outbox(server)).filter((m) => m.to === email);
    expect(mails.map((m) => m.template)).toContain("activated_data");
    for (const mail of mails) {
      expect(mail.text).toContain(reference);
      expect(mail.text.replace(/\D/g, "")).not.toContain(msisdn);
    }

    const before = await signInCodes(email);
    // Typed as a person might: lower case, spaces around.
    const asked = await server.api("POST", "/v1/subscriber/sign-in", {
      body: { reference: ` ${reference.toLowerCase()} `, email },
    });
    expect(asked).toMatchObject({ status: 202, body: { sent: true } });
    expect(await signInCodes(email)).toBe(before + 1);
    const code = await mailedCode(server, email, "subscriber_sign_in");

    const verified = await server.api("POST", "/v1/subscriber/sign-in/verify", { body: { reference, code } });
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    const token = String(verified.body.token);
    expect(token).toMatch(/^jst_/);
    // The code is spent: the same code again is refused.
    const again = await server.api("POST", "/v1/subscriber/sign-in/verify", { body: { reference, code } });
    expect(again).toMatchObject({ status: 422, body: { code: "activation_code_invalid" } });

    const lines = await server.api("GET", "/v1/subscriber/lines", { token });
    expect(lines.status).toBe(200);
    expect(lines.body.items).toEqual([
      expect.objectContaining({
        reference,
        msisdn,
        lineType: "data",
        formFactor: "esim",
        planId: "prepaid-data-esim",
        state: "active",
        status: "active",
        validUntil: expect.any(String),
      }),
    ]);
    expect(await auditOf(reference)).toEqual(["subscriber.sign_in_code_sent", "subscriber.signed_in"]);
  });

  it("answers a wrong address and an unknown reference exactly as a match, and mails nothing for them", async () => {
    const { reference, email } = await dataOnlyLine();
    const before = await signInCodes(email);
    const matched = await server.api("POST", "/v1/subscriber/sign-in", { body: { reference, email } });
    const wrongAddress = await server.api("POST", "/v1/subscriber/sign-in", {
      body: { reference, email: "someone.else@example.test" },
    });
    const unknown = await server.api("POST", "/v1/subscriber/sign-in", {
      body: { reference: "JT-0000-0000-0", email },
    });
    const answer = (r: typeof matched) => ({
      status: r.status,
      body: r.body,
      type: r.headers.get("content-type"),
    });
    expect(answer(matched)).toEqual({ status: 202, body: { sent: true }, type: expect.stringContaining("json") });
    expect(answer(wrongAddress)).toEqual(answer(matched));
    expect(answer(unknown)).toEqual(answer(matched));
    // One code, for the match only; nobody else was mailed, and only the match was audited.
    expect(await signInCodes(email)).toBe(before + 1);
    expect((await outbox(server)).filter((m) => m.to === "someone.else@example.test")).toEqual([]);
    expect(await auditOf(reference)).toEqual(["subscriber.sign_in_code_sent"]);
    // A reference without a line (unknown) is refused at the second step like a wrong code.
    const unknownVerify = await server.api("POST", "/v1/subscriber/sign-in/verify", {
      body: { reference: "JT-0000-0000-0", code: "123456" },
    });
    expect(unknownVerify).toMatchObject({ status: 422, body: { code: "activation_code_invalid" } });
  });

  it("keeps the line's limits whichever key is used: five wrong codes spend a code, five codes an hour", async () => {
    const { reference, msisdn, email } = await dataOnlyLine();
    const codesOfLine = async () => {
      await jobsSettled(server); // the requests are answered first and looked at by a job
      const { rows } = await server.services.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM subscriber_sign_in_codes c
         JOIN subscriptions s ON s.id = c.subscription_id WHERE s.msisdn = $1`,
        [msisdn],
      );
      return Number(rows[0]?.n);
    };
    expect((await server.api("POST", "/v1/subscriber/sign-in", { body: { reference, email } })).status).toBe(202);
    const code = await mailedCode(server, email, "subscriber_sign_in");
    const wrong = code === "000000" ? "000001" : "000000";
    for (let i = 0; i < 5; i++) {
      const refused = await server.api("POST", "/v1/subscriber/sign-in/verify", { body: { reference, code: wrong } });
      expect(refused).toMatchObject({ status: 422, body: { code: "activation_code_invalid" } });
    }
    const spent = await server.api("POST", "/v1/subscriber/sign-in/verify", { body: { reference, code } });
    expect(spent).toMatchObject({ status: 422, body: { code: "activation_code_invalid" } });

    // The number and the reference share the line's hourly budget of codes.
    for (let i = 1; i < MAX_CODES_PER_HOUR + 2; i++) {
      const body = i % 2 ? { msisdn, email } : { reference, email };
      expect((await server.api("POST", "/v1/subscriber/sign-in", { body })).status).toBe(202);
    }
    expect(await codesOfLine()).toBe(MAX_CODES_PER_HOUR);
    expect(await auditOf(reference)).toContain("subscriber.sign_in_code_withheld");
  });

  it("refuses bad input naming the field, and keeps the number working", async () => {
    const ask = (body: Record<string, unknown>) => server.api("POST", "/v1/subscriber/sign-in", { body });
    const email = "x@example.test";
    expect(await ask({ reference: "JT-12", email })).toMatchObject({
      status: 422,
      body: { field: "reference" },
    });
    expect((await ask({ reference: "JT-12", email })).headers.get("content-type")).toContain(
      "application/problem+json",
    );
    expect(await ask({ email })).toMatchObject({ status: 422, body: { field: "msisdn" } });
    expect(await ask({ msisdn: "070-1234-5678", reference: "JT-0000-0000-0", email })).toMatchObject({
      status: 422,
      body: { field: "reference" },
    });
    expect(await ask({ reference: "JT-0000-0000-0", email: "not-an-address" })).toMatchObject({
      status: 422,
      body: { field: "email" },
    });
    const verify = (body: Record<string, unknown>) => server.api("POST", "/v1/subscriber/sign-in/verify", { body });
    expect(await verify({ code: "123456" })).toMatchObject({ status: 422, body: { field: "msisdn" } });
    expect(await verify({ reference: "JT-0000-0000-0", code: "12ab" })).toMatchObject({
      status: 422,
      body: { field: "code" },
    });

    // The number still works as before (backwards compatible), for a data-only line too.
    const { msisdn, email: onFile } = await dataOnlyLine();
    expect((await ask({ msisdn, email: onFile })).status).toBe(202);
    const code = await mailedCode(server, onFile, "subscriber_sign_in");
    expect((await verify({ msisdn, code })).status).toBe(200);
  });

  it("limits the requests of one client address by reference as by number (JITSUMEI_RATE_LIMITS sign-in)", async () => {
    const limited = await startTestServer({ JITSUMEI_RATE_LIMITS: "sign-in=3,lookup=1000,token=1000" });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const body = { reference: `JT-0000-000${i}-0`, email: `x${i}@example.test` };
        statuses.push((await limited.api("POST", "/v1/subscriber/sign-in", { body })).status);
      }
      expect(statuses).toEqual([202, 202, 202, 429]);
    } finally {
      await limited.close();
    }
  });
});
