import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { todayInJapan } from "@jitsumei/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../src/audit/audit-chain.ts";
import { policeReportCommand, policeSweepCommand } from "../src/cli/police-commands.ts";
import { migrate } from "../src/db/migrate.ts";
import { openPglite } from "../src/db/pglite.ts";
import { suspendOverdueLines } from "../src/police/suspend-overdue-lines.ts";
import { exportVerificationRecords } from "../src/records/export-verification-records.ts";
import { activeLine, outbox, somebody, td3 } from "./support/journey.ts";
import { type StaffClient, signInAs } from "./support/staff.ts";
import { subscriberSignIn } from "./support/subscriber.ts";
import { createTestDatabase, testDatabaseKind } from "./support/test-database.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * Issue 8, police requests (契約者確認の求め): compliance records a request about a line; its holder is
 * asked in writing (a letter in their documents, a mail) to verify again by a deadline; one holder
 * does and keeps the line (a new version of the verification record), the other does not and the
 * line is suspended on the network after the deadline; the report shows both.
 */

let server: TestServer;
let compliance: StaffClient;
const email = "anna@example.test"; // draftApplication's address
const DAY = 24 * 60 * 60_000;

beforeAll(async () => {
  server = await startTestServer();
  compliance = await signInAs(server, "compliance");
});
afterAll(async () => server?.close());

async function download(path: string, token: string): Promise<Buffer> {
  const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

function pdftotext(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), "jitsumei-letter-")), "letter.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

async function networkStatus(msisdn: string): Promise<string | null> {
  const { rows } = await server.services.db.query<{ status: string }>(
    "SELECT status FROM network_simulator_subscribers WHERE msisdn = $1",
    [msisdn],
  );
  return rows[0]?.status ?? null;
}

/** The line's one state, and the contract status the database derives from it. */
async function lineState(msisdn: string): Promise<{ state: string; status: string } | null> {
  const { rows } = await server.services.db.query<{ state: string; status: string }>(
    "SELECT state, status FROM subscriptions WHERE msisdn = $1 ORDER BY started_at DESC LIMIT 1",
    [msisdn],
  );
  return rows[0] ?? null;
}

/** A line whose holder let a police request's deadline pass: suspended by the sweep. */
async function policeSuspendedLine(person: ReturnType<typeof somebody>) {
  const line = await activeLine(server, person);
  const officer = await signInAs(server, "compliance");
  const recorded = await officer.api("POST", "/v1/staff/police-requests", {
    body: {
      msisdn: line.msisdn,
      authority: "神奈川県警察本部",
      authorityReference: `県警第${line.msisdn.slice(-4)}号`,
      receivedOn: todayInJapan(server.services.clock()),
      deadline: todayInJapan(new Date(server.services.clock().getTime() + DAY)),
    },
  });
  expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
  server.advanceClock(3 * DAY);
  const deps = { ...server.services, mailFrom: server.services.config.mail.from };
  expect((await suspendOverdueLines(deps)).suspended).toContain(recorded.body.id);
  expect(await lineState(line.msisdn)).toEqual({ state: "police_suspended", status: "active" });
  expect(await networkStatus(line.msisdn)).toBe("suspended");
  return { line, requestId: String(recorded.body.id) };
}

describe("police requests", () => {
  it("asks both holders in writing; the one who verifies again keeps the line, the other is suspended after the deadline; the report says so", async () => {
    const keeper = somebody();
    const ignorer = somebody();
    const kept = await activeLine(server, keeper);
    const lapsed = await activeLine(server, ignorer);
    const today = todayInJapan(server.services.clock());

    // Compliance records the two requests; no deadline given: 14 days from today, to the end of the day in Japan.
    const requests = [];
    for (const [i, line] of [kept, lapsed].entries()) {
      const recorded = await compliance.api("POST", "/v1/staff/police-requests", {
        body: {
          msisdn: line.msisdn,
          authority: "警視庁丸の内警察署長",
          authorityReference: `丸内刑第${100 + i}号`,
          receivedOn: today,
        },
      });
      expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
      expect(recorded.body).toMatchObject({ reference: line.reference, msisdn: line.msisdn });
      const deadline = new Date(String(recorded.body.deadline));
      expect(todayInJapan(deadline)).toBe(todayInJapan(new Date(server.services.clock().getTime() + 14 * DAY)));
      requests.push(recorded.body as { id: string; letter: { id: string; documentNumber: string; sha256: string } });
    }
    const [keptRequest, lapsedRequest] = requests;
    if (!keptRequest || !lapsedRequest) throw new Error("two requests expected");

    // A deadline that has passed is refused, naming the field.
    const late = await compliance.api("POST", "/v1/staff/police-requests", {
      body: { msisdn: kept.msisdn, authority: "x", authorityReference: "y", receivedOn: today, deadline: today },
    });
    expect(late.status).toBe(422);
    expect(late.body.errors).toEqual([expect.objectContaining({ field: "deadline" })]);

    // Each holder gets a mail in their language naming the line, the deadline and the letter.
    const mails = await outbox(server);
    for (const [line, request] of [
      [kept, keptRequest],
      [lapsed, lapsedRequest],
    ] as const) {
      const mail = mails.find((m) => m.subject.includes(`please verify your identity for line ${line.msisdn}`));
      expect(mail?.to).toBe(email);
      expect(mail?.text).toContain(request.letter.documentNumber);
    }

    // The letter is in the holder's documents vault, the exact PDF, Japanese beside English.
    const token = await subscriberSignIn(server, kept.msisdn, email);
    const vault = await server.api("GET", "/v1/subscriber/documents", { token });
    const letter = (vault.body.items as { id: string; kind: string; sha256: string; url: string }[]).find(
      (d) => d.kind === "reverification_letter",
    );
    expect(letter).toMatchObject({ id: keptRequest.letter.id, sha256: keptRequest.letter.sha256 });
    const pdf = await download(String(letter?.url), token);
    expect(createHash("sha256").update(pdf).digest("hex")).toBe(keptRequest.letter.sha256);
    const text = pdftotext(pdf);
    expect(text).toContain("ご契約者様の本人確認のお願い");
    expect(text).toContain("Request to verify");
    expect(text).toContain("Dear Anna");
    expect(text).toContain(kept.msisdn);
    expect(text).toContain(keptRequest.letter.documentNumber);

    // Someone else's document is not a proof: the evidence engine compares it with the particulars on file.
    const wrong = await server.api("POST", `/v1/subscriber/lines/${kept.msisdn}/reverification`, {
      token,
      body: { evidence: [{ kind: "mrz", lines: td3(ignorer) }] },
    });
    expect(wrong.status, JSON.stringify(wrong.body)).toBe(422);
    expect(wrong.body.code).toBe("reverification_failed");
    expect(wrong.body.errors).toContainEqual(expect.objectContaining({ field: "evidence", code: "mrz.matches_form" }));

    // The holder's own document: verified again, the record's next version written.
    const reverified = await server.api("POST", `/v1/subscriber/lines/${kept.msisdn}/reverification`, {
      token,
      body: { evidence: [{ kind: "mrz", lines: td3(keeper) }] },
    });
    expect(reverified.status, JSON.stringify(reverified.body)).toBe(200);
    expect(reverified.body).toMatchObject({ requestId: keptRequest.id, recordVersion: 2 });
    // The new version follows the first (which stays), keeps its retention, and says why it was written.
    const { rows: stored } = await server.services.db.query<{ version: number; reason: string; follows: boolean }>(
      `SELECT v.version, v.reason, v.supersedes IS NOT DISTINCT FROM first.id AND v.version = 2 AS follows
       FROM verification_records v JOIN applications a ON a.id = v.application_id
       JOIN verification_records first ON first.application_id = a.id AND first.version = 1
       WHERE a.reference = $1 ORDER BY v.version`,
      [kept.reference],
    );
    expect(stored.map((v) => [Number(v.version), v.reason])).toEqual([
      [1, "contract"],
      [2, "reverification"],
    ]);
    expect(stored[1]?.follows).toBe(true);
    const again = await server.api("POST", `/v1/subscriber/lines/${kept.msisdn}/reverification`, {
      token,
      body: { evidence: [{ kind: "mrz", lines: td3(keeper) }] },
    });
    expect(again.body.code).toBe("reverification_not_requested");

    // Before the deadline the sweep suspends nothing.
    const deps = { ...server.services, mailFrom: server.services.config.mail.from };
    expect(await suspendOverdueLines(deps)).toEqual({ suspended: [], closed: [] });
    expect(await lineState(lapsed.msisdn)).toEqual({ state: "active", status: "active" });

    // After it, the line nobody verified is suspended on the network and told so; the other stays.
    server.advanceClock(15 * DAY);
    expect(await suspendOverdueLines(deps)).toEqual({ suspended: [lapsedRequest.id], closed: [] });
    expect(await suspendOverdueLines(deps)).toEqual({ suspended: [], closed: [] });
    expect(await lineState(lapsed.msisdn)).toEqual({ state: "police_suspended", status: "active" });
    expect(await networkStatus(lapsed.msisdn)).toBe("suspended");
    expect(await lineState(kept.msisdn)).toEqual({ state: "active", status: "active" });
    expect(await networkStatus(kept.msisdn)).toBe("active");
    expect((await outbox(server)).map((m) => m.subject)).toContain(
      `[Jitsumei] Your line ${lapsed.msisdn} has been suspended`,
    );
    expect((await outbox(server)).map((m) => m.subject)).not.toContain(
      `[Jitsumei] Your line ${kept.msisdn} has been suspended`,
    );

    // The report: JSON and CSV, each request with its outcome (a new staff session: days have passed).
    await compliance.signInAgain();
    const report = await compliance.api("GET", `/v1/staff/police-requests?from=${today}`);
    expect(report.status).toBe(200);
    const items = report.body.items as { requestId: string; status: string; recordVersion: number | null }[];
    expect(items.find((r) => r.requestId === keptRequest.id)).toMatchObject({
      status: "reverified",
      recordVersion: 2,
      reference: kept.reference,
    });
    expect(items.find((r) => r.requestId === lapsedRequest.id)).toMatchObject({
      status: "suspended",
      reference: lapsed.reference,
    });
    const csv = await fetch(`${server.url}/v1/staff/police-requests?format=csv`, {
      headers: { cookie: compliance.cookie },
    });
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const csvLines = (await csv.text()).trim().split("\n");
    expect(csvLines[0]).toMatch(/^requestId,authority,authorityReference,receivedOn,reference,msisdn,deadline/);
    expect(csvLines.find((l) => l.startsWith(lapsedRequest.id))).toContain(",suspended,");

    // The verification record's second version stands for the re-verification; the audit chain holds.
    const records = await exportVerificationRecords(server.services, { from: null, to: null, actor: "test" });
    const versions = records.filter((r) => r.reference === kept.reference);
    expect(versions.map((r) => r.version)).toEqual([1, 2]);
    expect(versions[1]).toMatchObject({
      verifiedBy: "subscriber:reverification(automated-checks)",
      lines: { count: 1, phoneNumbers: [kept.msisdn] },
      particulars: { birthDate: keeper.birthDate },
    });
    expect(records.filter((r) => r.reference === lapsed.reference).map((r) => r.version)).toEqual([1]);
    expect(await verifyAuditChain(server.services.db)).toMatchObject({ valid: true });

    // The audit trail names the steps, never the person, the number or the police's text.
    const audit = await server.services.db.query<{ action: string; subject: string | null; data: unknown }>(
      "SELECT action, subject, data FROM audit_entries WHERE subject = ANY($1) ORDER BY seq",
      [[kept.reference, lapsed.reference]],
    );
    const actions = audit.rows.map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "police_request.recorded",
        "police_request.reverification_failed",
        "police_request.reverified",
        "subscription.suspended",
      ]),
    );
    const trail = JSON.stringify(audit.rows);
    for (const secret of [kept.msisdn, lapsed.msisdn, keeper.given, ignorer.given, "警察署", "丸内刑第"]) {
      expect(trail).not.toContain(secret);
    }
  }, 60_000);

  it("lets a clerk verify the holder again at a shop counter, on the document read there", async () => {
    const person = somebody();
    const line = await activeLine(server, person);
    const clerk = await signInAs(server, "clerk");
    // A member of their own: the first test's session ended with the days it moved the clock.
    const officer = await signInAs(server, "compliance");
    const recorded = await officer.api("POST", "/v1/staff/police-requests", {
      body: {
        msisdn: line.msisdn,
        authority: "大阪府警察本部",
        authorityReference: "府警第7号",
        receivedOn: todayInJapan(server.services.clock()),
        deadline: todayInJapan(new Date(server.services.clock().getTime() + 7 * DAY)),
      },
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    const path = `/v1/staff/police-requests/${String(recorded.body.id)}/reverification`;
    const wrong = await clerk.api("POST", path, { body: { evidence: [{ kind: "mrz", lines: td3(somebody()) }] } });
    expect(wrong).toMatchObject({ status: 422, body: { code: "reverification_failed" } });
    const done = await clerk.api("POST", path, { body: { evidence: [{ kind: "mrz", lines: td3(person) }] } });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ requestId: recorded.body.id, recordVersion: 2 });
    const records = await exportVerificationRecords(server.services, { from: null, to: null, actor: "test" });
    expect(records.find((r) => r.reference === line.reference && r.version === 2)?.verifiedBy).toBe(
      `staff:${clerk.id}:shop-counter`,
    );
  }, 60_000);

  it("restores a police-suspended line when its holder verifies again at a counter", async () => {
    const person = somebody();
    const { line, requestId } = await policeSuspendedLine(person);
    const token = await subscriberSignIn(server, line.msisdn, email);
    const lines = await server.api("GET", "/v1/subscriber/lines", { token });
    expect(lines.body.items).toContainEqual(
      expect.objectContaining({ msisdn: line.msisdn, state: "police_suspended" }),
    );

    const clerk = await signInAs(server, "clerk");
    const path = `/v1/staff/police-requests/${requestId}/reverification`;
    const wrong = await clerk.api("POST", path, { body: { evidence: [{ kind: "mrz", lines: td3(somebody()) }] } });
    expect(wrong).toMatchObject({ status: 422, body: { code: "reverification_failed" } });
    expect(await lineState(line.msisdn)).toMatchObject({ state: "police_suspended" });
    const done = await clerk.api("POST", path, { body: { evidence: [{ kind: "mrz", lines: td3(person) }] } });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ requestId, recordVersion: 2, restored: true });
    expect(await lineState(line.msisdn)).toEqual({ state: "active", status: "active" });
    expect(await networkStatus(line.msisdn)).toBe("active");

    // The door kept both steps as events, with who sent them, and audited them.
    const { rows: events } = await server.services.db.query<{ event: string; from_state: string; to_state: string }>(
      `SELECT e.event, e.from_state, e.to_state, e.actor_kind FROM subscription_events e
       JOIN subscriptions s ON s.id = e.subscription_id WHERE s.msisdn = $1 ORDER BY e.id`,
      [line.msisdn],
    );
    expect(events).toEqual([
      { event: "suspend_for_police", from_state: "active", to_state: "police_suspended", actor_kind: "system" },
      {
        event: "restore_after_reverification",
        from_state: "police_suspended",
        to_state: "active",
        actor_kind: "staff",
      },
    ]);
    const { rows: audit } = await server.services.db.query<{ action: string }>(
      "SELECT action FROM audit_entries WHERE subject = $1 AND action LIKE 'subscription.%' ORDER BY seq",
      [line.reference],
    );
    expect(audit.map((a) => a.action)).toEqual(["subscription.suspended", "subscription.restored"]);
    const report = await (await signInAs(server, "compliance")).api("GET", "/v1/staff/police-requests");
    expect(
      (report.body.items as { requestId: string; status: string }[]).find((r) => r.requestId === requestId),
    ).toMatchObject({ status: "reverified" });
  }, 60_000);

  it("lets the operator end a police-suspended line (it used to answer 409: ended already)", async () => {
    const { line } = await policeSuspendedLine(somebody());
    const admin = await signInAs(server, "admin");
    const ended = await admin.api("POST", `/v1/staff/applications/${line.reference}/termination`, {
      body: { reason: "operator_decision" },
    });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(await lineState(line.msisdn)).toEqual({ state: "terminated", status: "terminated" });
    expect(await networkStatus(line.msisdn)).toBeNull();
    const { rows } = await server.services.db.query<{ end_reason: string; ended: boolean }>(
      "SELECT end_reason, ended_at IS NOT NULL AS ended FROM subscriptions WHERE msisdn = $1",
      [line.msisdn],
    );
    expect(rows).toEqual([{ end_reason: "operator_decision", ended: true }]);
    // Once ended, nothing moves it: a second termination is refused.
    const again = await admin.api("POST", `/v1/staff/applications/${line.reference}/termination`, {
      body: { reason: "operator_decision" },
    });
    expect(again).toMatchObject({ status: 409, body: { code: "subscription_not_active" } });
  }, 60_000);

  it("has a CLI report (JSON or CSV) and sweep, on the database the environment names", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jitsumei-police-cli-"));
    const database = testDatabaseKind === "postgres" ? await createTestDatabase() : null;
    const saved = { ...process.env };
    // The commands open the database from the environment, as `jitsumei` does.
    process.env.JITSUMEI_DATA_DIR = dir;
    if (database?.url) {
      process.env.DATABASE_URL = database.url;
      await migrate(database.db);
    } else {
      const embedded = await openPglite(join(dir, "pglite"));
      await migrate(embedded);
      await embedded.close();
    }
    const run = async (command: typeof policeReportCommand, args: string[]) => {
      const out: string[] = [];
      const code = await command(args, { out: (s) => out.push(s), err: () => {}, stdin: async () => "" });
      return { code, out: out.join("") };
    };
    try {
      const csv = await run(policeReportCommand, ["--format", "csv"]);
      expect(csv.code).toBe(0);
      expect(csv.out.trim()).toBe(
        "requestId,authority,authorityReference,receivedOn,reference,msisdn,deadline,letterDocumentNumber,letterSha256,status,reverifiedAt,reverificationMethod,recordVersion,suspendedAt,recordedBy,recordedAt",
      );
      expect(JSON.parse((await run(policeReportCommand, ["--from", "2026-01-01"])).out)).toEqual({ items: [] });
      await expect(run(policeReportCommand, ["--format", "xml"])).rejects.toThrow(/--format must be json or csv/);
      const sweep = await run(policeSweepCommand, []);
      expect(sweep.code).toBe(0);
      expect(JSON.parse(sweep.out)).toEqual({ suspendedRequests: [], closedRequests: [] });
    } finally {
      process.env = saved;
      await database?.drop();
    }
  }, 120_000);
});
