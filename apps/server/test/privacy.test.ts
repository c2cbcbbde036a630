import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../src/audit/audit-chain.ts";
import { exportVerificationRecords } from "../src/records/export-verification-records.ts";
import { activeLine, draftApplication, jobsSettled, outbox, somebody } from "./support/journey.ts";
import { type StaffClient, signInAs } from "./support/staff.ts";
import { subscriberSignIn } from "./support/subscriber.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * Issue 8, data-subject requests (個人情報保護法): a signed-in subscriber downloads everything held
 * about them as one JSON file, and asks for deletion; compliance decides within the retention duty:
 * a line in force and an ended contract's verification record are kept (the answer says until when),
 * the rest is crypto-shredded. Nobody else's data is touched.
 */

let server: TestServer;
let compliance: StaffClient;
const email = "anna@example.test"; // draftApplication's address

beforeAll(async () => {
  server = await startTestServer();
  compliance = await signInAs(server, "compliance");
});
afterAll(async () => server?.close());

/** A name as the form holds it (particularsOf title-cases the MRZ's capitals). */
const titled = (s: string) => s.replace(/\p{L}+/gu, (w) => w.charAt(0) + w.slice(1).toLowerCase());

async function evidenceCount(reference: string): Promise<number> {
  const { rows } = await server.services.db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM evidence e JOIN applications a ON a.id = e.application_id WHERE a.reference = $1",
    [reference],
  );
  return Number(rows[0]?.n);
}

async function purged(reference: string): Promise<boolean> {
  const { rows } = await server.services.db.query<{ purged_at: Date | null }>(
    "SELECT purged_at FROM applications WHERE reference = $1",
    [reference],
  );
  return rows[0]?.purged_at != null;
}

describe("data-subject requests", () => {
  it("exports everything about the subscriber, and deletes what no duty keeps, saying what is kept and until when", async () => {
    const person = somebody();
    const other = somebody();
    const inForce = await activeLine(server, person);
    const ended = await activeLine(server, person);
    const draft = await draftApplication(server, "prepaid-data-esim", person);
    const stranger = await activeLine(server, other);
    const t = { ja: "お知らせ", en: "Notice", "zh-Hans": "通知", "zh-Hant": "通知", ko: "공지", vi: "Thông báo" };
    expect((await compliance.api("POST", "/v1/staff/announcements", { body: { title: t, body: t } })).status).toBe(201);
    await jobsSettled(server);

    const token = await subscriberSignIn(server, inForce.msisdn, email);
    // One line ends (by its holder): its verification record's retention starts, 3 years.
    const termination = await server.api("POST", `/v1/subscriber/lines/${ended.msisdn}/termination`, { token });
    expect(termination.status, JSON.stringify(termination.body)).toBe(200);
    const purgeAfter = String(termination.body.purgeAfter);

    // The export: every application of the person, their lines, documents, notices; nobody else's.
    const exported = await server.api("GET", "/v1/subscriber/data-export", { token });
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-disposition")).toContain("attachment");
    const data = exported.body as {
      format: string;
      lines: { msisdn: string; status: string }[];
      documents: unknown[];
      topUps: unknown[];
      notices: { msisdn: string; title: string }[];
      applications: {
        application: { reference: string };
        particulars: { name: { given: string } } | null;
        evidence: unknown[];
        credit: unknown;
        payments: unknown[];
        documents: unknown[];
      }[];
    };
    expect(data.format).toBe("jitsumei-subscriber-data/1");
    expect(data.applications.map((a) => a.application.reference).sort()).toEqual(
      [inForce.reference, ended.reference, draft.reference].sort(),
    );
    for (const application of data.applications) {
      expect(application.particulars?.name.given).toBe(titled(person.given));
      expect(application.evidence.length).toBeGreaterThan(0);
      expect(application).toHaveProperty("credit");
      expect(application).toHaveProperty("payments");
    }
    expect(data.lines.map((l) => [l.msisdn, l.status]).sort()).toEqual(
      [
        [inForce.msisdn, "active"],
        [ended.msisdn, "terminated"],
      ].sort(),
    );
    expect(data.notices.map((n) => [n.msisdn, n.title]).sort()).toEqual(
      [
        [inForce.msisdn, "Notice"],
        [ended.msisdn, "Notice"],
      ].sort(),
    );
    expect(data.documents).toEqual((await server.api("GET", "/v1/subscriber/documents", { token })).body.items);
    expect(Array.isArray(data.topUps)).toBe(true);
    expect(JSON.stringify(data)).not.toContain(stranger.msisdn);
    expect(JSON.stringify(data)).not.toContain(titled(other.given));

    // A deletion request: filed once (asking again answers the open one), listed for compliance.
    const filed = await server.api("POST", "/v1/subscriber/deletion-requests", { token });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: "filed", outcome: null });
    const requestId = String(filed.body.id);
    expect((await server.api("POST", "/v1/subscriber/deletion-requests", { token })).body.id).toBe(requestId);
    const open = await compliance.api("GET", "/v1/staff/deletion-requests");
    expect((open.body.items as { id: string }[]).map((r) => r.id)).toContain(requestId);

    // Compliance decides: the line in force keeps its data; the ended contract keeps its record until
    // the retention ends (its evidence goes now); the application that never became a contract is shredded.
    const decided = await compliance.api("POST", `/v1/staff/deletion-requests/${requestId}/decision`);
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body).toMatchObject({
      status: "decided",
      outcome: {
        kept: expect.arrayContaining([
          { reference: inForce.reference, because: "contract_in_force", until: null, alsoDeleted: {} },
          {
            reference: ended.reference,
            because: "verification_record_retention",
            until: purgeAfter,
            alsoDeleted: { evidence: 1, mail: expect.any(Number) },
          },
        ]),
        deleted: [{ reference: draft.reference, destroyed: expect.objectContaining({ dataKey: true, evidence: 1 }) }],
      },
    });
    expect((decided.body.outcome as { kept: unknown[] }).kept).toHaveLength(2);
    const again = await compliance.api("POST", `/v1/staff/deletion-requests/${requestId}/decision`);
    expect(again).toMatchObject({ status: 409, body: { code: "deletion_request_decided" } });

    // What the answer says is what happened.
    expect(await purged(draft.reference)).toBe(true);
    expect(await evidenceCount(draft.reference)).toBe(0);
    const gone = await server.api("GET", `/v1/applications/${draft.reference}`, { token: draft.token });
    expect(gone.status).toBe(410);
    expect(await purged(ended.reference)).toBe(false);
    expect(await evidenceCount(ended.reference)).toBe(0);
    expect(await purged(inForce.reference)).toBe(false);
    expect(await evidenceCount(inForce.reference)).toBeGreaterThan(0);
    expect(await purged(stranger.reference)).toBe(false);
    expect(await evidenceCount(stranger.reference)).toBeGreaterThan(0);
    const records = await exportVerificationRecords(server.services, { from: null, to: null, actor: "test" });
    expect(records.map((r) => r.reference)).toEqual(expect.arrayContaining([inForce.reference, ended.reference]));

    // The subscriber reads the answer, and is told by mail in their language.
    const answer = await server.api("GET", `/v1/subscriber/deletion-requests/${requestId}`, { token });
    expect(answer.body).toEqual(decided.body);
    const mail = (await outbox(server)).find(
      (m) => m.subject === "[Jitsumei] Our answer to your request to delete your data",
    );
    expect(mail?.to).toBe(email);
    expect(mail?.text).toContain("1 application(s) has been deleted. 2 are kept");
    // Another person cannot read it.
    const strangerToken = await subscriberSignIn(server, stranger.msisdn, email);
    expect(
      (await server.api("GET", `/v1/subscriber/deletion-requests/${requestId}`, { token: strangerToken })).status,
    ).toBe(404);

    // Audited, with references and codes only; the chain holds.
    const audit = await server.services.db.query<{ action: string; data: unknown }>(
      "SELECT action, data FROM audit_entries WHERE action LIKE 'privacy.%' OR action = 'subscriber.data_exported' ORDER BY seq",
    );
    expect(audit.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        "subscriber.data_exported",
        "privacy.deletion_requested",
        "privacy.deletion_kept",
        "privacy.deletion_decided",
      ]),
    );
    expect(JSON.stringify(audit.rows)).not.toContain(email);
    expect(JSON.stringify(audit.rows)).not.toContain(titled(person.given));
    expect(JSON.stringify(audit.rows)).not.toContain(person.given);
    expect(await verifyAuditChain(server.services.db)).toMatchObject({ valid: true });
  }, 60_000);
});
