import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueMail } from "../src/mail/outbox.ts";
import { draftApplication, runEveryJobNow, somebody } from "./support/journey.ts";
import { startSmtpSink } from "./support/smtp-sink.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

let server: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let port = 0;
beforeAll(async () => {
  smtp = await startSmtpSink({ refuse: ["nobody@example.test"] });
  port = Number(new URL(smtp.url).port);
  server = await startTestServer({ SMTP_URL: smtp.url });
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

async function queue(to: string) {
  return server.services.db.transaction((tx) =>
    queueMail(tx, server.services.keys, {
      language: "en",
      to,
      from: "Jitsumei <no-reply@jitsumei.localhost>",
      subject: "Test",
      text: "Hello",
      applicationId: null,
      template: "test",
    }),
  );
}

describe("mail delivery over SMTP", () => {
  it("delivers a queued mail once, and marks it sent", async () => {
    const id = await queue("someone@example.test");
    await server.services.jobs.drain();
    await server.services.jobs.drain();
    expect(smtp.mails.filter((m) => m.to.includes("someone@example.test"))).toHaveLength(1);
    const { rows } = await server.services.db.query<{ status: string }>(
      "SELECT status FROM mail_outbox WHERE id = $1",
      [id],
    );
    expect(rows[0]?.status).toBe("sent");
  });

  it("gives up at once on an address the server refuses, and keeps the address out of the error it stores", async () => {
    const id = await queue("nobody@example.test");
    await server.services.jobs.drain();
    const mail = await server.services.db.query<{ status: string }>("SELECT status FROM mail_outbox WHERE id = $1", [
      id,
    ]);
    expect(mail.rows[0]?.status).toBe("failed");
    const job = await server.services.db.query<{ status: string; attempts: number; last_error: string }>(
      "SELECT status, attempts, last_error FROM jobs WHERE payload->>'mailId' = $1",
      [id],
    );
    expect(job.rows[0]).toMatchObject({ status: "failed", attempts: 1 });
    expect(job.rows[0]?.last_error).toMatch(/550/);
    expect(job.rows[0]?.last_error).not.toContain("nobody@example.test");
  });
});

/** A submitted prepaid application (two notifications: received, and the price to pay), its jobs not run yet. */
async function submitted(email: string) {
  const { reference, token } = await draftApplication(
    server,
    "prepaid-data-esim",
    somebody(),
    {},
    {
      contact: { email, phone: "090-1234-5678" },
    },
  );
  const answer = await server.api("POST", `/v1/applications/${reference}/submit`, { token });
  expect(answer.status).toBe(200);
  const { rows } = await server.services.db.query<{ id: string }>("SELECT id FROM applications WHERE reference = $1", [
    reference,
  ]);
  return String(rows[0]?.id);
}

async function messagesOf(applicationId: string) {
  const { rows } = await server.services.db.query<{
    channel: string;
    template: string;
    status: string;
    sent_at: unknown;
  }>(
    `SELECT 'mail' AS channel, template, status, sent_at FROM mail_outbox WHERE application_id = $1
     UNION ALL SELECT 'sms', template, status, sent_at FROM sms_outbox WHERE application_id = $1
     ORDER BY 1, 2`,
    [applicationId],
  );
  return rows;
}

async function jobsOf(applicationId: string) {
  const { rows } = await server.services.db.query<{ kind: string; status: string; attempts: number }>(
    `SELECT kind, status, attempts FROM jobs
     WHERE payload->>'applicationId' = $1::text
        OR payload->>'mailId' IN (SELECT id::text FROM mail_outbox WHERE application_id::text = $1::text)
        OR payload->>'smsId' IN (SELECT id::text FROM sms_outbox WHERE application_id::text = $1::text)
     ORDER BY id`,
    [applicationId],
  );
  return rows;
}

describe("a notification's one job", () => {
  it("renders the mail and the SMS and hands both over itself: no job a message", async () => {
    const id = await submitted("notified@example.test");
    await server.services.jobs.drain();
    expect(await jobsOf(id)).toEqual([
      { kind: "notify_applicant", status: "done", attempts: 1 },
      { kind: "notify_applicant", status: "done", attempts: 1 },
    ]);
    const messages = await messagesOf(id);
    expect(messages.map((m) => [m.channel, m.template, m.status])).toEqual([
      ["mail", "application_received", "sent"],
      ["mail", "payment_due", "sent"],
      ["sms", "application_received", "kept_locally"],
      ["sms", "payment_due", "kept_locally"],
    ]);
    expect(smtp.mails.filter((m) => m.to.includes("notified@example.test"))).toHaveLength(2);
  });

  it("still sends the SMS when the mail is refused, and fails at once without a retry", async () => {
    const id = await submitted("nobody@example.test");
    await server.services.jobs.drain();
    const messages = await messagesOf(id);
    expect(messages.map((m) => [m.channel, m.status])).toEqual([
      ["mail", "failed"],
      ["mail", "failed"],
      ["sms", "kept_locally"],
      ["sms", "kept_locally"],
    ]);
    expect(await jobsOf(id)).toEqual([
      { kind: "notify_applicant", status: "failed", attempts: 1 },
      { kind: "notify_applicant", status: "failed", attempts: 1 },
    ]);
  });

  it("after a failure to reach the mail server, runs again and sends only what is still pending", async () => {
    await smtp.close();
    const id = await submitted("retried@example.test");
    await server.services.jobs.drain();
    const failed = await messagesOf(id);
    expect(failed.map((m) => [m.channel, m.status])).toEqual([
      ["mail", "pending"],
      ["mail", "pending"],
      ["sms", "kept_locally"],
      ["sms", "kept_locally"],
    ]);
    expect((await jobsOf(id)).map((j) => [j.status, j.attempts])).toEqual([
      ["pending", 1],
      ["pending", 1],
    ]);
    smtp = await startSmtpSink({ refuse: ["nobody@example.test"], port });
    await runEveryJobNow(server);
    const after = await messagesOf(id);
    expect(after.map((m) => [m.channel, m.status])).toEqual([
      ["mail", "sent"],
      ["mail", "sent"],
      ["sms", "kept_locally"],
      ["sms", "kept_locally"],
    ]);
    // The SMS handed over on the first run was not handed over again.
    expect(after.slice(2).map((m) => String(m.sent_at))).toEqual(failed.slice(2).map((m) => String(m.sent_at)));
    expect(smtp.mails.filter((m) => m.to.includes("retried@example.test"))).toHaveLength(2);
    expect(await jobsOf(id)).toEqual([
      { kind: "notify_applicant", status: "done", attempts: 2 },
      { kind: "notify_applicant", status: "done", attempts: 2 },
    ]);
  });
});
