import { expect } from "vitest";
import { outbox } from "./journey.ts";
import type { TestServer } from "./test-server.ts";

/**
 * The six digits of the newest mail to `needle` or naming it (an address, a reference) in the local
 * outbox, of `template` when given: later mail to the same address may carry other numbers.
 */
export async function mailedCode(server: TestServer, needle: string, template?: string): Promise<string> {
  const mail = (await outbox(server)).find(
    (m) =>
      (m.to === needle || m.text.includes(needle)) &&
      (template === undefined || m.template === template) &&
      /\b\d{6}\b/.test(m.text),
  );
  const code = /\b(\d{6})\b/.exec(mail?.text ?? "")?.[1];
  if (!code) throw new Error(`no code for ${needle}`);
  return code;
}

/** Signs a subscriber in with a line's number and the address on file; answers the bearer token. */
export async function subscriberSignIn(server: TestServer, msisdn: string, email: string): Promise<string> {
  expect((await server.api("POST", "/v1/subscriber/sign-in", { body: { msisdn, email } })).status).toBe(202);
  const verified = await server.api("POST", "/v1/subscriber/sign-in/verify", {
    body: { msisdn, code: await mailedCode(server, email, "subscriber_sign_in") },
  });
  expect(verified.status, JSON.stringify(verified.body)).toBe(200);
  return String(verified.body.token);
}
