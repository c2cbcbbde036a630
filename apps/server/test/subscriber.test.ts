import { createHash } from "node:crypto";
import { addMonths, todayInJapan } from "@jitsumei/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeLine, outbox, type Person, signedPostpaid, somebody } from "./support/journey.ts";
import { type StaffClient, signInAs } from "./support/staff.ts";
import { mailedCode, subscriberSignIn } from "./support/subscriber.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * Issue 8, subscriber access: a subscriber signs in with a line's number and a code mailed to the
 * address on file, sees every line they hold, and downloads each document ever issued to them as
 * the exact PDF (its SHA-256 as recorded). Nobody else's.
 */

let server: TestServer;
let reviewer: StaffClient;

beforeAll(async () => {
  server = await startTestServer();
  reviewer = await signInAs(server, "reviewer");
});
afterAll(async () => server?.close());

/** A postpaid eSIM line, contract signed, activated: documents in the vault. */
async function postpaidLine(person: Person, email: string) {
  const signed = await signedPostpaid(server, reviewer, person, { email, formFactor: "esim" });
  const { reference, token } = signed;
  expect(signed.state).toBe("sim_assigned");
  await server.api("POST", `/v1/applications/${reference}/activation-code`, { token });
  const code = await mailedCode(server, reference);
  const activated = await server.api("POST", `/v1/applications/${reference}/activation`, { token, body: { code } });
  expect(activated.status).toBe(200);
  return { reference, msisdn: String(activated.body.msisdn) };
}

describe("subscriber access", () => {
  it("signs in by a mailed code and shows every line and document of the person, each PDF exactly as issued", async () => {
    const person = somebody();
    const email = "anna@example.test"; // draftApplication's address, used by activeLine
    const prepaid = await activeLine(server, person);
    const postpaid = await postpaidLine(person, email);

    // A wrong address sends nothing, and answers the same.
    const signInMails = async () =>
      (await outbox(server)).filter((m) => m.subject === "[Jitsumei] Your sign-in code").length;
    const before = await signInMails();
    const wrong = await server.api("POST", "/v1/subscriber/sign-in", {
      body: { msisdn: prepaid.msisdn, email: "someone.else@example.test" },
    });
    expect(wrong).toMatchObject({ status: 202, body: { sent: true } });
    expect(await signInMails()).toBe(before);
    // A number nobody holds answers word for word the same (and, queued unread, in the same time:
    // bench/sign-in-timing.ts measures it).
    const stranger = await server.api("POST", "/v1/subscriber/sign-in", {
      body: { msisdn: "070-0000-0000", email: "someone.else@example.test" },
    });
    expect({ status: stranger.status, body: stranger.body }).toEqual({ status: wrong.status, body: wrong.body });
    expect(stranger.headers.get("content-type")).toBe(wrong.headers.get("content-type"));

    const token = await subscriberSignIn(server, prepaid.msisdn, email);
    const lines = await server.api("GET", "/v1/subscriber/lines", { token });
    expect((lines.body.items as { msisdn: string }[]).map((l) => l.msisdn).sort()).toEqual(
      [prepaid.msisdn, postpaid.msisdn].sort(),
    );

    const vault = await server.api("GET", "/v1/subscriber/documents", { token });
    const documents = vault.body.items as { kind: string; sha256: string; url: string; reference: string }[];
    expect(documents.map((d) => d.kind).sort()).toEqual(["contract", "important_matters", "signed_contract"]);
    expect(new Set(documents.map((d) => d.reference))).toEqual(new Set([postpaid.reference]));
    for (const d of documents) {
      const pdf = await fetch(`${server.url}${d.url}`, { headers: { authorization: `Bearer ${token}` } });
      const bytes = Buffer.from(await pdf.arrayBuffer());
      expect(pdf.headers.get("content-type")).toBe("application/pdf");
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(d.sha256);
      expect(pdf.headers.get("x-content-sha256")).toBe(d.sha256);
    }

    // Someone else, signed in to their own line, sees none of it.
    const other = somebody();
    const theirs = await activeLine(server, other);
    const otherToken = await subscriberSignIn(server, theirs.msisdn, email);
    expect(
      ((await server.api("GET", "/v1/subscriber/documents", { token: otherToken })).body.items as unknown[]).length,
    ).toBe(0);
    const stolen = await fetch(`${server.url}${documents[0]?.url}`, {
      headers: { authorization: `Bearer ${otherToken}` },
    });
    expect(stolen.status).toBe(404);
    expect((await server.api("GET", "/v1/subscriber/lines")).status).toBe(401);
    expect((await server.api("GET", "/v1/subscriber/lines", { token: "jst_forged" })).status).toBe(401);
  });

  it("spends a code after five wrong tries, and refuses bad input naming the field", async () => {
    const person = somebody();
    const line = await activeLine(server, person);
    await server.api("POST", "/v1/subscriber/sign-in", { body: { msisdn: line.msisdn, email: "anna@example.test" } });
    const code = await mailedCode(server, "anna@example.test", "subscriber_sign_in");
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) {
      const refused = await server.api("POST", "/v1/subscriber/sign-in/verify", {
        body: { msisdn: line.msisdn, code: wrong },
      });
      expect(refused).toMatchObject({ status: 422, body: { code: "activation_code_invalid" } });
    }
    const late = await server.api("POST", "/v1/subscriber/sign-in/verify", { body: { msisdn: line.msisdn, code } });
    expect(late.status).toBe(422);
    expect(
      await server.api("POST", "/v1/subscriber/sign-in", { body: { msisdn: "12345", email: "anna@example.test" } }),
    ).toMatchObject({ status: 422, body: { field: "msisdn" } });
    expect(
      await server.api("POST", "/v1/subscriber/sign-in/verify", { body: { msisdn: line.msisdn, code: "12ab56" } }),
    ).toMatchObject({ status: 422, body: { field: "code" } });
  });
});

describe("ending a line", () => {
  it("takes it off the network, quarantines the number, refunds the deposit and starts the record's retention", async () => {
    // A postpaid eSIM with a deposit paid (no payment method registered: the rules ask ¥10,000).
    const person = somebody();
    const email = "end@example.test";
    const { reference, token, state } = await signedPostpaid(server, reviewer, person, {
      email,
      formFactor: "esim",
      card: false,
    });
    expect(state).toBe("deposit_pending");
    const paid = await server.api("POST", `/v1/applications/${reference}/deposit/payments`, {
      token,
      body: { method: "card", cardToken: "tok_test_ok" },
    });
    expect(paid.body.state).toBe("sim_assigned");
    await server.api("POST", `/v1/applications/${reference}/activation-code`, { token });
    const activated = await server.api("POST", `/v1/applications/${reference}/activation`, {
      token,
      body: { code: await mailedCode(server, reference) },
    });
    const msisdn = String(activated.body.msisdn);

    const subscriber = await subscriberSignIn(server, msisdn, email);
    // What ending it today means, as the account page states it before a port-out: the 12-month
    // minimum term from today, the contract's ¥1,100 early-termination fee, the ¥10,000 deposit back.
    const before = await server.api("GET", "/v1/subscriber/lines", { token: subscriber });
    const today = todayInJapan(server.services.clock());
    expect(before.body.items).toEqual([
      expect.objectContaining({
        msisdn,
        leaving: { minimumTermEndsOn: addMonths(today, 12), earlyTerminationFeeJpy: 1100, depositRefundJpy: 10_000 },
      }),
    ]);
    const ended = await server.api("POST", `/v1/subscriber/lines/${msisdn}/termination`, { token: subscriber });
    expect(ended).toMatchObject({ status: 200, body: { reference, msisdn, refundsQueued: 1 } });
    // The Act keeps the verification record three years after the contract ends.
    const purgeAfter = new Date(String(ended.body.purgeAfter));
    const endedAt = new Date(String(ended.body.endedAt));
    expect(purgeAfter.getUTCFullYear() - endedAt.getUTCFullYear()).toBe(3);

    const mails = await outbox(server);
    expect((await server.api("GET", `/v1/applications/${reference}/deposit`, { token })).body).toMatchObject({
      status: "refunded",
    });
    // In writing, in the subscriber's language.
    const notice = mails.find((m) => m.to === email && m.subject === `[Jitsumei] Your line ${msisdn} has ended`);
    expect(notice?.text).toContain("The deposit you paid is being refunded");
    const db = server.services.db;
    expect(
      (await db.query("SELECT 1 FROM network_simulator_subscribers WHERE msisdn = $1", [msisdn])).rows,
    ).toHaveLength(0);
    expect(
      (await db.query<{ status: string }>("SELECT status FROM phone_numbers WHERE msisdn = $1", [msisdn])).rows[0]
        ?.status,
    ).toBe("quarantined");
    const lines = await server.api("GET", "/v1/subscriber/lines", { token: subscriber });
    expect(lines.body.items).toEqual([
      expect.objectContaining({ msisdn, status: "terminated", endedAt: ended.body.endedAt }),
    ]);
    // The deposit is being refunded: nothing more to give back.
    expect((lines.body.items as { leaving: { depositRefundJpy: number } }[])[0]?.leaving.depositRefundJpy).toBe(0);
    // Ended once: again is not one of their active lines.
    expect((await server.api("POST", `/v1/subscriber/lines/${msisdn}/termination`, { token: subscriber })).status).toBe(
      404,
    );
    const audit = await db.query<{ action: string }>(
      "SELECT action FROM audit_entries WHERE subject = $1 AND action IN ('subscription.terminated', 'verification_record.contract_ended') ORDER BY seq",
      [reference],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(["verification_record.contract_ended", "subscription.terminated"]);
  });
});
