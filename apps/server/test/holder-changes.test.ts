import { todayInJapan } from "@jitsumei/domain";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../src/audit/audit-chain.ts";
import { exportVerificationRecords } from "../src/records/export-verification-records.ts";
import { activeLine, outbox, somebody } from "./support/journey.ts";
import { type StaffClient, signInAs } from "./support/staff.ts";
import { subscriberSignIn } from "./support/subscriber.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * Issue 8, item 3: after activation a subscriber asks to change the holder's address, name or
 * contact, with the documents the policy in force asks for; a reviewer decides; an approved name or
 * address is a new version of the verification record (本人確認記録), the earlier ones untouched.
 */

let server: TestServer;
let reviewer: StaffClient;
let documentPhoto: string;

beforeAll(async () => {
  server = await startTestServer();
  reviewer = await signInAs(server, "reviewer");
  documentPhoto = (
    await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#8899aa" } })
      .composite([
        {
          input: Buffer.from(
            '<svg width="1200" height="800"><rect x="100" y="100" width="1000" height="600" fill="none" stroke="black" stroke-width="8"/><text x="150" y="300" font-size="80">住民票の写し</text></svg>',
          ),
        },
      ])
      .jpeg()
      .toBuffer()
  ).toString("base64");
});
afterAll(async () => server?.close());

const email = "anna@example.test"; // the address activeLine's applications give
const newAddress = { postalCode: "150-0001", prefecture: "東京都", city: "渋谷区", line1: "神宮前1-2-3" };

function daysAgo(days: number): string {
  return todayInJapan(new Date(server.services.clock().getTime() - days * 86_400_000));
}

describe("changes of the holder's particulars after activation", () => {
  it("records an approved address change as a new version of the verification record, with its evidence, audited", async () => {
    const line = await activeLine(server, somebody());
    const token = await subscriberSignIn(server, line.msisdn, email);
    const ask = (body: Record<string, unknown>) =>
      server.api("POST", `/v1/subscriber/lines/${line.msisdn}/holder-changes`, { token, body });

    // The policy in force asks for a document; each refusal names the field and why.
    const none = await ask({ kind: "address", address: newAddress });
    expect(none).toMatchObject({ status: 422, body: { code: "validation_failed", field: "evidence" } });
    const passport = await ask({
      kind: "address",
      address: newAddress,
      evidence: [{ documentType: "passport", image: documentPhoto }],
    });
    expect(passport).toMatchObject({ status: 422, body: { field: "evidence.0.documentType" } });
    const stale = await ask({
      kind: "address",
      address: newAddress,
      evidence: [{ documentType: "utility_bill", issuedOn: daysAgo(240), image: documentPhoto }],
    });
    expect(stale).toMatchObject({ status: 422, body: { field: "evidence.0.issuedOn" } });
    expect(JSON.stringify(stale.body)).toContain("within the last 6 months");

    const issuedOn = daysAgo(30);
    const asked = await ask({
      kind: "address",
      address: newAddress,
      evidence: [{ documentType: "residence_certificate", issuedOn, image: documentPhoto }],
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect(asked.body).toMatchObject({ kind: "address", status: "pending", msisdn: line.msisdn });
    const changeId = String(asked.body.id);
    const twice = await ask({
      kind: "address",
      address: newAddress,
      evidence: [{ documentType: "residence_certificate", issuedOn, image: documentPhoto }],
    });
    expect(twice).toMatchObject({ status: 409, body: { code: "holder_change_pending" } });

    // The reviewer's queue and the request as they decide it.
    const queue = await reviewer.api("GET", "/v1/staff/holder-changes");
    expect(queue.body.items).toContainEqual(
      expect.objectContaining({ id: changeId, reference: line.reference, kind: "address", evidenceCount: 1 }),
    );
    const opened = await reviewer.api("GET", `/v1/staff/holder-changes/${changeId}`);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({
      requested: {
        kind: "address",
        address: newAddress,
        evidence: [{ documentType: "residence_certificate", issuedOn }],
      },
      recordVersions: [{ version: 1, reason: "contract" }],
    });
    const sha256 = (opened.body.requested as { evidence: { sha256: string }[] }).evidence[0]?.sha256;

    const approved = await reviewer.api("POST", `/v1/staff/holder-changes/${changeId}/decision`, {
      body: { decision: "approve" },
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ status: "approved", record: { version: 2 } });
    const again = await reviewer.api("POST", `/v1/staff/holder-changes/${changeId}/decision`, {
      body: { decision: "approve" },
    });
    expect(again).toMatchObject({ status: 409, body: { code: "holder_change_decided" } });

    // Two versions: the first as written at activation, the second with the new address.
    const { db } = server.services;
    const rows = (
      await db.query<{ id: string; version: number; reason: string; supersedes: string | null }>(
        `SELECT r.id, r.version, r.reason, r.supersedes FROM verification_records r
         JOIN applications a ON a.id = r.application_id WHERE a.reference = $1 ORDER BY r.version`,
        [line.reference],
      )
    ).rows;
    expect(rows).toEqual([
      expect.objectContaining({ version: 1, reason: "contract", supersedes: null }),
      expect.objectContaining({ version: 2, reason: "holder_change", supersedes: rows[0]?.id }),
    ]);
    const exported = await exportVerificationRecords(server.services, { from: null, to: null, actor: "test" });
    const first = exported.find((r) => r.recordId === rows[0]?.id);
    const second = exported.find((r) => r.recordId === rows[1]?.id);
    expect(first?.particulars.address).toBeNull();
    expect(second).toMatchObject({
      reason: "holder_change",
      supersedes: rows[0]?.id,
      particulars: { address: newAddress, name: first?.particulars.name, birthDate: first?.particulars.birthDate },
      document: first?.document,
      amendment: {
        reason: "holder_change",
        by: `staff:${reviewer.id}`,
        changeId,
        fields: ["address"],
        evidence: [{ documentType: "residence_certificate", issuedOn, sha256 }],
      },
    });
    // History cannot be rewritten: the versions are immutable.
    await expect(
      db.query("UPDATE verification_records SET supersedes = NULL WHERE id = $1", [rows[1]?.id]),
    ).rejects.toThrow(/immutable/);

    const mail = (await outbox(server)).find((m) =>
      m.subject.includes(`The address on your line ${line.msisdn} has been changed`),
    );
    expect(mail?.to).toBe(email);
    expect(mail?.text).not.toContain("神宮前");
    const audit = await db.query<{ action: string; data: Record<string, unknown> }>(
      "SELECT action, data FROM audit_entries WHERE subject = $1 ORDER BY seq",
      [line.reference],
    );
    const actions = audit.rows.map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining(["holder_change.requested", "holder_change.viewed", "holder_change.approved"]),
    );
    const version = audit.rows.find((r) => r.action === "verification_record.version_written");
    expect(version?.data).toMatchObject({ version: 2, reason: "holder_change", changeId, fields: ["address"] });
    // No personal data in the trail: the new address is nowhere in it.
    expect(JSON.stringify(audit.rows)).not.toContain("神宮前");
    expect(await verifyAuditChain(db)).toMatchObject({ valid: true });
  });

  it("replaces the contact address on approval (no record version), and leaves the record as it was on a refused name change", async () => {
    const line = await activeLine(server, somebody());
    const token = await subscriberSignIn(server, line.msisdn, email);
    const newEmail = `moved.${Date.now()}@example.test`;
    const contact = await server.api("POST", `/v1/subscriber/lines/${line.msisdn}/holder-changes`, {
      token,
      body: { kind: "contact", contact: { email: newEmail } },
    });
    expect(contact.status, JSON.stringify(contact.body)).toBe(201);
    const name = await server.api("POST", `/v1/subscriber/lines/${line.msisdn}/holder-changes`, {
      token,
      body: {
        kind: "name",
        name: { family: "Tanaka", given: "Anna" },
        evidence: [{ documentType: "passport", image: documentPhoto }],
      },
    });
    expect(name.status, JSON.stringify(name.body)).toBe(201);

    const decide = (id: unknown, body: Record<string, unknown>) =>
      reviewer.api("POST", `/v1/staff/holder-changes/${String(id)}/decision`, { body });
    expect((await decide(contact.body.id, { decision: "approve" })).body).toMatchObject({
      status: "approved",
      record: null,
    });
    const refused = await decide(name.body.id, { decision: "reject", reason: "evidence_does_not_show_change" });
    expect(refused.body).toMatchObject({ status: "rejected", record: null });

    // Sign-in now goes to the new address; the record still has one version.
    expect(await subscriberSignIn(server, line.msisdn, newEmail)).toMatch(/^jst_/);
    const { rows } = await server.services.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM verification_records r JOIN applications a ON a.id = r.application_id
       WHERE a.reference = $1`,
      [line.reference],
    );
    expect(rows[0]?.n).toBe(1);
    const mails = await outbox(server);
    expect(mails.find((m) => m.to === newEmail && m.subject.includes("contact details"))).toBeDefined();
    expect(
      mails.find((m) => m.subject.includes(`We could not accept the change of the name on your line ${line.msisdn}`)),
    ).toBeDefined();
    const rejected = await reviewer.api("GET", "/v1/staff/holder-changes?status=rejected");
    expect(rejected.body.items).toContainEqual(
      expect.objectContaining({ id: name.body.id, rejectReason: "evidence_does_not_show_change" }),
    );
  });
});
