import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activationCodeFromOutbox, draftApplication, submitAndPay } from "./support/journey.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

/** An application with a SIM assigned, and the code from the local outbox. */
async function readyToActivate() {
  const { reference, token } = await draftApplication(server, "prepaid-data-esim");
  const submitted = await submitAndPay(server, reference, token);
  expect(submitted.body.state).toBe("sim_assigned");
  expect((await server.api("POST", `/v1/applications/${reference}/activation-code`, { token })).status).toBe(202);
  return { reference, token, code: await activationCodeFromOutbox(server, reference) };
}

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe("activation by one-time code", () => {
  it("keeps the mail in the local outbox when SMTP_URL is unset", async () => {
    const { reference } = await readyToActivate();
    const outbox = await server.api("GET", "/dev/outbox");
    expect(outbox.body.mailTransport).toBe("local-outbox");
    const mail = (outbox.body.items as { to: string; subject: string; status: string; text: string }[]).find(
      (m) => m.text.includes(reference) && m.subject.includes("activation code"),
    );
    expect(mail).toMatchObject({ to: "anna@example.test", status: "kept_locally" });
    expect(mail?.subject).toMatch(/activation code: \d{6}/);
  });

  it("locks activation after five wrong codes, even for the right code", async () => {
    const { reference, token, code } = await readyToActivate();
    const path = `/v1/applications/${reference}/activation`;
    for (let i = 1; i <= 4; i++) {
      const r = await server.api("POST", path, { token, body: { code: wrong(code) } });
      expect(r.status).toBe(422);
      expect(r.body).toMatchObject({ code: "activation_code_invalid", field: "code", attemptsRemaining: 5 - i });
    }
    const fifth = await server.api("POST", path, { token, body: { code: wrong(code) } });
    expect(fifth.status).toBe(423);
    expect(fifth.body.code).toBe("activation_locked");
    const right = await server.api("POST", path, { token, body: { code } });
    expect(right.status).toBe(423);
    const newCode = await server.api("POST", `/v1/applications/${reference}/activation-code`, { token });
    expect(newCode.status).toBe(423);
    const view = await server.api("GET", `/v1/applications/${reference}`, { token });
    expect(view.body).toMatchObject({ state: "sim_assigned", activation: { locked: true, attemptsRemaining: 0 } });
  });

  it("counts a wrong code once when the request is retried with its Idempotency-Key", async () => {
    const { reference, token, code } = await readyToActivate();
    const headers = { "idempotency-key": randomUUID() };
    const path = `/v1/applications/${reference}/activation`;
    await server.api("POST", path, { token, body: { code: wrong(code) }, headers });
    await server.api("POST", path, { token, body: { code: wrong(code) }, headers });
    const view = await server.api("GET", `/v1/applications/${reference}`, { token });
    expect((view.body.activation as { attemptsRemaining: number }).attemptsRemaining).toBe(4);
  });

  it("refuses an expired code, and a fresh code works", async () => {
    const { reference, token, code } = await readyToActivate();
    server.advanceClock(16 * 60_000);
    const late = await server.api("POST", `/v1/applications/${reference}/activation`, { token, body: { code } });
    expect(late.status).toBe(422);
    expect(late.body.code).toBe("activation_code_expired");
    server.advanceClock(-16 * 60_000);

    await server.api("POST", `/v1/applications/${reference}/activation-code`, { token });
    await server.services.jobs.drain();
    const outbox = await server.api("GET", "/dev/outbox");
    const newest = (outbox.body.items as { text: string }[]).find((m) => m.text.includes(reference));
    const fresh = /\b(\d{6})\b/.exec(newest?.text ?? "")?.[1];
    const ok = await server.api("POST", `/v1/applications/${reference}/activation`, { token, body: { code: fresh } });
    expect(ok.status).toBe(200);
    expect(ok.body.state).toBe("active");
  });

  it("will not activate before a SIM is assigned", async () => {
    const { reference, token } = await draftApplication(server, "prepaid-data-esim");
    const r = await server.api("POST", `/v1/applications/${reference}/activation-code`, { token });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe("activation_not_ready");
  });
});
