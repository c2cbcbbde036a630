import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueMail } from "../src/mail/outbox.ts";
import { startSmtpSink } from "./support/smtp-sink.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

let server: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  smtp = await startSmtpSink({ refuse: ["nobody@example.test"] });
  server = await startTestServer({ SMTP_URL: smtp.url });
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

async function queue(to: string) {
  return server.services.db.transaction((tx) =>
    queueMail(tx, server.services.keys, {
      to,
      from: "Jitsumei <no-reply@jitsumei.localhost>",
      subject: "Test",
      text: "Hello",
      applicationId: null,
      template: "test",
      language: "en",
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
