import { createServer, type IncomingHttpHeaders } from "node:http";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expireStaleApplications } from "../src/review/expire-applications.ts";
import { draftApplication, runEveryJobNow, somebody, submitAndPay } from "./support/journey.ts";
import { type StaffClient, signInAs } from "./support/staff.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

let server: TestServer;
let reviewer: StaffClient;
let otherReviewer: StaffClient;
let admin: StaffClient;
let agent: StaffClient;
let senior: StaffClient;

beforeAll(async () => {
  server = await startTestServer();
  [reviewer, otherReviewer, admin, agent] = [
    await signInAs(server, "reviewer", "Rina Reviewer"),
    await signInAs(server, "reviewer", "Ken Reviewer"),
    await signInAs(server, "admin", "Ada Admin"),
    await signInAs(server, "agent", "Call Centre"),
  ];
  senior = await signInAs(server, "senior_reviewer", "Sato Senior");
});
afterAll(async () => server?.close());

/** Moves the clock; staff sessions would lapse with it, so everyone signs in again. */
async function advance(ms: number) {
  server.advanceClock(ms);
  for (const client of [reviewer, otherReviewer, admin, agent, senior]) await client.signInAgain();
}

const address = { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", line1: "千代田1-1" };

/** A voice line on an MRZ alone: it waits for a person. */
async function caseInReview(language = "en") {
  const { reference, token } = await draftApplication(server, "prepaid-voice-sim", somebody(), { address });
  if (language !== "en") {
    await server.services.db.query("UPDATE applications SET language = $2 WHERE reference = $1", [reference, language]);
  }
  const submitted = await submitAndPay(server, reference, token);
  expect(submitted.body.state).toBe("in_review");
  return { reference, token };
}

async function outbox(reference: string) {
  await runEveryJobNow(server);
  const mails = (await server.api("GET", "/dev/outbox?limit=200")).body.items as { subject: string; text: string }[];
  return mails.filter((m) => m.subject.includes(reference));
}

describe("claims", () => {
  it("keep a case with one reviewer until the claim lapses or an admin releases it", async () => {
    const { reference } = await caseInReview();
    expect((await reviewer.api("POST", `/v1/staff/applications/${reference}/claim`)).status).toBe(200);
    expect((await otherReviewer.api("POST", `/v1/staff/applications/${reference}/claim`)).status).toBe(409);
    // The other reviewer cannot drop a claim that is not theirs.
    const drop = await otherReviewer.api("DELETE", `/v1/staff/applications/${reference}/claim`);
    expect(drop).toMatchObject({ status: 409, body: { code: "claimed_by_another" } });
    expect((await admin.api("POST", `/v1/staff/applications/${reference}/claim/release`)).status).toBe(204);
    expect((await otherReviewer.api("POST", `/v1/staff/applications/${reference}/claim`)).status).toBe(200);
    // A claim lapses by itself after 30 minutes.
    await advance(31 * 60_000);
    expect((await reviewer.api("POST", `/v1/staff/applications/${reference}/claim`)).status).toBe(200);
    const mine = await reviewer.api("GET", "/v1/staff/applications?assignee=me");
    expect((mine.body.items as { reference: string }[]).map((i) => i.reference)).toContain(reference);
    const audit = await server.services.db.query<{ action: string }>(
      "SELECT action FROM audit_entries WHERE subject = $1 AND action LIKE 'case.%' ORDER BY seq",
      [reference],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(["case.claimed", "case.released", "case.claimed", "case.claimed"]);
  });

  it("are needed to decide", async () => {
    const { reference } = await caseInReview();
    const unclaimed = await reviewer.api("POST", `/v1/staff/applications/${reference}/events`, {
      body: { type: "reject", reason: "other" },
    });
    expect(unclaimed).toMatchObject({ status: 409, body: { code: "claim_required" } });
  });
});

describe("decisions", () => {
  it("reject with a reason code from the list, told to the applicant in their language", async () => {
    const { reference, token } = await caseInReview("vi");
    await reviewer.api("POST", `/v1/staff/applications/${reference}/claim`);
    const unknown = await reviewer.api("POST", `/v1/staff/applications/${reference}/events`, {
      body: { type: "reject", reason: "looked_shifty" },
    });
    expect(unknown).toMatchObject({ status: 422, body: { field: "reason" } });
    const rejected = await reviewer.api("POST", `/v1/staff/applications/${reference}/events`, {
      body: { type: "reject", reason: "document_unreadable", note: "Photo page too dark to read" },
    });
    expect(rejected).toMatchObject({ status: 200, body: { state: "rejected" } });
    const mails = await outbox(reference);
    const rejection = mails.find((m) => m.subject.includes("Kết quả") || /từ chối|không thể/i.test(m.text));
    expect(rejection, JSON.stringify(mails.map((m) => m.subject))).toBeDefined();
    const events = await server.api("GET", `/v1/applications/${reference}/events`, { token });
    const last = (events.body.items as { event: string; data: Record<string, unknown> }[]).at(-1);
    expect(last).toMatchObject({ event: "reject", data: { reason: "document_unreadable" } });
    expect(JSON.stringify(last)).not.toContain("too dark");
  });

  it("refuses an unknown decision type and a correction of fields the applicant cannot change, naming the field", async () => {
    const { reference } = await caseInReview();
    await reviewer.api("POST", `/v1/staff/applications/${reference}/claim`);
    const bad = await reviewer.api("POST", `/v1/staff/applications/${reference}/events`, { body: { type: "bless" } });
    expect(bad).toMatchObject({ status: 422, body: { field: "type" } });
    const contact = await reviewer.api("POST", `/v1/staff/applications/${reference}/events`, {
      body: { type: "request_correction", fields: ["contact.email"], message: "Please use another address" },
    });
    expect(contact).toMatchObject({ status: 422, body: { field: "fields" } });
    const state = await reviewer.api("GET", `/v1/staff/applications/${reference}`);
    expect(state.body.state).toBe("in_review");
  });

  it("escalate: the case stays in review, tagged for senior reviewers", async () => {
    const { reference } = await caseInReview();
    await reviewer.api("POST", `/v1/staff/applications/${reference}/claim`);
    const escalated = await reviewer.api("POST", `/v1/staff/applications/${reference}/events`, {
      body: { type: "escalate", note: "Name order differs between MRZ and form" },
    });
    expect(escalated).toMatchObject({ status: 200, body: { state: "in_review", event: "escalate" } });
    const queue = await reviewer.api("GET", "/v1/staff/applications?tag=escalated&assignee=none");
    expect(
      (queue.body.items as { reference: string; tags: string[] }[]).find((i) => i.reference === reference),
    ).toMatchObject({
      tags: expect.arrayContaining(["escalated"]),
    });
    const theCase = await reviewer.api("GET", `/v1/staff/applications/${reference}`);
    expect(theCase.body.notes).toEqual([
      expect.objectContaining({
        kind: "escalate",
        by: "Rina Reviewer",
        note: "Name order differs between MRZ and form",
      }),
    ]);
    // Escalated: a plain reviewer may claim it but not decide it; a senior reviewer decides.
    await reviewer.api("POST", `/v1/staff/applications/${reference}/claim`);
    const plain = await reviewer.api("POST", `/v1/staff/applications/${reference}/events`, {
      body: { type: "reject", reason: "other" },
    });
    expect(plain).toMatchObject({ status: 403, body: { code: "forbidden" } });
    await reviewer.api("DELETE", `/v1/staff/applications/${reference}/claim`);
    await senior.api("POST", `/v1/staff/applications/${reference}/claim`);
    const decided = await senior.api("POST", `/v1/staff/applications/${reference}/events`, {
      body: { type: "reject", reason: "identity_mismatch" },
    });
    expect(decided).toMatchObject({ status: 200, body: { state: "rejected" } });
    // The note is stored sealed: its words are not in the table.
    const raw = await server.services.db.query<{ note_enc: Buffer }>("SELECT note_enc FROM case_notes");
    expect(raw.rows.some((r) => Buffer.from(r.note_enc).toString("latin1").includes("Name order"))).toBe(false);
  });
});

describe("the queue", () => {
  it("pages through every case once, following nextCursor one case at a time", async () => {
    const mine = [await caseInReview(), await caseInReview(), await caseInReview()].map((c) => c.reference);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 500; page++) {
      const query: string = cursor ? `&cursor=${cursor}` : "";
      const r = await reviewer.api("GET", `/v1/staff/applications?limit=1${query}`);
      expect(r.status).toBe(200);
      seen.push(...(r.body.items as { reference: string }[]).map((i) => i.reference));
      cursor = r.body.nextCursor as string | null;
      if (!cursor) break;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(mine));
    const forged = Buffer.from(JSON.stringify({ at: "2026-01-01T00:00:00.000000Z", id: "-".repeat(36) })).toString(
      "base64url",
    );
    expect((await reviewer.api("GET", `/v1/staff/applications?cursor=${forged}`)).body).toMatchObject({
      code: "validation_failed",
      field: "cursor",
    });
  });
});

describe("the call centre", () => {
  it("looks an application up by reference with masked personal data, and cannot open the case", async () => {
    const { reference } = await caseInReview("ja");
    const status = await agent.api("GET", `/v1/staff/lookup/${reference}?language=ja`);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ state: "in_review", applicant: { name: "A. E.", email: "a**a@example.test" } });
    expect((status.body.status as { title: string }).title).toMatch(/[ぁ-んァ-ン一-龥]/);
    expect(JSON.stringify(status.body)).not.toMatch(/Eriksson|L898902C3|1974-08-12|千代田/);
    expect((await agent.api("GET", `/v1/staff/applications/${reference}`)).status).toBe(403);
    const unknown = await agent.api("GET", "/v1/staff/lookup/JT-0000-0000-0");
    expect(unknown.body.code).toBe("application_not_found");
  });
});

describe("SLA and expiry", () => {
  it("marks a case overdue after the SLA, and filters on it", async () => {
    const { reference } = await caseInReview();
    const before = await reviewer.api("GET", "/v1/staff/applications?overdueOnly=true&limit=100");
    expect((before.body.items as { reference: string }[]).map((i) => i.reference)).not.toContain(reference);
    await advance(49 * 3_600_000);
    const after = await reviewer.api("GET", "/v1/staff/applications?overdueOnly=true&limit=100");
    const item = (after.body.items as { reference: string; overdue: boolean; ageHours: number }[]).find(
      (i) => i.reference === reference,
    );
    expect(item).toMatchObject({ overdue: true });
    expect(item?.ageHours).toBeGreaterThanOrEqual(49);
    const badFilter = await reviewer.api("GET", "/v1/staff/applications?overdueOnly=yes");
    expect(badFilter).toMatchObject({ status: 422, body: { field: "overdueOnly" } });
  });

  it("expires a draft nobody submits and a correction nobody answers, and tells the applicant", async () => {
    const draft = await draftApplication(server, "prepaid-data-esim", somebody());
    const { reference } = await caseInReview();
    await reviewer.api("POST", `/v1/staff/applications/${reference}/claim`);
    await reviewer.api("POST", `/v1/staff/applications/${reference}/events`, {
      body: { type: "request_correction", fields: ["address"], message: "Please give your current address." },
    });
    // Both wait from the server's "now" (other tests in this file moved the clock): date them back.
    const waited = async (days: number) => {
      const at = new Date(server.services.clock().getTime() - days * 86_400_000);
      await server.services.db.query("UPDATE applications SET state_changed_at = $2 WHERE reference = ANY($1)", [
        [reference, draft.reference],
        at,
      ]);
    };
    await waited(13);
    let run = await expireStaleApplications(server.services);
    expect(run.expired).not.toContain(reference);
    expect(run.expired).not.toContain(draft.reference);
    await waited(15); // the correction's 14 days have passed, the draft's 30 have not
    run = await expireStaleApplications(server.services);
    expect(run.expired).toContain(reference);
    expect(run.expired).not.toContain(draft.reference);
    await waited(31);
    run = await expireStaleApplications(server.services);
    expect(run.expired).toContain(draft.reference);
    const view = await server.api("GET", `/v1/applications/${draft.reference}`, { token: draft.token });
    expect(view.body.state).toBe("expired");
    expect((await outbox(reference)).map((m) => m.subject)).toContainEqual(expect.stringContaining("expired"));
    // Running again finds nothing more to do.
    expect((await expireStaleApplications(server.services)).expired).not.toContain(reference);
  });
});

describe("webhooks", () => {
  it("deliver every state change, signed per Standard Webhooks, to a subscribed endpoint", async () => {
    const received: { headers: IncomingHttpHeaders; body: string }[] = [];
    const receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (c: Buffer) => chunks.push(c));
      request.on("end", () => {
        received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const port = (receiver.address() as { port: number }).port;
    try {
      const created = await admin.api("POST", "/v1/staff/webhooks", {
        body: { url: `http://127.0.0.1:${port}/hooks`, eventTypes: ["application.state_changed"] },
      });
      expect(created.status).toBe(201);
      const secret = String(created.body.secret);
      expect(secret).toMatch(/^whsec_/);
      const listed = await admin.api("GET", "/v1/staff/webhooks");
      expect(JSON.stringify(listed.body)).not.toContain(secret);

      const { reference } = await caseInReview();
      // The background worker may hold a delivery while this drain runs: wait for both to land.
      for (let i = 0; i < 100 && received.filter((r) => r.body.includes(reference)).length < 2; i++) {
        await server.services.jobs.drain();
        await new Promise((r) => setTimeout(r, 50));
      }
      // Deliveries run concurrently and may arrive out of order (docs/staff.md says so): the receiver
      // orders them by the application's version, which each one carries.
      const mine = received.filter((r) => r.body.includes(reference));
      const changes = mine
        .map((r) => (JSON.parse(r.body) as { data: { to: string; version: number } }).data)
        .sort((a, b) => a.version - b.version);
      expect(changes.map((d) => d.to)).toEqual(["checking", "in_review"]);
      expect(new Set(changes.map((d) => d.version)).size).toBe(2);
      for (const r of mine) {
        const verified = new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as {
          type: string;
          data: Record<string, unknown>;
        };
        expect(verified).toMatchObject({ type: "application.state_changed", data: { reference } });
        // No personal data travels: references, events, states and versions only.
        expect(Object.keys(verified.data).sort()).toEqual(["event", "from", "reference", "to", "version"]);
      }
      const endpointId = String((created.body.endpoint as { id: string }).id);
      const log = await admin.api("GET", `/v1/staff/webhooks/${endpointId}/deliveries`);
      expect((log.body.items as { status: string }[]).every((d) => d.status === "delivered")).toBe(true);
    } finally {
      receiver.close();
    }
  });
});
