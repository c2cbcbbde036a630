import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { credentialDigest } from "../src/number-portability/one-stop-recipients.ts";
import { activeLine, consentToCredit, fillIn, type Person, signContract, somebody } from "./support/journey.ts";
import { type StaffClient, signInAs } from "./support/staff.ts";
import { mailedCode, subscriberSignIn } from "./support/subscriber.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * Issue 25, one-stop port-out (we as the porting-out operator), end to end over HTTP between two
 * Jitsumei servers: A brings a number by one-stop port-in, its NumberPortability port being the
 * adapter that speaks B's one-stop port-out protocol (examples/adapters/jitsumei-mnp.ts); B is where
 * the subscriber holds the line, signs in, confirms, and hands A a code A redeems server to server;
 * A's activation switches the number over and B's line ends. Then B's refusals: an unknown
 * recipient, a return address not registered, a code reused (or by another recipient, or late), a
 * declined request, a line no longer active and a data line's 020 number.
 */

const A_PUBLIC = "http://a.example.test";
const A_RETURN = `${A_PUBLIC}/number-port/return`;
const credentialA = randomBytes(24).toString("base64url");
const credentialC = randomBytes(24).toString("base64url");
const example = fileURLToPath(new URL("../../../examples/adapters/jitsumei-mnp.ts", import.meta.url));

let a: TestServer;
let b: TestServer;
let reviewerA: StaffClient;
let reviewerB: StaffClient;
const saved = { ...process.env };

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "jitsumei-one-stop-"));
  const recipients = join(dir, "recipients.json");
  writeFileSync(
    recipients,
    JSON.stringify([
      { id: "op-a", name: "Operator A", returnUrls: [A_RETURN], credentialSha256: credentialDigest(credentialA) },
      {
        id: "op-c",
        name: "Operator C",
        returnUrls: ["https://c.example.test/mnp/back"],
        credentialSha256: credentialDigest(credentialC),
      },
    ]),
  );
  b = await startTestServer({ MNP_ONE_STOP_RECIPIENTS_FILE: recipients });
  Object.assign(process.env, {
    MNP_DONOR_URL: b.url,
    MNP_DONOR_RECIPIENT_ID: "op-a",
    MNP_DONOR_CREDENTIAL: credentialA,
  });
  a = await startTestServer({ JITSUMEI_ADAPTERS_MODULE: example, PUBLIC_URL: A_PUBLIC });
  reviewerA = await signInAs(a, "reviewer");
  reviewerB = await signInAs(b, "reviewer");
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
});

/** A postpaid voice eSIM application, filled in (JPKI), consented, with a card. */
async function postpaidDraft(server: TestServer, person: Person) {
  const created = await server.api("POST", "/v1/applications", {
    body: {
      planId: "postpaid-voice",
      language: "en",
      channel: "online",
      formFactor: "esim",
      contact: { email: "anna@example.test" },
    },
  });
  const reference = String(created.body.reference);
  const token = String(created.body.accessToken);
  const address = { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", line1: "千代田1-1-1" };
  await fillIn(server, reference, token, person, { address }, "jpki");
  await consentToCredit(server, reference, token);
  await server.api("PUT", `/v1/applications/${reference}/payment-method`, {
    token,
    body: { type: "card", cardToken: "tok_test_ok" },
  });
  return { reference, token };
}

async function submitAndSign(server: TestServer, reviewer: StaffClient, reference: string, token: string) {
  const submitted = await server.api("POST", `/v1/applications/${reference}/submit`, { token });
  if (submitted.body.state === "in_review") {
    await reviewer.api("POST", `/v1/staff/applications/${reference}/claim`);
    const approved = await reviewer.api("POST", `/v1/staff/applications/${reference}/events`, {
      body: { type: "approve" },
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  }
  const signed = await signContract(server, reference, token);
  expect(signed.body.state).toBe("sim_assigned");
}

async function activate(server: TestServer, reference: string, token: string) {
  await server.api("POST", `/v1/applications/${reference}/activation-code`, { token });
  const code = await mailedCode(server, reference);
  return server.api("POST", `/v1/applications/${reference}/activation`, { token, body: { code } });
}

/** An active postpaid voice line at B for `person`: its number. */
async function voiceLineAtB(person: Person): Promise<string> {
  const { reference, token } = await postpaidDraft(b, person);
  await submitAndSign(b, reviewerB, reference, token);
  const activated = await activate(b, reference, token);
  expect(activated.status, JSON.stringify(activated.body)).toBe(200);
  return String(activated.body.msisdn);
}

const redeem = (code: string, credential?: string) =>
  b.api("POST", "/v1/port-out/one-stop/redeem", {
    body: { code },
    headers: credential ? { authorization: `Bearer ${credential}` } : {},
  });

async function auditOf(server: TestServer, action: string): Promise<{ subject: string | null; data: unknown }[]> {
  const { rows } = await server.services.db.query<{ subject: string | null; data: unknown }>(
    "SELECT subject, data FROM audit_entries WHERE action = $1 ORDER BY seq",
    [action],
  );
  return rows;
}

async function portOutOf(session: string, msisdn: string) {
  const lines = await b.api("GET", "/v1/subscriber/lines", { token: session });
  return (lines.body.items as { msisdn: string; portOut: Record<string, unknown> | null }[]).find(
    (l) => l.msisdn === msisdn,
  )?.portOut;
}

describe("one-stop port-out between two Jitsumei servers", () => {
  it("A's applicant confirms at B, A redeems B's code for the reservation, and A's activation ends B's line", async () => {
    const person = somebody();
    const msisdn = await voiceLineAtB(person);

    // At A: the applicant keeps the number by one-stop; A sends them to B's page.
    const { reference, token } = await postpaidDraft(a, person);
    const started = await a.api("POST", `/v1/applications/${reference}/number-port/one-stop`, {
      token,
      body: { msisdn },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const atB = new URL(String(started.body.redirectUrl));
    expect(atB.origin + atB.pathname).toBe(`${b.url}/port-out/one-stop`);
    expect(Object.fromEntries(atB.searchParams)).toMatchObject({ recipient: "op-a", msisdn, return: A_RETURN });
    const stateOfA = atB.searchParams.get("state") ?? "";

    // At B, as its page does: the recipient is known, the subscriber signs in afresh and confirms.
    const recipient = await b.api(
      "GET",
      `/v1/port-out/one-stop/recipient?${new URLSearchParams({ recipient: "op-a", returnUrl: A_RETURN })}`,
    );
    expect(recipient).toMatchObject({ status: 200, body: { id: "op-a", name: "Operator A" } });
    const session = await subscriberSignIn(b, msisdn, "anna@example.test");
    // Under an Idempotency-Key, as B's page sends it: a retried confirmation answers the first one's redirect.
    const key = randomUUID();
    const confirm = () =>
      b.api("POST", `/v1/subscriber/lines/${msisdn}/port-out/one-stop`, {
        token: session,
        body: { recipient: "op-a", state: stateOfA, returnUrl: A_RETURN },
        headers: { "idempotency-key": key },
      });
    const confirmed = await confirm();
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    const retried = await confirm();
    expect(retried.headers.get("idempotent-replayed")).toBe("true");
    expect(retried.body).toEqual(confirmed.body);
    expect(confirmed.body.reservation).toMatchObject({ msisdn, mode: "one_stop", recipient: "op-a" });
    const back = new URL(String(confirmed.body.redirectUrl));
    expect(back.origin + back.pathname).toBe(A_RETURN);
    expect(back.searchParams.get("state")).toBe(stateOfA);
    const code = back.searchParams.get("code") ?? "";
    expect(code.length).toBeGreaterThanOrEqual(32);

    // Back at A: the page posts the answer; A's adapter redeems the code at B.
    const completed = await a.api("POST", `/v1/applications/${reference}/number-port/one-stop/complete`, {
      token,
      body: { state: stateOfA, code },
    });
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    expect(completed.body.portIn).toMatchObject({
      msisdn,
      mode: "one_stop",
      state: "reserved",
      donor: b.services.operator.name.en,
      reservationExpiresOn: (confirmed.body.reservation as { expiresOn: string }).expiresOn,
    });
    // The code was spent by A: it redeems nothing again.
    expect(await redeem(code, credentialA)).toMatchObject({
      status: 422,
      body: { code: "mnp_one_stop_code_invalid", errors: [{ field: "code" }] },
    });

    // A activates its SIM: the switch-over goes to B, whose line ends (the number ported out).
    await submitAndSign(a, reviewerA, reference, token);
    const at = a.services.clock().toISOString();
    expect(
      (await a.api("PUT", `/v1/applications/${reference}/number-port/switch-over`, { token, body: { at } })).status,
    ).toBe(200);
    const activated = await activate(a, reference, token);
    expect(activated.status, JSON.stringify(activated.body)).toBe(200);
    expect(activated.body.msisdn).toBe(msisdn);
    const { rows } = await b.services.db.query<{ status: string; end_reason: string; number: string }>(
      `SELECT s.status, s.end_reason, n.status AS number FROM subscriptions s
       JOIN phone_numbers n ON n.msisdn = s.msisdn WHERE s.msisdn = $1`,
      [msisdn],
    );
    expect(rows).toEqual([{ status: "terminated", end_reason: "ported_out", number: "ported_out" }]);

    // Every step at B is audited, with the recipient.
    expect((await auditOf(b, "number_port_out.issued")).at(-1)?.data).toMatchObject({
      mode: "one_stop",
      recipient: "op-a",
    });
    expect((await auditOf(b, "number_port_out.one_stop_confirmed")).at(-1)?.data).toEqual({ recipient: "op-a" });
    expect((await auditOf(b, "number_port_out.one_stop_redeemed")).at(-1)?.data).toEqual({ recipient: "op-a" });
    expect((await auditOf(b, "number_port_out.ported")).at(-1)?.data).toEqual({ from: "issued", recipient: "op-a" });
  });
});

describe("B's refusals of one-stop port-out requests", () => {
  let person: Person;
  let voice: string;
  let data: string;
  let session: string;
  beforeAll(async () => {
    person = somebody();
    voice = await voiceLineAtB(person);
    data = (await activeLine(b, person, { contact: { email: "anna@example.test" } })).msisdn;
    session = await subscriberSignIn(b, voice, "anna@example.test");
  });
  const request = (over: Record<string, string> = {}) => ({
    recipient: "op-a",
    state: "state-of-the-recipient",
    returnUrl: A_RETURN,
    ...over,
  });
  const confirm = (msisdn: string, body: Record<string, string>, token = session) =>
    b.api("POST", `/v1/subscriber/lines/${msisdn}/port-out/one-stop`, { token, body });

  it("refuses an unknown recipient and a return address not registered exactly, and sends nobody anywhere", async () => {
    const look = (recipient: string, returnUrl: string) =>
      b.api("GET", `/v1/port-out/one-stop/recipient?${new URLSearchParams({ recipient, returnUrl })}`);
    expect(await look("op-x", A_RETURN)).toMatchObject({
      status: 422,
      body: { errors: [{ field: "recipient", reason: "is not an operator registered for one-stop port-out" }] },
    });
    for (const returnUrl of [
      "https://evil.example/number-port/return",
      `${A_RETURN}?next=https://evil.example/`,
      `${A_RETURN}/`,
      "https://c.example.test/mnp/back", // another recipient's address
    ]) {
      expect((await look("op-a", returnUrl)).body, returnUrl).toMatchObject({
        errors: [{ field: "returnUrl", reason: "is not a return address registered for this operator" }],
      });
      for (const answer of [
        await confirm(voice, request({ returnUrl })),
        await b.api("POST", "/v1/port-out/one-stop/decline", { body: request({ returnUrl }) }),
      ]) {
        expect(answer.status).toBe(422);
        expect(answer.body.redirectUrl).toBeUndefined();
      }
    }
    expect((await confirm(voice, request({ recipient: "op-x" }))).body).toMatchObject({
      errors: [{ field: "recipient" }],
    });
    // Nothing was issued for the line.
    expect(await portOutOf(session, voice)).toBeNull();
  });

  it("declined: the recipient gets access_denied with its state, nothing is issued, and it is audited", async () => {
    const declined = await b.api("POST", "/v1/port-out/one-stop/decline", { body: request() });
    expect(declined.status, JSON.stringify(declined.body)).toBe(200);
    const back = new URL(String(declined.body.redirectUrl));
    expect(back.origin + back.pathname).toBe(A_RETURN);
    expect(Object.fromEntries(back.searchParams)).toEqual({ state: "state-of-the-recipient", error: "access_denied" });
    expect(await portOutOf(session, voice)).toBeNull();
    expect((await auditOf(b, "number_port_out.one_stop_declined")).at(-1)?.data).toEqual({ recipient: "op-a" });
  });

  it("a code redeems once, only for its recipient's credential, and not after 10 minutes", async () => {
    const codeOf = async () => {
      const confirmed = await confirm(voice, request());
      expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
      return new URL(String(confirmed.body.redirectUrl)).searchParams.get("code") ?? "";
    };
    const code = await codeOf();
    expect(await redeem(code)).toMatchObject({ status: 401, body: { code: "authentication_required" } });
    expect(await redeem(code, "not-a-credential")).toMatchObject({ status: 401 });
    // Operator C is registered, but the code was issued to A.
    expect(await redeem(code, credentialC)).toMatchObject({ status: 422, body: { code: "mnp_one_stop_code_invalid" } });
    const redeemed = await redeem(code, credentialA);
    expect(redeemed.status, JSON.stringify(redeemed.body)).toBe(200);
    const reservation = await portOutOf(session, voice);
    expect(reservation).toMatchObject({ state: "issued" });
    // The holder as B verified them (here the passport's Latin name), for A to compare with its applicant.
    expect(redeemed.body).toEqual({
      msisdn: voice,
      reservationNumber: reservation?.reservationNumber,
      expiresOn: reservation?.expiresOn,
      donor: b.services.operator.name.en,
      holder: {
        name: expect.stringMatching(new RegExp(`^${person.family} ${person.given}$`, "i")),
        birthDate: person.birthDate,
      },
    });
    expect(await redeem(code, credentialA)).toMatchObject({ status: 422, body: { code: "mnp_one_stop_code_invalid" } });
    // Looked up again (before a switch-over): the same answer for its recipient, unknown to another.
    const lookUp = (credential: string) =>
      b.api("POST", "/v1/port-out/look-up", {
        body: { msisdn: voice, reservationNumber: reservation?.reservationNumber },
        headers: { authorization: `Bearer ${credential}` },
      });
    expect(await lookUp(credentialA)).toMatchObject({ status: 200, body: redeemed.body });
    expect(await lookUp(credentialC)).toMatchObject({
      status: 422,
      body: { code: "mnp_reservation_unknown", errors: [{ field: "reservationNumber" }] },
    });
    // Nor can another recipient switch it over: the line stays.
    const switched = await b.api("POST", "/v1/port-out/switch-over", {
      body: { msisdn: voice, reservationNumber: reservation?.reservationNumber },
      headers: { authorization: `Bearer ${credentialC}` },
    });
    expect(switched).toMatchObject({ status: 422, body: { code: "mnp_reservation_unknown" } });
    expect(await portOutOf(session, voice)).toMatchObject({ state: "issued" });

    // Confirming again answers the same reservation with a new code; unredeemed for 10 minutes, it is void.
    const late = await codeOf();
    b.advanceClock(10 * 60_000 + 1_000);
    expect(await redeem(late, credentialA)).toMatchObject({ status: 422, body: { code: "mnp_one_stop_code_invalid" } });
    // The line's reservation number is still the one issued (the subscriber can cancel it on /account).
    expect((await portOutOf(session, voice))?.reservationNumber).toBe(reservation?.reservationNumber);
  });

  it("refuses a data line's 020 number and a line no longer active", async () => {
    const fresh = await subscriberSignIn(b, voice, "anna@example.test");
    expect(data).toMatch(/^020/);
    expect(await confirm(data, request(), fresh)).toMatchObject({ status: 409, body: { code: "mnp_not_voice" } });
    const ended = await b.api("POST", `/v1/subscriber/lines/${voice}/termination`, { token: fresh });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(await confirm(voice, request(), fresh)).toMatchObject({ status: 404, body: { code: "not_found" } });
  });
});
