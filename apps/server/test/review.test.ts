import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { verifyAuditChain } from "../src/audit/audit-chain.ts";
import { listSmsOutbox } from "../src/sms/sms-outbox.ts";
import { anna, consentToCredit, particularsOf, runEveryJobNow, td3 } from "./support/journey.ts";
import { readMail, startSmtpSink } from "./support/smtp-sink.ts";
import { type StaffClient, signInAs } from "./support/staff.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * The postpaid journey up to approval, over real HTTP with real staff sessions: submission, review,
 * a correction, a second review, an approval against a failed check confirmed by a second senior
 * reviewer, and every mail a real SMTP server received, in the applicant's language (Korean here).
 * The mail server is stopped in the middle: mail waits, and none is lost.
 */

const { chip } = inject("evidenceFixtures");
const b64 = (file: string) => readFileSync(file).toString("base64");
const syntheticFace = new URL("../../../packages/evidence/src/face/fixtures/synthetic-face-a.jpg", import.meta.url);
const address = { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", line1: "千代田1-1-1" };
const movedAddress = { postalCode: "150-0001", prefecture: "東京都", city: "渋谷区", line1: "神宮前1-2-3" };

let server: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let reviewer: StaffClient;
let otherReviewer: StaffClient;
let senior: StaffClient;
let secondSenior: StaffClient;
let clerk: StaffClient;

beforeAll(async () => {
  smtp = await startSmtpSink();
  // No trusted country CAs: the chip's signer cannot be trusted, a failed check a person must weigh.
  server = await startTestServer({ SMTP_URL: smtp.url });
  [reviewer, otherReviewer, senior, secondSenior, clerk] = [
    await signInAs(server, "reviewer", "Rina Reviewer"),
    await signInAs(server, "reviewer", "Ken Reviewer"),
    await signInAs(server, "senior_reviewer", "Sato Senior"),
    await signInAs(server, "senior_reviewer", "Mori Senior"),
    await signInAs(server, "clerk", "Counter Clerk"),
  ];
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

const runJobs = () => runEveryJobNow(server);

async function mailsFor(reference: string) {
  const all = await Promise.all(smtp.mails.map(readMail));
  return all.filter((m) => m.subject.includes(reference));
}

describe("the postpaid review, end to end", () => {
  it("goes from submission through a correction and a four-eyes override to approval, telling the applicant in Korean", async () => {
    // --- The applicant applies (in Korean) and submits. ---
    const created = await server.api("POST", "/v1/applications", {
      body: {
        planId: "postpaid-voice",
        language: "ko",
        channel: "online",
        contact: { email: "jiwoo@example.test", phone: "090-1234-5678" },
      },
    });
    expect(created.status).toBe(201);
    const reference = String(created.body.reference);
    const token = String(created.body.accessToken);
    expect(
      (
        await server.api("PUT", `/v1/applications/${reference}/applicant`, {
          token,
          body: particularsOf(anna, { address }),
        })
      ).status,
    ).toBe(200);
    await server.api("POST", `/v1/applications/${reference}/evidence`, {
      token,
      body: { kind: "mrz", lines: td3(anna) },
    });
    const chipAdded = await server.api("POST", `/v1/applications/${reference}/evidence`, {
      token,
      body: {
        kind: "chip",
        sod: b64(chip.chips.brainpool.sod),
        dataGroups: { "1": b64(chip.chips.brainpool.dg1), "2": b64(chip.chips.brainpool.dg2) },
      },
    });
    expect(chipAdded.status).toBe(201);
    // The selfie NF_IC_SELFIE needs beside the chip: its evidence is all there, so two people may decide.
    const selfie = await server.api("POST", `/v1/applications/${reference}/evidence`, {
      token,
      body: { kind: "selfie", image: readFileSync(syntheticFace).toString("base64") },
    });
    expect(selfie.status).toBe(201);
    await consentToCredit(server, reference, token);
    const submitted = await server.api("POST", `/v1/applications/${reference}/submit`, { token });
    expect(submitted.body.state).toBe("in_review");
    expect(submitted.body.checks).toContainEqual(
      expect.objectContaining({ code: "chip.document_signer_trusted", status: "fail" }),
    );
    await runJobs();
    expect((await mailsFor(reference)).map((m) => m.subject)).toEqual([
      `[Jitsumei] 신청이 접수되었습니다 (${reference})`,
    ]);

    // --- The queue shows it, with its failed check; a clerk may not see the queue. ---
    const queue = await reviewer.api("GET", "/v1/staff/applications?tag=failed_checks");
    expect(queue.status).toBe(200);
    const item = (queue.body.items as { reference: string; tags: string[]; overdue: boolean; claim: unknown }[]).find(
      (i) => i.reference === reference,
    );
    expect(item).toMatchObject({ tags: ["failed_checks"], overdue: false, claim: null });
    expect((await clerk.api("GET", "/v1/staff/applications")).status).toBe(403);

    // --- One reviewer at a time. ---
    expect((await reviewer.api("POST", `/v1/staff/applications/${reference}/claim`)).status).toBe(200);
    const taken = await otherReviewer.api("POST", `/v1/staff/applications/${reference}/claim`);
    expect(taken).toMatchObject({ status: 409, body: { code: "claimed_by_another", claimedBy: "Rina Reviewer" } });
    const notHis = await otherReviewer.api("POST", `/v1/staff/applications/${reference}/events`, {
      body: { type: "reject", reason: "other" },
    });
    expect(notHis.body.code).toBe("claimed_by_another");
    expect(
      (await clerk.api("POST", `/v1/staff/applications/${reference}/events`, { body: { type: "approve" } })).status,
    ).toBe(403);

    // --- The case view explains the decision engine's outcome. ---
    const theCase = await reviewer.api("GET", `/v1/staff/applications/${reference}?language=en`);
    expect(theCase.status).toBe(200);
    expect(theCase.body.decision).toMatchObject({
      outcome: "checks_need_review",
      decidedBy: expect.arrayContaining([
        expect.objectContaining({ code: "chip.document_signer_trusted", status: "fail", consequence: "review" }),
      ]),
    });
    expect(theCase.body.applicant).toMatchObject({ address });

    // --- The mail server goes down; the reviewer asks for a correction in the applicant's language. ---
    const port = Number(new URL(smtp.url).port);
    await smtp.close();
    const message = "주소를 최신 주소로 수정해 주세요.";
    const asked = await reviewer.api("POST", `/v1/staff/applications/${reference}/events`, {
      body: { type: "request_correction", fields: ["address"], message },
    });
    expect(asked).toMatchObject({ status: 200, body: { state: "correction_requested" } });
    await runJobs(); // the mail fails and waits for a retry
    const waiting = await server.services.db.query<{ status: string }>(
      "SELECT status FROM mail_outbox WHERE application_id = (SELECT id FROM applications WHERE reference = $1) AND template = 'correction_requested'",
      [reference],
    );
    expect(waiting.rows).toEqual([{ status: "pending" }]);

    // --- The applicant sees what to fix; resubmitting unchanged is refused with a reason. ---
    const view = await server.api("GET", `/v1/applications/${reference}`, { token });
    expect(view.body.correction).toMatchObject({ fields: [{ field: "address", label: expect.any(String) }], message });
    expect((view.body.status as { title: string }).title).toMatch(/[가-힣]/);
    const unchanged = await server.api("POST", `/v1/applications/${reference}/submit`, { token });
    expect(unchanged).toMatchObject({ status: 422, body: { code: "correction_unchanged", field: "address" } });
    expect((await server.api("GET", `/v1/applications/${reference}`, { token })).body.state).toBe(
      "correction_requested",
    );
    await server.api("PUT", `/v1/applications/${reference}/applicant`, {
      token,
      body: particularsOf(anna, { address: movedAddress }),
    });
    const resubmitted = await server.api("POST", `/v1/applications/${reference}/submit`, { token });
    expect(resubmitted.body.state).toBe("in_review");

    // --- Back in the queue, the change highlighted; earlier values stay in the history. ---
    const returned = await reviewer.api("GET", "/v1/staff/applications?tag=correction_returned");
    expect((returned.body.items as { reference: string }[]).map((i) => i.reference)).toContain(reference);
    const second = await reviewer.api("GET", `/v1/staff/applications/${reference}`);
    expect((second.body.correction as { changes: unknown[] }).changes).toEqual([
      { field: "address", before: address, after: movedAddress },
    ]);
    const versions = second.body.particularsHistory as { particulars: { address: unknown } }[];
    expect(versions.map((v) => v.particulars.address)).toEqual([address, movedAddress]);

    // --- The mail server is back: the delayed mails arrive, once each. ---
    smtp = await startSmtpSink({ port });
    await runJobs();
    const received = `[Jitsumei] 신청이 접수되었습니다 (${reference})`;
    const correctionSubject = `[Jitsumei] 신청 내용 수정 요청 (${reference})`;
    expect((await mailsFor(reference)).map((m) => m.subject).sort()).toEqual([received, correctionSubject].sort());
    const correctionMail = (await mailsFor(reference)).find((m) => m.subject === correctionSubject);
    expect(correctionMail?.text).toContain(message);
    expect(correctionMail?.text).toContain("주소");

    // --- A senior reviewer approves against the failed check: that is only a proposal. ---
    expect((await senior.api("POST", `/v1/staff/applications/${reference}/claim`)).status).toBe(200);
    const bare = await senior.api("POST", `/v1/staff/applications/${reference}/events`, { body: { type: "approve" } });
    expect(bare).toMatchObject({ status: 422, body: { code: "validation_failed", field: "note" } });
    const proposed = await senior.api("POST", `/v1/staff/applications/${reference}/events`, {
      body: { type: "approve", note: "Signer CA missing from our master list; document checked by video call." },
    });
    expect(proposed.body).toMatchObject({
      state: "override_pending",
      event: "propose_override",
      overridePending: true,
    });

    // --- The proposer cannot confirm it; a plain reviewer cannot; a second senior reviewer does. ---
    expect((await senior.api("POST", `/v1/staff/applications/${reference}/claim`)).status).toBe(200);
    const own = await senior.api("POST", `/v1/staff/applications/${reference}/events`, {
      body: { type: "confirm_override" },
    });
    expect(own).toMatchObject({ status: 403, body: { code: "own_override" } });
    await senior.api("DELETE", `/v1/staff/applications/${reference}/claim`);
    expect((await reviewer.api("POST", `/v1/staff/applications/${reference}/claim`)).status).toBe(200);
    const junior = await reviewer.api("POST", `/v1/staff/applications/${reference}/events`, {
      body: { type: "confirm_override" },
    });
    expect(junior).toMatchObject({ status: 403, body: { code: "forbidden" } });
    await reviewer.api("DELETE", `/v1/staff/applications/${reference}/claim`);
    expect((await secondSenior.api("POST", `/v1/staff/applications/${reference}/claim`)).status).toBe(200);
    const confirmed = await secondSenior.api("POST", `/v1/staff/applications/${reference}/events`, {
      body: { type: "confirm_override" },
    });
    // Approved: a postpaid application moves straight on to its contract.
    expect(confirmed).toMatchObject({ status: 200, body: { state: "contract_pending", event: "confirm_override" } });

    // --- Every mail, in Korean, each once; SMS too. ---
    await runJobs();
    const mails = await mailsFor(reference);
    // The resubmission is confirmed like the first submission.
    expect(mails.map((m) => m.subject).sort()).toEqual(
      [
        received,
        correctionSubject,
        `[Jitsumei] 본인 확인이 완료되었습니다 (${reference})`,
        `[Jitsumei] 계약서에 서명해 주세요 (${reference})`,
      ].sort(),
    );
    expect(mails.every((m) => m.to.join() === "jiwoo@example.test")).toBe(true);
    const allSubjects = (await Promise.all(smtp.mails.map(readMail))).map((m) => m.subject);
    expect(allSubjects.filter((s) => s.includes(reference))).toHaveLength(4); // nothing sent twice after the outage
    const application = await server.services.db.query<{ id: string }>(
      "SELECT id FROM applications WHERE reference = $1",
      [reference],
    );
    const sms = await listSmsOutbox(server.services.db, server.services.keys, 20, application.rows[0]?.id);
    expect(sms.map((s) => s.template).sort()).toEqual([
      "application_received",
      "application_received",
      "approved",
      "contract_ready",
      "correction_requested",
    ]);
    expect(sms.every((s) => s.to === "+819012345678" && /[가-힣]/.test(s.text))).toBe(true);

    // --- The history names each step and its actor; the audit chain holds. ---
    const history = (await secondSenior.api("GET", `/v1/staff/applications/${reference}`)).body.history as {
      event: string;
      actor: string;
    }[];
    expect(history.map((h) => `${h.event}:${h.actor}`)).toEqual([
      "submit:applicant",
      "checks_need_review:system",
      "request_correction:staff:Rina Reviewer",
      "submit:applicant",
      "checks_need_review:system",
      "propose_override:staff:Sato Senior",
      "confirm_override:staff:Mori Senior",
      "offer_contract:system",
    ]);
    // The applicant's own history shows no staff identity or note.
    const events = await server.api("GET", `/v1/applications/${reference}/events`, { token });
    expect(JSON.stringify(events.body)).not.toMatch(/Senior|Reviewer|video call/);
    expect(await verifyAuditChain(server.services.db)).toMatchObject({ valid: true });
  });
});
