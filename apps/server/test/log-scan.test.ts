import { once } from "node:events";
import { createWriteStream, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  activationCodeFromOutbox,
  jobsSettled,
  type Person,
  particularsOf,
  signedPostpaid,
  submitAndPay,
  td3,
} from "./support/journey.ts";
import { signInAs } from "./support/staff.ts";
import { subscriberSignIn } from "./support/subscriber.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * Personal data never reaches the log. A server logging at `trace` into a file runs journeys that
 * carry every kind of personal data the tests use (names, a passport number, a birth date, an
 * address, a phone number, an e-mail address, a line's number in a URL, a refused form), then the
 * file is searched for each of them and for any 12-digit number (a My Number).
 */

const sakura: Person = {
  family: "YAMAKAWA",
  given: "SAKURA KIRI",
  birthDate: "1988-11-23",
  nationality: "UTO",
  documentNumber: "TK5829371",
  expiryDate: "2034-04-15",
  sex: "F",
};
const kenta: Person = {
  ...sakura,
  family: "OKUDAIRA",
  given: "KENTA",
  birthDate: "1979-03-07",
  sex: "M",
  documentNumber: "TM7730614",
};
const email = { sakura: "sakura.yamakawa@example.test", kenta: "kenta.okudaira@example.test" };
const phone = "+81 90 7357 2468";
const address = { postalCode: "153-0042", prefecture: "東京都", city: "目黒区青葉台", line1: "青葉台4-17-29" };

const logFile = join(mkdtempSync(join(tmpdir(), "jitsumei-log-")), "server.log");
const stream = createWriteStream(logFile);
let server: TestServer;
const seen: string[] = []; // line numbers handed out during the run, searched for too

beforeAll(async () => {
  server = await startTestServer({ LOG_LEVEL: "trace" }, { logStream: stream });
}, 60_000);
afterAll(async () => {
  if (!stream.closed) stream.end();
});

async function readLog(): Promise<string> {
  await server.close();
  stream.end();
  await once(stream, "finish");
  return readFileSync(logFile, "utf8");
}

/** Every written form of the personal data the journeys used. */
function needles(): string[] {
  const forms = (p: Person) => [
    p.family,
    p.given,
    p.given.split(" ")[0] ?? p.given,
    p.family.charAt(0) + p.family.slice(1).toLowerCase(),
    p.documentNumber,
    p.birthDate,
    p.birthDate.slice(2).replaceAll("-", ""),
    p.birthDate.replaceAll("-", ""),
  ];
  return [
    ...forms(sakura),
    ...forms(kenta),
    email.sakura,
    email.kenta,
    "sakura.yamakawa",
    phone,
    phone.replace(/\D/g, ""),
    "7357 2468",
    "73572468",
    address.postalCode,
    address.city,
    address.line1,
    ...seen,
  ];
}

describe("logs", () => {
  it("hold no personal data after journeys that carry all of it", async () => {
    // 1. A prepaid line applied for with a phone number, activated, signed into and ended by the subscriber.
    const created = await server.api("POST", "/v1/applications", {
      body: {
        planId: "prepaid-data-esim",
        language: "en",
        channel: "online",
        contact: { email: email.sakura, phone },
      },
    });
    expect(created.status).toBe(201);
    const reference = String(created.body.reference);
    const token = String(created.body.accessToken);
    // A refused form first: the answer names the field, the log must not repeat the values.
    const refused = await server.api("PUT", `/v1/applications/${reference}/applicant`, {
      token,
      body: particularsOf(sakura, { birthDate: "23/11/1988" }),
    });
    expect(refused.status).toBe(422);
    expect(
      (await server.api("PUT", `/v1/applications/${reference}/applicant`, { token, body: particularsOf(sakura) }))
        .status,
    ).toBe(200);
    const badMrz = await server.api("POST", `/v1/applications/${reference}/evidence`, {
      token,
      body: { kind: "mrz", lines: [td3(sakura)[0], `${td3(sakura)[1].slice(0, 43)}0`] },
    });
    expect(badMrz.status).toBe(422);
    await server.api("POST", `/v1/applications/${reference}/evidence`, {
      token,
      body: { kind: "mrz", lines: td3(sakura) },
    });
    expect((await submitAndPay(server, reference, token)).status).toBe(200);
    await server.api("POST", `/v1/applications/${reference}/activation-code`, { token });
    const code = await activationCodeFromOutbox(server, reference);
    const activated = await server.api("POST", `/v1/applications/${reference}/activation`, { token, body: { code } });
    expect(activated.status).toBe(200);
    const msisdn = String(activated.body.msisdn);
    seen.push(msisdn);
    expect((await server.api("GET", `/v1/applications/${reference}/data-export`, { token })).status).toBe(200);

    const subscriber = await subscriberSignIn(server, msisdn, email.sakura);
    expect((await server.api("GET", "/v1/subscriber/lines", { token: subscriber })).status).toBe(200);
    const ended = await server.api("POST", `/v1/subscriber/lines/${msisdn}/termination`, { token: subscriber });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);

    // 2. A postpaid contract with an address, reviewed by staff, who also open the case and look it up.
    const reviewer = await signInAs(server, "reviewer");
    const agent = await signInAs(server, "agent");
    const postpaid = await signedPostpaid(server, reviewer, kenta, { email: email.kenta, address });
    expect(postpaid.state).not.toBe("in_review");
    expect((await reviewer.api("GET", `/v1/staff/applications/${postpaid.reference}`)).status).toBe(200);
    expect((await agent.api("GET", `/v1/staff/lookup/${postpaid.reference}`)).status).toBe(200);
    expect(
      (await server.api("GET", `/v1/applications/${postpaid.reference}/contract`, { token: postpaid.token })).status,
    ).toBe(200);
    await jobsSettled(server);

    // 3. Secrets in headers, were a request's headers ever logged, are cut by the redaction.
    const headers = {
      authorization: `Bearer ${token}`,
      cookie: reviewer.cookie,
      "idempotency-key": "a-secret-idempotency-key-0001",
      "x-csrf-token": reviewer.csrfToken,
    };
    server.app.log.info({ headers }, "redaction probe");
    server.app.log.info({ request: { headers } }, "redaction probe");

    const log = await readLog();
    const entries = log.trim().split("\n");
    // The log was really written, at the most detailed level, with every request in it (one line each:
    // a successful read at debug, everything else at info).
    const requests = entries.map((e) => JSON.parse(e) as { msg?: string; req?: { method?: string } });
    const requestLines = requests.filter((e) => e.msg === "request");
    expect(requestLines.length).toBeGreaterThan(25);
    expect(requestLines.map((e) => e.req?.method)).toEqual(expect.arrayContaining(["GET", "POST", "PUT"]));
    expect(server.app.log.level).toBe("trace");
    expect(log).toContain("/termination");
    expect(log).toContain("redaction probe");

    const found = needles().filter((needle) => log.includes(needle));
    expect(found).toEqual([]);
    // Twelve digits on their own (not the fraction of a response time).
    expect(log.match(/(?<![\d.])\d{12}(?![\d.])/g) ?? []).toEqual([]);
    expect(log).not.toContain(token);
    expect(log).not.toContain(subscriber);
    expect(log).not.toContain(reviewer.cookie.split("=")[1]);
    expect(log).not.toContain("a-secret-idempotency-key-0001");
    expect(log).not.toContain(reviewer.csrfToken);
    expect(log).toContain("[redacted]");
  }, 120_000);
});
