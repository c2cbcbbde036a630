import { mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDevelopmentSigner } from "@jitsumei/documents";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { registerMnpLinesPage } from "../src/number-portability/mnp-lines-page.ts";
import { parseHandoff, registerReaderAppSimulator } from "../src/reader/reader-app-simulator.ts";
import { particularsOf, somebody } from "./support/journey.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * The demo's reader app and MNP counter (development only): the reader app simulator plays the phone
 * app's part of docs/reader-contract.md on the demo chips; /dev/mnp issues a reservation number as
 * POST /dev/mnp/lines does. Neither exists in production.
 */
let server: TestServer;
let production: TestServer;

beforeAll(async () => {
  // The data folder's demo-evidence/ is what `npm start` makes; the test run's chip fixtures have its layout.
  const fixtures = inject("evidenceFixtures");
  const dataDir = mkdtempSync(join(tmpdir(), "jitsumei-reader-sim-"));
  symlinkSync(fixtures.root, join(dataDir, "demo-evidence"));
  server = await startTestServer({ JITSUMEI_DATA_DIR: dataDir, JITSUMEI_CSCA_DIR: fixtures.chip.trustDir });
  const signer = createDevelopmentSigner(mkdtempSync(join(tmpdir(), "jitsumei-prod-signer-")));
  production = await startTestServer({
    NODE_ENV: "production",
    JITSUMEI_SIGNING_P12: signer.files.signer,
    JITSUMEI_SIGNING_PASSPHRASE: signer.signer.passphrase,
    JITSUMEI_TSA_URL: "http://127.0.0.1:9/tsa",
    JITSUMEI_PAYMENT_NOTIFICATION_SECRET: "n".repeat(32),
    SMTP_URL: "smtp://127.0.0.1:9",
    JITSUMEI_INVOICE_REGISTRATION_NUMBER: "T1234567890123",
    ALLOW_SIMULATORS: "smdp,provisioning,numberPortability,payment,sms,delivery,creditExchange,paymentMethodCheck",
  });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await production?.close();
});

async function form(base: string, path: string, body?: Record<string, string>) {
  const r = await fetch(`${base}${path}`, {
    method: body ? "POST" : "GET",
    ...(body
      ? { headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(body) }
      : {}),
  });
  return { status: r.status, type: r.headers.get("content-type"), html: await r.text() };
}

async function voiceApplicationWithHandoff() {
  const created = await server.api("POST", "/v1/applications", {
    body: { planId: "prepaid-voice-sim", language: "en", channel: "online", contact: { email: "r@example.test" } },
  });
  const reference = String(created.body.reference);
  const token = String(created.body.accessToken);
  const address = { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", line1: "千代田1-1-1" };
  const put = await server.api("PUT", `/v1/applications/${reference}/applicant`, {
    token,
    body: particularsOf(somebody(), { address }),
  });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
  const handoff = await server.api("POST", `/v1/applications/${reference}/handoff`, {
    token,
    body: { purpose: "chip_reader" },
  });
  expect(handoff.status).toBe(201);
  return { reference, token, url: String(handoff.body.url) };
}

describe("the reader app simulator (development)", () => {
  it("takes the hand-off address, exchanges it once and uploads the demo passport chip, whose checks pass", async () => {
    const empty = await form(server.url, "/dev/reader-app");
    expect(empty).toMatchObject({ status: 200, type: "text/html; charset=utf-8" });
    expect(empty.html).toContain("Reader app simulator for development");

    const { reference, url } = await voiceApplicationWithHandoff();
    const sent = await form(server.url, "/dev/reader-app", { handoff: url, document: "passport" });
    expect(sent.status, sent.html).toBe(200);
    expect(sent.html).toContain(`Chip sent for ${reference}`);
    expect(sent.html).toMatch(/<strong>pass<\/strong> <code>chip\.sod_signature<\/code>/);
    const { rows } = await server.services.db.query<{ kind: string }>(
      "SELECT e.kind FROM evidence e JOIN applications a ON a.id = e.application_id WHERE a.reference = $1",
      [reference],
    );
    expect(rows.map((r) => r.kind)).toContain("chip");

    // The same QR code a second time: the server refuses the spent hand-off, and the page says so.
    const again = await form(server.url, "/dev/reader-app", { handoff: url, document: "passport" });
    expect(again.status).toBe(410);
    expect(again.html).toContain("handoff_used");
  });

  it("uploads the demo residence card chip", async () => {
    const { reference, url } = await voiceApplicationWithHandoff();
    const sent = await form(server.url, "/dev/reader-app", { handoff: url, document: "residence_card" });
    expect(sent.status, sent.html).toBe(200);
    expect(sent.html).toContain(`Chip sent for ${reference}`);
    const { rows } = await server.services.db.query<{ kind: string }>(
      "SELECT e.kind FROM evidence e JOIN applications a ON a.id = e.application_id WHERE a.reference = $1",
      [reference],
    );
    expect(rows.map((r) => r.kind)).toContain("residence_card_chip");
  });

  it("refuses an address that is no hand-off", async () => {
    const bad = await form(server.url, "/dev/reader-app", { handoff: "https://example.test/x", document: "passport" });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('role="alert"');
    expect(parseHandoff("http://localhost:3000/reader/JT-AB12-CD34-5#jho_abc")).toEqual({
      reference: "JT-AB12-CD34-5",
      token: "jho_abc",
    });
    expect(parseHandoff("http://localhost:3000/reader/JT-AB12-CD34-5")).toBeNull();
  });
});

describe("the MNP page (development)", () => {
  it("opens a line at the simulated operator and shows its reservation number", async () => {
    const page = await form(server.url, "/dev/mnp");
    expect(page.status).toBe(200);
    expect(page.html).toContain('name="msisdn"');
    const issued = await form(server.url, "/dev/mnp", {
      msisdn: "090-1234-5678",
      name: "Anna Eriksson",
      kana: "",
      birthDate: "1974-08-12",
    });
    expect(issued.status, issued.html).toBe(200);
    const number = /id="reservation-number">(\d{10})</.exec(issued.html)?.[1];
    expect(number).toMatch(/^\d{10}$/);
    expect(issued.html).toContain('id="msisdn">09012345678<');
    // Bad input is named: a number that is no mobile number.
    const bad = await form(server.url, "/dev/mnp", { msisdn: "0312345678", name: "A", birthDate: "1974-08-12" });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain("msisdn");
  });
});

describe("production", () => {
  it("has neither page, nor the site naming a reader app", async () => {
    for (const path of ["/dev/reader-app", "/dev/reader-app/app.css", "/dev/mnp"]) {
      expect((await fetch(`${production.url}${path}`)).status, path).toBe(404);
    }
    const posted = await form(production.url, "/dev/reader-app", { handoff: "x", document: "passport" });
    expect(posted.status).toBe(404);
    expect((await production.api("GET", "/v1/site-config")).body.chipReader).toMatchObject({ available: false });
  });

  it("refuses to mount either with NODE_ENV=production", async () => {
    const app = Fastify();
    await expect(registerReaderAppSimulator(app, { env: "production", demoEvidenceDir: "/nowhere" })).rejects.toThrow(
      /production/,
    );
    await expect(registerMnpLinesPage(app, { env: "production" })).rejects.toThrow(/production/);
    await app.close();
  });
});
