import { generateKeyPairSync } from "node:crypto";
import { exportJWK } from "jose";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config/config.ts";
import { DigitalAuthError, digitalAuthClient } from "../src/digital-auth/digital-auth-app.ts";
import { DIGITAL_AUTH, failureOf } from "../src/digital-auth/protocol.ts";
import { registerDigitalAuthSimulator, SIMULATOR_PIN, SIMULATOR_PREFIX } from "../src/digital-auth/simulator.ts";
import { anna, particularsOf, runEveryJobNow, submitAndPay } from "./support/journey.ts";
import { signInAs } from "./support/staff.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

const { jpki } = inject("evidenceFixtures");
// The relying party's encryption key in the tests that build an adapter of their own.
const rsaKeys = generateKeyPairSync("rsa", { modulusLength: 2048 });
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    JITSUMEI_JPKI_TRUST_DIR: jpki.trustDir,
    DIGITAL_AUTH_SIMULATOR_CARD_KEY: jpki.signer.key,
    DIGITAL_AUTH_SIMULATOR_CARD_CERT: jpki.signer.cert,
  });
});
afterAll(async () => server?.close());

// The test card's holder (packages/evidence/src/fixtures/make-jpki-fixtures.ts), as typed in the form.
const holder = {
  ...particularsOf(anna),
  name: { family: "Jitsumei", given: "Hanako", kanji: "実名 花子" },
  sex: "female",
  address: { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", line1: "千代田1-1-1" },
  document: { type: "my_number_card", expiryDate: "2031-08-12", issuingCountry: "JPN" },
};

async function newApplication(planId = "prepaid-voice-sim", particulars: Record<string, unknown> = holder) {
  const created = await server.api("POST", "/v1/applications", {
    body: { planId, language: "en", channel: "online", contact: { email: "d@example.test" } },
  });
  const reference = String(created.body.reference);
  const token = String(created.body.accessToken);
  expect(
    (await server.api("PUT", `/v1/applications/${reference}/applicant`, { token, body: particulars })).status,
  ).toBe(200);
  return { reference, token };
}

/** The browser's part: open the authorization URL (the app's page), press a button; returns the redirect. */
async function inTheApp(
  authorizationUrl: string,
  form: Record<string, string>,
): Promise<{ status: number; location: string; html: string }> {
  const page = await fetch(authorizationUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  const action = /action="([^"]+)"/.exec(html)?.[1];
  expect(action).toBeDefined();
  const answer = await fetch(`${server.url}${action}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
    redirect: "manual",
  });
  return {
    status: answer.status,
    location: answer.headers.get("location") ?? "",
    html: answer.status === 200 ? await answer.text() : "",
  };
}

async function start(reference: string, token: string): Promise<string> {
  const started = await server.api("POST", `/v1/applications/${reference}/digital-auth/start`, { token });
  expect(started.status).toBe(201);
  return String(started.body.authorizationUrl);
}

/** Follows the app's redirect to our callback; returns where the callback sends the browser. */
async function callback(location: string): Promise<{ status: number; location: string }> {
  const back = await fetch(location, { redirect: "manual" });
  return { status: back.status, location: back.headers.get("location") ?? "" };
}

describe("the authorization request (API reference 認可エンドポイント: parameter names and examples)", () => {
  it("carries every documented parameter, S256 computed as RFC 7636 Appendix B, and the sign transaction", async () => {
    // The example request of the API reference's 認可エンドポイント (its parameter examples, joined).
    const documented = new URLSearchParams(
      "response_type=code&scope=openid name address birthdate gender sign&client_id=RP00000001" +
        "&redirect_uri=https://client.sample/uri&state=b04b31cee32645ab700dce72860047bd" +
        "&nonce=b04b31cee32645ab700dce72860047bd&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM" +
        "&code_challenge_method=S256&sign_transaction_id=65a04b4e-af8b-45a2-8713-5ec2631bab64",
    );
    const { reference, token } = await newApplication();
    const url = new URL(await start(reference, token));
    expect(url.pathname).toBe(`${SIMULATOR_PREFIX}${DIGITAL_AUTH.paths.authorize}`);
    const q = url.searchParams;
    expect(q.get("response_type")).toBe("code");
    expect(q.get("scope")?.split(" ")).toEqual(expect.arrayContaining(["openid", "sign"]));
    expect(q.get("client_id")).toMatch(/^[0-9a-zA-Z]{1,255}$/);
    expect(q.get("redirect_uri")).toBe(`${server.url}/v1/digital-auth/callback`);
    expect(q.get("state")).toMatch(/^[\x20-\x7E]{1,255}$/);
    expect(q.get("nonce")).toMatch(/^[\x20-\x7E]{1,255}$/);
    expect(q.get("nonce")).not.toBe(q.get("state"));
    expect(q.get("code_challenge")).toMatch(/^[0-9a-zA-Z_-]{43,128}$/);
    expect(q.get("code_challenge_method")).toBe("S256");
    expect(q.get("sign_transaction_id")).toMatch(/^[0-9a-f-]{36}$/);
    // Exactly the documented names (acr_values, optional, is not sent).
    expect([...q.keys()].sort()).toEqual([...documented.keys()].sort());
    // A second start gets a fresh state, nonce and challenge.
    const again = new URL(await start(reference, token)).searchParams;
    for (const p of ["state", "nonce", "code_challenge", "sign_transaction_id"])
      expect(again.get(p)).not.toBe(q.get(p));
  });

  it("the simulator refuses a request missing a required parameter, without redirecting", async () => {
    const { reference, token } = await newApplication();
    const url = new URL(await start(reference, token));
    for (const p of ["state", "nonce", "code_challenge", "sign_transaction_id"]) {
      const broken = new URL(url);
      broken.searchParams.delete(p);
      const r = await fetch(broken, { redirect: "manual" });
      expect(r.status).toBe(400);
      expect(await r.text()).toContain(p);
    }
    const plain = new URL(url);
    plain.searchParams.set("code_challenge_method", "plain");
    expect((await fetch(plain, { redirect: "manual" })).status).toBe(400);
  });
});

describe("a JPKI signature through the Digital Authentication App (simulator)", () => {
  it("signs, comes back, passes the JPKI checks with the app's certificate status, and approves a voice line", async () => {
    const { reference, token } = await newApplication();
    const app = await inTheApp(await start(reference, token), { action: "sign", pin: SIMULATOR_PIN });
    expect(app.status).toBe(303);
    const back = new URL(app.location);
    expect(back.pathname).toBe("/v1/digital-auth/callback");
    expect(back.searchParams.get("code")).toBeTruthy();
    const done = await callback(app.location);
    expect(done).toEqual({ status: 303, location: `/application/${reference}?digitalAuth=signed` });
    const status = await server.api("GET", `/v1/applications/${reference}/digital-auth`, { token });
    expect(status.body).toMatchObject({ available: true, outcome: "signed" });
    const jpkiChecks = status.body.checks as { code: string; status: string; message: string }[];
    expect(jpkiChecks.map((c) => c.code)).toContain("jpki.signature_valid");
    expect(jpkiChecks.every((c) => c.status === "pass" && c.message.length > 0)).toBe(true);
    const view = await server.api("GET", `/v1/applications/${reference}`, { token });
    expect((view.body.evidence as { kind: string }[]).map((e) => e.kind)).toEqual(["jpki"]);
    const submitted = await submitAndPay(server, reference, token);
    expect(submitted.body.state).toBe("sim_assigned");
    const checks = submitted.body.checks as { code: string; status: string; params?: { method?: string } }[];
    expect(checks.filter((c) => c.code.startsWith("jpki.")).every((c) => c.status === "pass")).toBe(true);
    expect(checks.find((c) => c.code === "policy.method_available")?.params?.method).toBe("NF_JPKI");
    // The app's raw signature was made over this application's data: NF_JPKI requires saying so, and
    // the system approves only a complete method (without it, every such case went to four eyes).
    expect(checks.find((c) => c.code === "jpki.signed_data_matches")?.status).toBe("pass");
    // The same redirect again: the state was used once and is refused.
    expect((await callback(app.location)).status).toBe(404);
  });

  it("names what differs from the card and gives the card's particulars to take; taken and signed again, it passes", async () => {
    const { reference, token } = await newApplication("prepaid-voice-sim", {
      ...holder,
      address: { ...holder.address, line1: "丸の内1-1-1" },
    });
    const app = await inTheApp(await start(reference, token), { action: "sign", pin: SIMULATOR_PIN });
    await callback(app.location);
    const status = await server.api("GET", `/v1/applications/${reference}/digital-auth`, { token });
    const match = (status.body.checks as { code: string; status: string; message: string }[]).find(
      (c) => c.code === "jpki.particulars_match_form",
    );
    expect(match?.status).toBe("review");
    expect(status.body.card).toEqual({
      name: "実名\u3000花子",
      sex: "female",
      birthDate: "1974-08-12",
      address: "東京都千代田区千代田一丁目1番1号",
    });
    // Taking the card's address changes what is signed: the old signature no longer covers the form.
    await server.api("PUT", `/v1/applications/${reference}/applicant`, { token, body: holder });
    const again = await inTheApp(await start(reference, token), { action: "sign", pin: SIMULATOR_PIN });
    expect((await callback(again.location)).location).toBe(`/application/${reference}?digitalAuth=signed`);
    expect((await server.api("GET", `/v1/applications/${reference}/digital-auth`, { token })).body.card).toBeNull();
  });

  it("asks to sign again once the signed particulars change, refuses the old signature, and matches the address without the room", async () => {
    const { reference, token } = await newApplication();
    await callback((await inTheApp(await start(reference, token), { action: "sign", pin: SIMULATOR_PIN })).location);
    // The building and room added (as a reviewer's correction asks): the certificate holds neither.
    const withRoom = { ...holder, address: { ...holder.address, line2: "ジツメイハイツ 101号室" } };
    await server.api("PUT", `/v1/applications/${reference}/applicant`, { token, body: withRoom });
    const needs = (await server.api("GET", `/v1/applications/${reference}`, { token })).body.needs as {
      field: string;
    }[];
    expect(needs.map((n) => n.field)).toEqual(["evidence.jpki"]);
    // Submitting the signature over the old address would only fail jpki.signature_valid: refused first.
    const refused = await server.api("POST", `/v1/applications/${reference}/submit`, { token });
    expect(refused).toMatchObject({ status: 422, body: { code: "application_incomplete", field: "evidence.jpki" } });
    expect((await server.api("GET", `/v1/applications/${reference}`, { token })).body.state).toBe("draft");
    await callback((await inTheApp(await start(reference, token), { action: "sign", pin: SIMULATOR_PIN })).location);
    const after = await server.api("GET", `/v1/applications/${reference}`, { token });
    expect((after.body.needs as { field: string }[]).map((n) => n.field)).toEqual(["submit"]);
    const status = await server.api("GET", `/v1/applications/${reference}/digital-auth`, { token });
    const match = (status.body.checks as { code: string; status: string }[]).find(
      (c) => c.code === "jpki.particulars_match_form",
    );
    expect(match?.status).toBe("pass");
    expect(status.body.card).toBeNull();
  });

  it("a reviewer's correction of signed particulars says in the mail to sign again; the answer sends no second correction mail", async () => {
    const { reference, token } = await newApplication("prepaid-voice-sim", {
      ...holder,
      address: { ...holder.address, line1: "丸の内1-1-1" },
    });
    await callback((await inTheApp(await start(reference, token), { action: "sign", pin: SIMULATOR_PIN })).location);
    // The certificate's address differs from the form's: a person looks, and asks for the address.
    expect((await server.api("POST", `/v1/applications/${reference}/submit`, { token })).body.state).toBe("in_review");
    const reviewer = await signInAs(server, "reviewer", "Rina Reviewer");
    await reviewer.api("POST", `/v1/staff/applications/${reference}/claim`);
    const message = "Please give the address on your My Number card.";
    const asked = await reviewer.api("POST", `/v1/staff/applications/${reference}/events`, {
      body: { type: "request_correction", fields: ["address"], message },
    });
    expect(asked.body.state).toBe("correction_requested");
    const mails = async () => {
      await runEveryJobNow(server);
      const all = (await server.api("GET", "/dev/outbox?limit=200")).body.items as { subject: string; text: string }[];
      return all.filter((m) => m.subject.includes(reference));
    };
    const asking = (await mails()).filter((m) => m.subject.includes("Please correct"));
    expect(asking).toHaveLength(1);
    expect(asking[0]?.text).toContain(message);
    expect(asking[0]?.text).toContain("sign again with your My Number card");
    // Corrected, with a room the certificate does not hold; the old signature is refused, a new one taken.
    const corrected = { ...holder, address: { ...holder.address, line2: "101" } };
    await server.api("PUT", `/v1/applications/${reference}/applicant`, { token, body: corrected });
    expect((await server.api("POST", `/v1/applications/${reference}/submit`, { token })).body).toMatchObject({
      code: "application_incomplete",
      field: "evidence.jpki",
    });
    await callback((await inTheApp(await start(reference, token), { action: "sign", pin: SIMULATOR_PIN })).location);
    const answered = await server.api("POST", `/v1/applications/${reference}/submit`, { token });
    // A reviewer who asked looks at the answer; the JPKI checks all pass now.
    expect(answered.body.state).toBe("in_review");
    const checks = answered.body.checks as { code: string; status: string }[];
    expect(checks.filter((c) => c.code.startsWith("jpki.")).every((c) => c.status === "pass")).toBe(true);
    const after = await mails();
    expect(after.filter((m) => m.subject.includes("Please correct"))).toHaveLength(1);
    expect(after.filter((m) => m.text.includes(message))).toHaveLength(1);
  });

  it("records a certificate the app reports revoked as a failing revocation check", async () => {
    const { reference, token } = await newApplication();
    const app = await inTheApp(await start(reference, token), { action: "sign_revoked", pin: SIMULATOR_PIN });
    expect((await callback(app.location)).location).toBe(`/application/${reference}?digitalAuth=checks_failed`);
    const submitted = await submitAndPay(server, reference, token);
    expect(submitted.body.state).not.toBe("sim_assigned");
    expect(submitted.body.checks).toContainEqual(
      expect.objectContaining({ code: "jpki.certificate_not_revoked", status: "fail" }),
    );
  });

  it.each([
    ["cancel", "cancelled"],
    ["card_locked", "card_locked"],
    ["certificate_expired", "certificate_expired"],
  ])("maps the app's %s to the applicant's outcome %s, and stores no evidence", async (action, outcome) => {
    const { reference, token } = await newApplication();
    const app = await inTheApp(await start(reference, token), { action });
    expect(app.status).toBe(303);
    expect(new URL(app.location).searchParams.get("error")).toBeTruthy();
    expect((await callback(app.location)).location).toBe(`/application/${reference}?digitalAuth=${outcome}`);
    const view = await server.api("GET", `/v1/applications/${reference}`, { token });
    expect(view.body.evidence).toEqual([]);
  });

  it("counts wrong PINs down and locks the PIN at the last try", async () => {
    const { reference, token } = await newApplication();
    const url = await start(reference, token);
    const first = await inTheApp(url, { action: "sign", pin: "000000" });
    expect(first.status).toBe(200);
    expect(first.html).toContain("残り 4 回");
    const action = /action="([^"]+)"/.exec(first.html)?.[1] as string;
    let last: Response | null = null;
    for (let i = 0; i < 4; i++) {
      last = await fetch(`${server.url}${action}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "action=sign&pin=000000",
        redirect: "manual",
      });
    }
    expect(last?.status).toBe(303);
    expect((await callback(last?.headers.get("location") ?? "")).location).toBe(
      `/application/${reference}?digitalAuth=pin_locked`,
    );
  });

  it("answers timeout when the applicant comes back after the session expired", async () => {
    const { reference, token } = await newApplication();
    const app = await inTheApp(await start(reference, token), { action: "sign", pin: SIMULATOR_PIN });
    server.advanceClock(11 * 60_000);
    try {
      expect((await callback(app.location)).location).toBe(`/application/${reference}?digitalAuth=timeout`);
    } finally {
      server.advanceClock(-11 * 60_000);
    }
  });

  it("refuses an unknown state and a callback without one", async () => {
    expect((await callback(`${server.url}/v1/digital-auth/callback?code=x&state=forged`)).status).toBe(404);
    expect((await callback(`${server.url}/v1/digital-auth/callback?code=x`)).status).toBe(422);
  });

  it("refuses a signature made for application A when it is replayed on application B", async () => {
    const a = await newApplication();
    const b = await newApplication();
    await callback(
      (await inTheApp(await start(a.reference, a.token), { action: "sign", pin: SIMULATOR_PIN })).location,
    );
    // What A's trip stored, posted to B as a JPKI signature by someone holding both.
    const stored = await server.database.db.query<{ id: string }>(
      "SELECT e.id FROM evidence e JOIN applications a ON a.id = e.application_id WHERE a.reference = $1",
      [a.reference],
    );
    expect(stored.rows).toHaveLength(1);
    const { signature, certificate } = await signatureOf(a.reference);
    const replayed = await server.api("POST", `/v1/applications/${b.reference}/evidence`, {
      token: b.token,
      body: { kind: "jpki", signature, certificate },
    });
    expect(replayed.body.checks).toContainEqual(
      expect.objectContaining({ code: "jpki.signature_valid", status: "fail" }),
    );
    const submitted = await submitAndPay(server, b.reference, b.token);
    expect(submitted.body.state).not.toBe("sim_assigned");
    expect(submitted.body.checks).toContainEqual(
      expect.objectContaining({ code: "jpki.signature_valid", status: "fail" }),
    );
  });
});

/** The signature and certificate a trip stored for an application (decrypted as the server does). */
async function signatureOf(reference: string): Promise<{ signature: string; certificate: string }> {
  const { findApplicationByReference } = await import("../src/applications/application-row.ts");
  const { loadApplicationData } = await import("../src/applications/load-application-data.ts");
  const application = await findApplicationByReference(server.database.db, reference);
  if (!application) throw new Error("no application");
  const { evidence } = await loadApplicationData(server.services, application);
  const jpkiEvidence = evidence.find((e) => e.kind === "jpki");
  if (jpkiEvidence?.kind !== "jpki" || !jpkiEvidence.certificate) throw new Error("no jpki evidence");
  expect(jpkiEvidence.certificateStatus).toMatchObject({ source: "digital_auth_app", status: "good" });
  return { signature: jpkiEvidence.signature, certificate: jpkiEvidence.certificate };
}

describe("the adapter's client authentication and token checks, against the simulator", () => {
  const base = () => `${server.url}${SIMULATOR_PREFIX}`;

  it("is refused with a client key the service does not know (private_key_jwt)", async () => {
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const stranger = digitalAuthClient({
      baseUrl: base,
      clientId: "JITSUMEIDEV",
      redirectUri: () => `${server.url}/v1/digital-auth/callback`,
      auth: { kind: "private_key_jwt", jwk: { ...(await exportJWK(privateKey)), alg: "ES256" } },
      decryptionKey: rsaKeys.privateKey,
    });
    const refused = await stranger.startSignature(Buffer.alloc(32)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DigitalAuthError);
    expect((refused as DigitalAuthError).code).toBe("invalid_client");
    const secret = digitalAuthClient({
      baseUrl: base,
      clientId: "JITSUMEIDEV",
      redirectUri: () => "",
      auth: { kind: "client_secret", secret: "guess" },
      decryptionKey: rsaKeys.privateKey,
    });
    expect(((await secret.startSignature(Buffer.alloc(32)).catch((e: unknown) => e)) as DigitalAuthError).code).toBe(
      "invalid_client",
    );
  });

  it("refuses a code exchanged with the wrong verifier, and a code used twice", async () => {
    const { reference, token } = await newApplication();
    const app = await inTheApp(await start(reference, token), { action: "sign", pin: SIMULATOR_PIN });
    const code = new URL(app.location).searchParams.get("code") as string;
    const adapter = server.services.digitalAuth;
    if (!adapter) throw new Error("no adapter");
    const wrong = await adapter
      .exchangeCode({ code, codeVerifier: "x".repeat(43), nonce: "n" })
      .catch((e: unknown) => e);
    expect((wrong as DigitalAuthError).code).toBe("invalid_grant");
    // The wrong try used the code up: the real redirect now fails too, and says so.
    expect((await callback(app.location)).location).toBe(`/application/${reference}?digitalAuth=failed`);
  });

  it("a result the server cannot open (tampered JWE) ends the trip as failed, stores nothing, and does not crash", async () => {
    const { reference, token } = await newApplication();
    const app = await inTheApp(await start(reference, token), { action: "sign", pin: SIMULATOR_PIN });
    // Between the server's adapter and the simulator: the result's signature ciphertext, one bit flipped.
    const network = globalThis.fetch;
    globalThis.fetch = async (input, init) => {
      const answer = await network(input, init);
      if (!String(input).endsWith("/result") || !answer.ok) return answer;
      const body = (await answer.json()) as Record<string, string>;
      const parts = String(body.signature).split(".");
      expect(parts).toHaveLength(5); // the simulator sends a compact JWE
      const ciphertext = Buffer.from(parts[3] as string, "base64url");
      ciphertext[0] = (ciphertext[0] as number) ^ 1;
      parts[3] = ciphertext.toString("base64url");
      return new Response(JSON.stringify({ ...body, signature: parts.join(".") }), { status: answer.status });
    };
    try {
      expect((await callback(app.location)).location).toBe(`/application/${reference}?digitalAuth=failed`);
    } finally {
      globalThis.fetch = network;
    }
    // The operator finds why in the audit trail; the applicant is told only that it failed.
    const audit = await server.services.db.query<{ data: Record<string, unknown> }>(
      "SELECT data FROM audit_entries WHERE action = 'application.digital_auth_returned' AND subject = $1",
      [reference],
    );
    expect(audit.rows.map((r) => r.data)).toContainEqual(
      expect.objectContaining({ outcome: "failed", failure: "jwe_undecryptable" }),
    );
    const view = await server.api("GET", `/v1/applications/${reference}`, { token });
    expect(view.body.evidence).toEqual([]);
  });

  it("refuses a signature result asked for with the client-credentials token", async () => {
    const r = await fetch(`${base()}${DIGITAL_AUTH.paths.signResult("00000000-0000-0000-0000-000000000000")}`, {
      headers: { authorization: "Bearer nothing" },
    });
    expect(r.status).toBe(401);
    expect(await r.json()).toMatchObject({ error: "invalid_token" });
  });
});

describe("the app's error codes", () => {
  it("maps every code protocol.ts names to the applicant's outcome, and anything else to failed", () => {
    const e = DIGITAL_AUTH.errors;
    expect(
      [
        e.cancelled,
        e.pinIncorrect,
        e.pinLocked,
        e.cardLocked,
        e.certificateExpired,
        e.certificateRevoked,
        e.timeout,
      ].map(failureOf),
    ).toEqual([
      "cancelled",
      "pin_incorrect",
      "pin_locked",
      "card_locked",
      "certificate_expired",
      "certificate_revoked",
      "timeout",
    ]);
    expect(failureOf("server_error")).toBe("failed");
    expect(failureOf(undefined)).toBe("failed");
  });
});

describe("production", () => {
  it("never configures the simulator: without DIGITAL_AUTH_* the method is unavailable, and its card variables are refused", () => {
    const prod = {
      NODE_ENV: "production",
      JITSUMEI_MASTER_KEY: Buffer.alloc(32, 1).toString("base64"),
      JITSUMEI_PAYMENT_NOTIFICATION_SECRET: "s".repeat(32),
      SMTP_URL: "smtp://127.0.0.1:9",
      JITSUMEI_INVOICE_REGISTRATION_NUMBER: "T1234567890123",
    };
    expect(loadConfig(prod).digitalAuth).toEqual({ kind: "unavailable" });
    expect(() =>
      loadConfig({ ...prod, DIGITAL_AUTH_SIMULATOR_CARD_KEY: "k", DIGITAL_AUTH_SIMULATOR_CARD_CERT: "c" }),
    ).toThrow(ConfigError);
    expect(() => loadConfig({ ...prod, DIGITAL_AUTH_BASE_URL: "https://auth-and-sign.example" })).toThrow(
      /DIGITAL_AUTH_CLIENT_ID/,
    );
    const real = loadConfig({
      ...prod,
      DIGITAL_AUTH_BASE_URL: "https://auth-and-sign.example/",
      DIGITAL_AUTH_CLIENT_ID: "RP00000001",
      DIGITAL_AUTH_PRIVATE_KEY_FILE: "/etc/jitsumei/digital-auth.jwk",
      DIGITAL_AUTH_DECRYPTION_KEY_FILE: "/etc/jitsumei/digital-auth-decrypt.pem",
      PUBLIC_URL: "https://shop.example",
    }).digitalAuth;
    expect(real).toMatchObject({
      kind: "app",
      baseUrl: "https://auth-and-sign.example",
      redirectUri: "https://shop.example/v1/digital-auth/callback",
    });
  });

  it("refuses to mount the simulator with NODE_ENV=production", async () => {
    const Fastify = (await import("fastify")).default;
    const app = Fastify();
    const { publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    await expect(
      registerDigitalAuthSimulator(app, {
        env: "production",
        clientId: "X",
        clientPublicJwk: { ...(await exportJWK(publicKey)), alg: "ES256" },
        rpEncryptionJwk: { ...(await exportJWK(rsaKeys.publicKey)), alg: "RSA-OAEP-256" },
        redirectUri: () => "",
        baseUrl: () => "",
        card: { keyPem: "", certificateDer: Buffer.alloc(0) },
      }),
    ).rejects.toThrow(/production/);
    await app.close();
  });
});
