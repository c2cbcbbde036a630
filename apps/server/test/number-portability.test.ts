import { addDays, todayInJapan } from "@jitsumei/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActivationRequest } from "../src/issuance/provisioning.ts";
import { rollBackActivation } from "../src/issuance/roll-back-activation.ts";
import { runPeriodicSweeps } from "../src/jobs/periodic-sweeps.ts";
import { type LocalPortingSimulator, SIMULATED_DONOR } from "../src/number-portability/local-porting-simulator.ts";
import { consentToCredit, fillIn, outbox, type Person, signContract, somebody } from "./support/journey.ts";
import { type StaffClient, signInAs } from "./support/staff.ts";
import { mailedCode, subscriberSignIn } from "./support/subscriber.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * Issue 25, number portability over HTTP: a number brought with a reservation number (two-stop), one
 * brought through the operator's one-stop page, and one taken away by a subscriber (port-out); the
 * refusals (a holder of another name, an expired or nearly expired reservation, a line in arrears) and
 * a failed switch-over each answer the next step in the applicant's language.
 */

let server: TestServer;
let reviewer: StaffClient;
let numbers = 0;

beforeAll(async () => {
  server = await startTestServer();
  reviewer = await signInAs(server, "reviewer");
});
afterAll(async () => server?.close());

const simulator = () => server.services.numberPortability as LocalPortingSimulator;
const today = () => todayInJapan(server.services.clock());
/** A number at the simulated operator that no other test uses. */
const freshNumber = () => `0908${String(Date.now() % 10_000).padStart(4, "0")}${String(++numbers).padStart(3, "0")}`;
const holderOf = (p: Person) => ({ name: `${p.family} ${p.given}`, birthDate: p.birthDate });

/** A line at the simulated operator, and the reservation number it issued (on `issuedOn`). */
async function lineElsewhere(line: Record<string, unknown>): Promise<string> {
  const opened = await server.api("POST", "/dev/mnp/lines", { body: line });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  return String(opened.body.reservationNumber);
}

/** A postpaid voice eSIM application, filled in (JPKI), consented, with a card: ready for the number to keep. */
async function postpaidDraft(person: Person, language = "en") {
  const created = await server.api("POST", "/v1/applications", {
    body: {
      planId: "postpaid-voice",
      language,
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

/** Submitted, approved (by a reviewer where the checks ask one) and signed: the SIM is reserved. */
async function submitAndSign(reference: string, token: string) {
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

async function activate(reference: string, token: string) {
  await server.api("POST", `/v1/applications/${reference}/activation-code`, { token });
  const code = await mailedCode(server, reference);
  return server.api("POST", `/v1/applications/${reference}/activation`, { token, body: { code } });
}

const schedule = (reference: string, token: string, at: Date) =>
  server.api("PUT", `/v1/applications/${reference}/number-port/switch-over`, {
    token,
    body: { at: at.toISOString() },
  });

/** The application's line now (a failed activation gives its line back and reserves a new one). */
async function lineOf(reference: string): Promise<{ iccid: string; msisdn: string }> {
  const { rows } = await server.services.db.query<{ iccid: string; msisdn: string }>(
    "SELECT s.iccid, s.msisdn FROM sims s JOIN applications a ON a.id = s.application_id WHERE a.reference = $1",
    [reference],
  );
  const line = rows[0];
  if (!line) throw new Error(`${reference} has no line`);
  return line;
}

/** The application's operation log, oldest first: [operation, outcome]. */
async function operations(reference: string): Promise<[string, string][]> {
  const { rows } = await server.services.db.query<{ operation: string; outcome: string }>(
    `SELECT o.operation, o.outcome FROM provisioning_operations o JOIN applications a ON a.id = o.application_id
     WHERE a.reference = $1 ORDER BY o.id`,
    [reference],
  );
  return rows.map((r) => [r.operation, r.outcome]);
}

describe("port-in with a reservation number (two-stop)", () => {
  it("refuses another holder, an expired or nearly expired number and a line in arrears, each with the next step", async () => {
    const person = somebody();
    const { reference, token } = await postpaidDraft(person, "ja");
    const give = (msisdn: string, reservationNumber: string) =>
      server.api("PUT", `/v1/applications/${reference}/number-port`, { token, body: { msisdn, reservationNumber } });

    const stranger = freshNumber();
    const mismatch = await give(
      stranger,
      await lineElsewhere({ msisdn: stranger, holder: { name: "山田 花子", birthDate: person.birthDate } }),
    );
    expect(mismatch.status).toBe(422);
    expect(mismatch.body).toMatchObject({ code: "mnp_holder_mismatch", errors: [{ field: "name" }] });
    expect(mismatch.body.explanation).toContain("現在の携帯会社に登録されている契約者の氏名または生年月日");

    const born = freshNumber();
    const otherBirth = await give(
      born,
      await lineElsewhere({ msisdn: born, holder: { ...holderOf(person), birthDate: "1980-01-01" } }),
    );
    expect(otherBirth.body).toMatchObject({ code: "mnp_holder_mismatch", errors: [{ field: "birthDate" }] });

    const old = freshNumber();
    const expired = await give(
      old,
      await lineElsewhere({ msisdn: old, holder: holderOf(person), issuedOn: addDays(today(), -20) }),
    );
    expect(expired.status).toBe(422);
    expect(expired.body).toMatchObject({ code: "mnp_reservation_expired", errors: [{ field: "reservationNumber" }] });
    // A number asked for today would be accepted until five days from now (15 valid, 10 needed).
    expect(expired.body.explanation).toContain(addDays(today(), 5));

    const late = freshNumber();
    const tooLate = await give(
      late,
      await lineElsewhere({ msisdn: late, holder: holderOf(person), issuedOn: addDays(today(), -8) }),
    );
    expect(tooLate.body).toMatchObject({
      code: "mnp_reservation_too_few_days",
      expiresOn: addDays(today(), 6),
      applyAgainBy: addDays(today(), 5),
    });
    expect(tooLate.body.explanation).toContain(`${addDays(today(), 5)}までに`);

    const unpaid = freshNumber();
    const arrears = await give(
      unpaid,
      await lineElsewhere({ msisdn: unpaid, holder: holderOf(person), inArrears: true }),
    );
    expect(arrears).toMatchObject({ status: 409, body: { code: "mnp_line_in_arrears" } });

    const wrongDigits = await give(unpaid, "12345");
    expect(wrongDigits.body).toMatchObject({ code: "validation_failed", errors: [{ field: "reservationNumber" }] });
    // Nothing was kept from any refusal.
    expect((await server.api("GET", `/v1/applications/${reference}/number-port`, { token })).body).toEqual({
      portIn: null,
    });
  });

  it("brings the number, switches it over at the time the applicant chose, and records it like a new line", async () => {
    const person = somebody();
    const { reference, token } = await postpaidDraft(person);
    const msisdn = freshNumber();
    // The operator holds the name family first and in capitals; the form has it as on the passport.
    const reservationNumber = await lineElsewhere({ msisdn, holder: holderOf(person), issuedOn: addDays(today(), -2) });
    const given = await server.api("PUT", `/v1/applications/${reference}/number-port`, {
      token,
      body: { msisdn: `${msisdn.slice(0, 3)}-${msisdn.slice(3, 7)}-${msisdn.slice(7)}`, reservationNumber },
    });
    expect(given.status, JSON.stringify(given.body)).toBe(200);
    expect(given.body.portIn).toMatchObject({
      msisdn,
      mode: "two_stop",
      state: "reserved",
      reservationExpiresOn: addDays(today(), 12),
    });

    await submitAndSign(reference, token);
    // The switch-over time comes first; before it the new SIM cannot be activated.
    const notChosen = await activate(reference, token);
    expect(notChosen.body).toMatchObject({ code: "mnp_switch_over_not_yet", errors: [{ field: "switchOverAt" }] });
    expect(notChosen.body.explanation).toContain("First choose when your number switches over");
    const chosen = new Date(server.services.clock().getTime() + 3_600_000);
    const later = await schedule(reference, token, chosen);
    expect(later.body.portIn).toMatchObject({ state: "scheduled" });
    expect((await activate(reference, token)).body).toMatchObject({ code: "mnp_switch_over_not_yet" });
    expect(simulator().lineIsLive(msisdn)).toBe(true);

    // The reviewer's case shows the number the application brings and the chosen switch-over time.
    const caseOf = async () => (await reviewer.api("GET", `/v1/staff/applications/${reference}`)).body;
    expect((await caseOf()).portIn).toEqual({
      msisdn,
      mode: "two_stop",
      donor: SIMULATED_DONOR,
      reservationExpiresOn: addDays(today(), 12),
      state: "scheduled",
      switchOverAt: chosen.toISOString(),
      failureCode: null,
    });

    expect((await schedule(reference, token, server.services.clock())).status).toBe(200);
    const activated = await activate(reference, token);
    expect(activated.status, JSON.stringify(activated.body)).toBe(200);
    // The number is the one brought, not one from the pool; the old line stopped.
    expect(activated.body.msisdn).toBe(msisdn);
    expect(simulator().lineIsLive(msisdn)).toBe(false);
    const view = await server.api("GET", `/v1/applications/${reference}/number-port`, { token });
    expect(view.body.portIn).toMatchObject({ state: "completed", failure: null });
    // The switch-over outcome on the case; an application that brings no number shows none.
    expect((await caseOf()).portIn).toMatchObject({ msisdn, state: "completed", failureCode: null });
    const withoutPort = await postpaidDraft(somebody());
    await submitAndSign(withoutPort.reference, withoutPort.token);
    expect((await reviewer.api("GET", `/v1/staff/applications/${withoutPort.reference}`)).body.portIn).toBeNull();

    const mails = (await outbox(server)).filter((m) => m.text.includes(`${msisdn.slice(0, 3)}-${msisdn.slice(3, 7)}`));
    expect(mails.map((m) => m.template)).toEqual(
      expect.arrayContaining(["number_port_scheduled", "number_port_completed"]),
    );

    // The verification record and the line count treat it as any new line.
    const compliance = await signInAs(server, "compliance");
    const records = await compliance.api("GET", `/v1/staff/records?reference=${reference}`);
    expect(records.body.records).toMatchObject([{ lines: { count: 1, phoneNumbers: [msisdn] } }]);
    const { rows } = await server.services.db.query<{ status: string }>(
      `SELECT c.status FROM check_results c JOIN applications a ON a.id = c.application_id
       WHERE a.reference = $1 AND c.code = 'fraud.line_limit'`,
      [reference],
    );
    expect(rows.map((r) => r.status)).toEqual(["pass"]);
    const audit = await server.services.db.query<{ action: string }>(
      "SELECT action FROM audit_entries WHERE subject = $1 AND action LIKE 'number_port_in.%' ORDER BY seq",
      [reference],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      "number_port_in.reserved",
      "number_port_in.scheduled",
      "number_port_in.scheduled",
      "number_port_in.completed",
    ]);
  });

  it("leaves the old line working when the switch-over fails, and says what to do; scheduling again completes it", async () => {
    const person = somebody();
    const { reference, token } = await postpaidDraft(person, "zh-Hans");
    const msisdn = freshNumber();
    const line = { msisdn, holder: holderOf(person), failSwitchOver: true };
    const reservationNumber = await lineElsewhere(line);
    await server.api("PUT", `/v1/applications/${reference}/number-port`, {
      token,
      body: { msisdn, reservationNumber },
    });
    await submitAndSign(reference, token);
    await schedule(reference, token, server.services.clock());
    await server.services.jobs.drain();
    const first = await lineOf(reference);

    const failed = await activate(reference, token);
    expect(failed.status).toBe(409);
    expect(failed.body).toMatchObject({
      code: "mnp_switch_over_failed",
      failure: "switch_over_refused",
      line: { givenBack: true, newLineReserved: true },
    });
    expect(failed.body.explanation).toContain("您原来的 SIM 卡仍可照常使用");
    // The rollback's next step for the eSIM, in the applicant's language.
    expect(failed.body.explanation).toContain("新的 eSIM");
    expect(simulator().lineIsLive(msisdn)).toBe(true);
    const status = await server.api("GET", `/v1/applications/${reference}`, { token });
    expect(status.body.state).toBe("sim_assigned");

    // Rolled back fully: off our network, the eSIM order cancelled at the SM-DP+, the profile out of
    // use, and a new line (the same brought number, a new eSIM profile) reserved and released.
    await server.services.jobs.drain();
    const second = await lineOf(reference);
    expect(second.iccid).not.toBe(first.iccid);
    expect(second.msisdn).toBe(msisdn);
    const db = server.services.db;
    const onNetwork = await db.query("SELECT 1 FROM network_simulator_subscribers WHERE iccid = $1", [first.iccid]);
    expect(onNetwork.rows).toHaveLength(0);
    const orders = await db.query<{ iccid: string; state: string }>(
      "SELECT iccid, state FROM smdp_simulator_orders WHERE iccid = ANY($1) ORDER BY iccid = $2 DESC",
      [[first.iccid, second.iccid], first.iccid],
    );
    expect(orders.rows).toEqual([
      { iccid: first.iccid, state: "cancelled" },
      { iccid: second.iccid, state: "released" },
    ]);
    const profile = await db.query<{ status: string }>("SELECT status FROM esim_profiles WHERE iccid = $1", [
      first.iccid,
    ]);
    expect(profile.rows).toEqual([{ status: "released" }]);
    expect(await operations(reference)).toEqual([
      ["activate", "rolled_back"],
      ["terminate", "succeeded"],
      ["release_line", "succeeded"],
      ["cancel_esim_order", "succeeded"],
    ]);
    // Safe to run twice: the same rollback again changes nothing (the new line stays, nothing is logged).
    const activation = await db.query<{
      application_id: string;
      request: ActivationRequest;
      answer: { networkRef: string };
    }>(
      "SELECT application_id, request, answer FROM provisioning_operations WHERE operation = 'activate' AND request->>'iccid' = $1",
      [first.iccid],
    );
    const taken = activation.rows[0];
    if (!taken) throw new Error("no activation logged");
    const again = await rollBackActivation(server.services, {
      application: { id: taken.application_id },
      request: taken.request,
      networkRef: taken.answer.networkRef,
      reason: "run twice",
    });
    expect(again).toEqual({ lineGivenBack: false, newLineReserved: false });
    expect(await lineOf(reference)).toEqual(second);
    expect((await operations(reference)).length).toBe(4);
    // The applicant was mailed what happened, then the new eSIM's notice.
    const templates = (await outbox(server)).filter((m) => m.text.includes(reference)).map((m) => m.template);
    expect(templates).toContain("activation_failed");
    expect(templates.filter((t) => t === "sim_ready_esim")).toHaveLength(2);
    const view = await server.api("GET", `/v1/applications/${reference}/number-port`, { token });
    expect(view.body.portIn).toMatchObject({ state: "failed", failure: { code: "switch_over_refused" } });
    expect((view.body.portIn as { failure: { explanation: string } }).failure.explanation).toContain("状态页面");
    expect((await outbox(server)).some((m) => m.template === "number_port_failed" && m.text.includes("状态页面"))).toBe(
      true,
    );

    // The operator's side is fixed; the applicant chooses the time again and activates.
    simulator().openLine({ ...line, failSwitchOver: false });
    expect((await schedule(reference, token, server.services.clock())).body.portIn).toMatchObject({
      state: "scheduled",
    });
    const activated = await activate(reference, token);
    expect(activated.status, JSON.stringify(activated.body)).toBe(200);
    expect(activated.body.msisdn).toBe(msisdn);
    expect(activated.body.iccid).toBe(second.iccid);
  });
});

describe("port-in after the particulars changed", () => {
  it("compares the holder again with the verified particulars at the switch-over, and moves no number to someone else", async () => {
    const holder = somebody();
    const { reference, token } = await postpaidDraft(holder);
    const msisdn = freshNumber();
    const reservationNumber = await lineElsewhere({ msisdn, holder: holderOf(holder) });
    const given = await server.api("PUT", `/v1/applications/${reference}/number-port`, {
      token,
      body: { msisdn, reservationNumber },
    });
    expect(given.status).toBe(200);
    // The applicant then fills the application in as another person (with that person's evidence).
    const address = { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", line1: "千代田1-1-1" };
    await fillIn(server, reference, token, somebody(), { address }, "jpki");
    await submitAndSign(reference, token);
    await schedule(reference, token, server.services.clock());
    const refused = await activate(reference, token);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: "mnp_holder_mismatch" });
    expect(simulator().lineIsLive(msisdn)).toBe(true);
    const view = await server.api("GET", `/v1/applications/${reference}/number-port`, { token });
    expect(view.body.portIn).toMatchObject({ state: "failed", failure: { code: "holder_mismatch" } });
  });
});

describe("port-in through the operator's one-stop page", () => {
  it("sends the applicant to the operator and takes the reservation it sends back, once", async () => {
    const person = somebody();
    const { reference, token } = await postpaidDraft(person);
    const msisdn = freshNumber();
    const started = await server.api("POST", `/v1/applications/${reference}/number-port/one-stop`, {
      token,
      body: { msisdn },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const operatorPage = new URL(String(started.body.redirectUrl), server.url);
    const page = await fetch(operatorPage);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(msisdn);

    // At the operator: the holder signs in and agrees; the operator sends them back with a code.
    const form = new URLSearchParams({
      msisdn,
      state: operatorPage.searchParams.get("state") ?? "",
      return: operatorPage.searchParams.get("return") ?? "",
      name: `${person.given} ${person.family}`,
      birthDate: person.birthDate,
      action: "confirm",
    });
    const agreed = await fetch(new URL("/dev/mnp/one-stop", server.url), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form.toString(),
      redirect: "manual",
    });
    expect(agreed.status).toBe(303);
    const back = new URL(agreed.headers.get("location") ?? "");
    expect(back.pathname).toBe("/number-port/return");
    const answer = { state: back.searchParams.get("state"), code: back.searchParams.get("code") };
    const completed = await server.api("POST", `/v1/applications/${reference}/number-port/one-stop/complete`, {
      token,
      body: answer,
    });
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    expect(completed.body.portIn).toMatchObject({ msisdn, mode: "one_stop", state: "reserved" });
    const replay = await server.api("POST", `/v1/applications/${reference}/number-port/one-stop/complete`, {
      token,
      body: answer,
    });
    expect(replay.body).toMatchObject({ code: "mnp_one_stop_invalid" });

    await submitAndSign(reference, token);
    await schedule(reference, token, server.services.clock());
    const activated = await activate(reference, token);
    expect(activated.body.msisdn).toBe(msisdn);
    expect(simulator().lineIsLive(msisdn)).toBe(false);
  });

  it("refuses a return address on another site", async () => {
    const query = new URLSearchParams({
      msisdn: freshNumber(),
      state: "x".repeat(20),
      return: "https://evil.example/",
    });
    expect((await fetch(new URL(`/dev/mnp/one-stop?${query}`, server.url))).status).toBe(400);
  });
});

describe("port-out from the subscriber's account", () => {
  it("issues a reservation number after a fresh sign-in, and ends the line when the new operator switches over", async () => {
    // A line that came in by port-in leaves the same way as one from the pool: take a pool number.
    const person = somebody();
    const { reference, token } = await postpaidDraft(person);
    await submitAndSign(reference, token);
    const activated = await activate(reference, token);
    const msisdn = String(activated.body.msisdn);

    const session = await subscriberSignIn(server, msisdn, "anna@example.test");
    const asked = await server.api("POST", `/v1/subscriber/lines/${msisdn}/port-out`, { token: session, body: {} });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect(asked.body).toMatchObject({ msisdn, mode: "two_stop", issuedOn: today(), expiresOn: addDays(today(), 14) });
    const reservationNumber = String(asked.body.reservationNumber);
    expect(reservationNumber).toMatch(/^\d{10}$/);
    // Asking again while it is valid gives the same number; the mail carries it.
    const again = await server.api("POST", `/v1/subscriber/lines/${msisdn}/port-out`, { token: session, body: {} });
    expect(again.body.reservationNumber).toBe(reservationNumber);
    expect(
      (await outbox(server)).filter(
        (m) => m.template === "number_port_out_issued" && m.text.includes(reservationNumber),
      ),
    ).toHaveLength(1);

    // A session older than ten minutes must sign in again.
    server.advanceClock(11 * 60_000);
    const stale = await server.api("POST", `/v1/subscriber/lines/${msisdn}/port-out`, { token: session, body: {} });
    expect(stale).toMatchObject({ status: 401, body: { code: "reauthentication_required" } });

    // The new operator switches the number over: our line ends, the number leaves the pool, the
    // verification record is kept for the legal period.
    const ported = await server.api("POST", "/dev/mnp/port-outs", { body: { msisdn, reservationNumber } });
    expect(ported.status, JSON.stringify(ported.body)).toBe(200);
    expect(String(ported.body.purgeAfter).slice(0, 4)).toBe(String(server.services.clock().getUTCFullYear() + 3));
    const { rows } = await server.services.db.query<{ status: string; end_reason: string; number: string }>(
      `SELECT s.status, s.end_reason, n.status AS number FROM subscriptions s
       JOIN phone_numbers n ON n.msisdn = s.msisdn WHERE s.msisdn = $1`,
      [msisdn],
    );
    expect(rows).toEqual([{ status: "terminated", end_reason: "ported_out", number: "ported_out" }]);
    // The mail says the number moved with the subscriber, not that it stopped working.
    const ended = (await outbox(server)).filter((m) => m.template === "line_ended" && m.text.includes(msisdn));
    expect(ended).toHaveLength(1);
    expect(ended[0]?.text).toMatch(/moved with you to your new operator/);
    expect(ended[0]?.text).not.toMatch(/have stopped/);
    const twice = await server.api("POST", "/dev/mnp/port-outs", { body: { msisdn, reservationNumber } });
    expect(twice.body).toMatchObject({ code: "mnp_reservation_expired" });
  });
});

describe("a port-out reservation number cancelled by the subscriber", () => {
  it("mails the number like the other applicant mails; cancelled before use (audited), the line stays active, the number moves nothing, and a new one can be asked for", async () => {
    const { reference, token } = await postpaidDraft(somebody(), "zh-Hans");
    await submitAndSign(reference, token);
    const msisdn = String((await activate(reference, token)).body.msisdn);
    const session = await subscriberSignIn(server, msisdn, "anna@example.test");
    const cancel = (signedIn: string) =>
      server.api("POST", `/v1/subscriber/lines/${msisdn}/port-out/cancel`, { token: signedIn });
    // Nothing issued yet: nothing to cancel.
    expect(await cancel(session)).toMatchObject({ status: 409, body: { code: "mnp_reservation_not_issued" } });
    const asked = await server.api("POST", `/v1/subscriber/lines/${msisdn}/port-out`, { token: session, body: {} });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const first = String(asked.body.reservationNumber);
    // The mail in the applicant's language: the local subject prefix and the reference, the date as
    // Chinese writes it (not ISO), the team's sign-off.
    const [y, m, d] = String(asked.body.expiresOn).split("-").map(Number);
    const mail = (await outbox(server)).find((x) => x.template === "number_port_out_issued" && x.text.includes(first));
    expect(mail?.subject).toBe(`【Jitsumei】已发放 MNP 预约号码（${reference}）`);
    expect(mail?.text).toContain(`有效期至：${y}年${m}月${d}日`);
    expect(mail?.text).not.toContain(String(asked.body.expiresOn));
    // The team's sign-off ends the message; the operator's contact lines follow it (added when sent).
    const [body = "", footer] = (mail?.text ?? "").split("\n\n-- \n");
    expect(body.split("\n").at(-1)).toBe("Jitsumei 团队");
    expect(footer).toMatch(/\/contact$/m);

    const cancelled = await cancel(session);
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body).toEqual({ msisdn, reservationNumber: first, state: "cancelled" });
    expect(await cancel(session)).toMatchObject({ status: 409, body: { code: "mnp_reservation_not_issued" } });
    const lines = await server.api("GET", "/v1/subscriber/lines", { token: session });
    expect((lines.body.items as { msisdn: string }[]).find((l) => l.msisdn === msisdn)).toMatchObject({
      state: "active",
      portOut: { reservationNumber: first, state: "cancelled" },
    });
    const audit = await server.services.db.query<{ action: string; actor: string }>(
      "SELECT action, actor FROM audit_entries WHERE subject = $1 AND action LIKE 'number_port_out.%' ORDER BY seq",
      [reference],
    );
    expect(audit.rows).toEqual([
      { action: "number_port_out.issued", actor: "subscriber" },
      { action: "number_port_out.cancelled", actor: "subscriber" },
    ]);
    // The new operator cannot use the cancelled number; the line and its number stay ours.
    const spent = await server.api("POST", "/dev/mnp/port-outs", { body: { msisdn, reservationNumber: first } });
    expect(spent.body).toMatchObject({ code: "mnp_reservation_expired" });
    const { rows } = await server.services.db.query<{ status: string; number: string }>(
      `SELECT s.status, n.status AS number FROM subscriptions s
       JOIN phone_numbers n ON n.msisdn = s.msisdn WHERE s.msisdn = $1`,
      [msisdn],
    );
    expect(rows).toEqual([{ status: "active", number: "assigned" }]);
    // Asking again issues a new number; a session older than ten minutes must sign in again to cancel.
    const again = await server.api("POST", `/v1/subscriber/lines/${msisdn}/port-out`, { token: session, body: {} });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body.reservationNumber).not.toBe(first);
    server.advanceClock(11 * 60_000);
    expect(await cancel(session)).toMatchObject({ status: 401, body: { code: "reauthentication_required" } });
  });
});

describe("a port-out reservation number left unused", () => {
  it("expires after its 15 days in the periodic sweep; the line goes on, /account shows it expired, and a new one can be asked for", async () => {
    const { reference, token } = await postpaidDraft(somebody());
    await submitAndSign(reference, token);
    const msisdn = String((await activate(reference, token)).body.msisdn);
    const session = await subscriberSignIn(server, msisdn, "anna@example.test");
    const asked = await server.api("POST", `/v1/subscriber/lines/${msisdn}/port-out`, { token: session, body: {} });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const first = String(asked.body.reservationNumber);
    const portOutOf = async (signedIn: string) => {
      const lines = await server.api("GET", "/v1/subscriber/lines", { token: signedIn });
      return (lines.body.items as { msisdn: string; state: string; portOut: unknown }[]).find(
        (l) => l.msisdn === msisdn,
      );
    };
    expect(await portOutOf(session)).toMatchObject({
      state: "active",
      portOut: { reservationNumber: first, state: "issued" },
    });

    // On its last valid day the sweep leaves it; the day after, it is expired.
    const sweep = () => runPeriodicSweeps(server.services, "port-out-sweeper", 60, () => {});
    server.advanceClock(14 * 86_400_000);
    expect(await sweep()).toBe(true);
    const lastDay = await subscriberSignIn(server, msisdn, "anna@example.test");
    expect(await portOutOf(lastDay)).toMatchObject({ portOut: { state: "issued" } });
    server.advanceClock(86_400_000);
    expect(await sweep()).toBe(true);
    const later = await subscriberSignIn(server, msisdn, "anna@example.test");
    expect(await portOutOf(later)).toMatchObject({
      state: "active",
      portOut: { reservationNumber: first, state: "expired", expiresOn: asked.body.expiresOn },
    });
    const audit = await server.services.db.query<{ action: string }>(
      "SELECT action FROM audit_entries WHERE subject = $1 AND action LIKE 'number_port_out.%' ORDER BY seq",
      [reference],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(["number_port_out.issued", "number_port_out.expired"]);
    // The line works on the network as before.
    const network = await server.services.db.query<{ status: string }>(
      "SELECT n.status FROM network_simulator_subscribers n JOIN subscriptions s ON s.network_ref = n.network_ref WHERE s.msisdn = $1",
      [msisdn],
    );
    expect(network.rows).toEqual([{ status: "active" }]);
    // The expired number moves nothing; a new one is issued on asking.
    const spent = await server.api("POST", "/dev/mnp/port-outs", { body: { msisdn, reservationNumber: first } });
    expect(spent.body).toMatchObject({ code: "mnp_reservation_expired" });
    const again = await server.api("POST", `/v1/subscriber/lines/${msisdn}/port-out`, { token: later, body: {} });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body.reservationNumber).not.toBe(first);
    expect(await portOutOf(later)).toMatchObject({
      portOut: { reservationNumber: again.body.reservationNumber, state: "issued", issuedOn: today() },
    });
  });
});
