import { expect } from "vitest";
import type { TestServer } from "./test-server.ts";

/** The six digits of the newest mail to `email` (or naming it) in the local outbox. */
export async function mailedCode(server: TestServer, email: string): Promise<string> {
  await server.services.jobs.drain();
  const outbox = await server.api("GET", "/dev/outbox?limit=200");
  const mail = (outbox.body.items as { text: string; to: string }[]).find(
    (m) => (m.to === email || m.text.includes(email)) && /\b\d{6}\b/.test(m.text),
  );
  const code = /\b(\d{6})\b/.exec(mail?.text ?? "")?.[1];
  if (!code) throw new Error(`no code for ${email}`);
  return code;
}

/** Signs a subscriber in with a line's number and the address on file; answers the bearer token. */
export async function subscriberSignIn(server: TestServer, msisdn: string, email: string): Promise<string> {
  expect((await server.api("POST", "/v1/subscriber/sign-in", { body: { msisdn, email } })).status).toBe(202);
  const verified = await server.api("POST", "/v1/subscriber/sign-in/verify", {
    body: { msisdn, code: await mailedCode(server, email) },
  });
  expect(verified.status, JSON.stringify(verified.body)).toBe(200);
  return String(verified.body.token);
}
