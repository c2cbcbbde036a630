import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../src/audit/audit-chain.ts";
import { exportVerificationRecords } from "../src/records/export-verification-records.ts";
import { activeLine, fillIn, outbox, type Person, somebody, submitAndPay } from "./support/journey.ts";
import { type StaffClient, signInAs } from "./support/staff.ts";
import { subscriberSignIn } from "./support/subscriber.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * Issue 8, item 4: a line is transferred (譲渡) to a new holder. The new holder is verified through an
 * application of kind `transfer` (the same particulars, evidence and checks as any application), a
 * reviewer's approval is the carrier's consent, and the number stays while the holder changes: the
 * old holder's record gets its last version and its retention clock, the new holder gets a record.
 */

let server: TestServer;
let reviewer: StaffClient;

beforeAll(async () => {
  server = await startTestServer();
  reviewer = await signInAs(server, "reviewer");
});
afterAll(async () => server?.close());

const oldEmail = "anna@example.test"; // the address activeLine's applications give

/** The new holder answers their transfer application: particulars, the MRZ, submit. */
async function newHolderApplies(reference: string, token: string, person: Person) {
  await fillIn(server, reference, token, person);
  return submitAndPay(server, reference, token);
}

async function decide(reference: string, body: Record<string, unknown>) {
  expect((await reviewer.api("POST", `/v1/staff/applications/${reference}/claim`)).status).toBe(200);
  return reviewer.api("POST", `/v1/staff/applications/${reference}/events`, { body });
}

describe("transfer of a line", () => {
  it("moves the number to a verified new holder (a relative) with the reviewer's consent, leaving both records and a verifiable audit trail", async () => {
    const line = await activeLine(server, somebody());
    const token = await subscriberSignIn(server, line.msisdn, oldEmail);
    const newEmail = `child.${Date.now()}@example.test`;
    const started = await server.api("POST", `/v1/subscriber/lines/${line.msisdn}/transfers`, {
      token,
      body: { relationship: "child", newHolder: { email: newEmail, language: "ja" } },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    // A child is a relative: the law exempts the transfer, the house rule still asks for both steps.
    expect(started.body.requirements).toMatchObject({
      relationship: "child",
      exemptRelative: true,
      steps: { carrier_consent: "house", new_holder_verification: "house" },
    });
    const reference = String(started.body.reference);
    const invitation = (await outbox(server)).find((m) => m.to === newEmail);
    expect(invitation?.subject).toContain(`回線 ${line.msisdn} の譲渡`);
    expect(invitation?.text).toContain(reference);
    // No access key in the mail: the new holder signs in with a code sent to this address.
    expect(invitation?.text).not.toContain(String(started.body.accessToken));
    expect(invitation?.text).toContain(`/sign-in?reference=${reference}`);

    // Every check passes, but a transfer waits for a person's consent.
    const newHolder = somebody();
    const submitted = await newHolderApplies(reference, String(started.body.accessToken), newHolder);
    expect(submitted.body.state).toBe("in_review");
    // The reviewer sees what approving consents to.
    const caseView = await reviewer.api("GET", `/v1/staff/applications/${reference}`);
    expect(caseView.body).toMatchObject({
      kind: "transfer",
      transfer: { msisdn: line.msisdn, fromReference: line.reference, relationship: "child", completedAt: null },
    });
    const approved = await decide(reference, { type: "approve" });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ event: "approve", state: "active" });

    // The old holder's line ended by the transfer; the new holder signs in with the same number.
    const oldLines = await server.api("GET", "/v1/subscriber/lines", { token });
    expect(oldLines.body.items).toEqual([
      expect.objectContaining({ msisdn: line.msisdn, status: "transferred", reference: line.reference }),
    ]);
    const newToken = await subscriberSignIn(server, line.msisdn, newEmail);
    const newLines = await server.api("GET", "/v1/subscriber/lines", { token: newToken });
    expect(newLines.body.items).toEqual([
      expect.objectContaining({ msisdn: line.msisdn, status: "active", reference }),
    ]);
    const mails = await outbox(server);
    expect(
      mails.find((m) => m.to === oldEmail && m.subject.includes(`Your line ${line.msisdn} has been transferred`)),
    ).toBeDefined();

    // Records: the old holder's has a second version (its end), the first untouched; the new holder's starts.
    const { db } = server.services;
    const versions = await db.query<{
      reference: string;
      version: number;
      reason: string;
      ended: boolean;
      supersedes: string | null;
      id: string;
    }>(
      `SELECT a.reference, r.version, r.reason, r.contract_ended_at IS NOT NULL AS ended, r.supersedes, r.id
       FROM verification_records r JOIN applications a ON a.id = r.application_id
       WHERE a.reference IN ($1, $2) ORDER BY a.reference = $1 DESC, r.version`,
      [line.reference, reference],
    );
    const [v1, v2, fresh] = versions.rows;
    expect(versions.rows).toHaveLength(3);
    expect(v1).toMatchObject({
      reference: line.reference,
      version: 1,
      reason: "contract",
      ended: true,
      supersedes: null,
    });
    expect(v2).toMatchObject({
      reference: line.reference,
      version: 2,
      reason: "transferred_away",
      ended: true,
      supersedes: v1?.id,
    });
    expect(fresh).toMatchObject({ reference, version: 1, reason: "contract", ended: false });
    const exported = await exportVerificationRecords(server.services, { from: null, to: null, actor: "test" });
    const byId = new Map(exported.map((r) => [r.recordId, r]));
    expect(byId.get(String(v1?.id))?.transferredTo).toBeUndefined();
    expect(byId.get(String(v2?.id))).toMatchObject({
      transferredTo: { reference, relationship: "child" },
      amendment: { reason: "transferred_away", by: `staff:${reviewer.id}` },
      particulars: { name: { given: byId.get(String(v1?.id))?.particulars.name.given } },
    });
    expect(byId.get(String(fresh?.id))).toMatchObject({
      reference,
      lines: { count: 1, phoneNumbers: [line.msisdn] },
      verifiedBy: `staff:${reviewer.id}`,
      method: byId.get(String(v1?.id))?.method, // the same checks as the first holder passed
      transferredFrom: { reference: line.reference, relationship: "child" },
      particulars: { birthDate: newHolder.birthDate },
    });

    const listed = await reviewer.api("GET", "/v1/staff/transfers");
    expect(listed.body.items).toContainEqual(
      expect.objectContaining({
        fromReference: line.reference,
        toReference: reference,
        status: "completed",
        relationship: "child",
      }),
    );
    const audit = await db.query<{ action: string }>(
      `SELECT action FROM audit_entries WHERE subject IN ($1, $2) ORDER BY seq`,
      [line.reference, reference],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        "line_transfer.requested",
        "line_transfer.completed",
        "verification_record.version_written",
        "verification_record.contract_ended",
        "verification_record.written",
      ]),
    );
    expect(await verifyAuditChain(db)).toMatchObject({ valid: true });

    // The line is wholly the new holder's: they can end it (its SIM and number were handed over).
    const ended = await server.api("POST", `/v1/subscriber/lines/${line.msisdn}/termination`, { token: newToken });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(ended.body).toMatchObject({ reference, msisdn: line.msisdn });
  });

  it("keeps the line with its holder when the reviewer refuses, and allows one transfer at a time", async () => {
    const line = await activeLine(server, somebody());
    const token = await subscriberSignIn(server, line.msisdn, oldEmail);
    const ask = () =>
      server.api("POST", `/v1/subscriber/lines/${line.msisdn}/transfers`, {
        token,
        body: { relationship: "none", newHolder: { email: "stranger@example.test", language: "en" } },
      });
    const first = await ask();
    expect(first.status).toBe(201);
    expect(first.body.requirements).toMatchObject({
      exemptRelative: false,
      steps: { carrier_consent: "law", new_holder_verification: "law" },
    });
    const again = await ask();
    expect(again).toMatchObject({ status: 409, body: { code: "transfer_pending" } });

    const reference = String(first.body.reference);
    expect((await newHolderApplies(reference, String(first.body.accessToken), somebody())).body.state).toBe(
      "in_review",
    );
    const refused = await decide(reference, { type: "reject", reason: "fraud_suspected" });
    expect(refused.body).toMatchObject({ state: "rejected" });

    const lines = await server.api("GET", "/v1/subscriber/lines", { token });
    expect(lines.body.items).toEqual([expect.objectContaining({ msisdn: line.msisdn, status: "active" })]);
    const { rows } = await server.services.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM verification_records r JOIN applications a ON a.id = r.application_id
       WHERE a.reference = $1`,
      [line.reference],
    );
    expect(rows[0]?.n).toBe(1);
    // The refused transfer no longer holds the line: the holder may ask again.
    expect((await ask()).status).toBe(201);
  });

  it("refuses a transfer of a line that is not the caller's, naming a bad relationship", async () => {
    const mine = await activeLine(server, somebody());
    const theirs = await activeLine(server, somebody());
    const token = await subscriberSignIn(server, mine.msisdn, oldEmail);
    const body = { relationship: "none", newHolder: { email: "x@example.test", language: "en" } };
    const other = await server.api("POST", `/v1/subscriber/lines/${theirs.msisdn}/transfers`, { token, body });
    expect(other.status).toBe(404);
    const bad = await server.api("POST", `/v1/subscriber/lines/${mine.msisdn}/transfers`, {
      token,
      body: { ...body, relationship: "friend" },
    });
    expect(bad).toMatchObject({ status: 422, body: { code: "validation_failed" } });
    expect(JSON.stringify(bad.body)).toContain("relationship");
  });
});
