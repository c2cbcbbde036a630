import { execFileSync, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { verifyAuditChain } from "../src/audit/audit-chain.ts";
import { luhnDigit } from "../src/inventory/seed-demo-data.ts";
import { expireKonbiniPayments } from "../src/payments/konbini-payments.ts";
import type { LocalTestGateway } from "../src/payments/local-test-gateway.ts";
import { createTopUpVouchers } from "../src/retail/top-up-vouchers.ts";
import { anna, draftApplication, fillIn, particularsOf, somebody } from "./support/journey.ts";
import { driveToSigned } from "./support/postpaid.ts";
import { type StaffClient, signInAs } from "./support/staff.ts";
import { createTestDatabase, testDatabaseKind } from "./support/test-database.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

const { chip } = inject("evidenceFixtures");
let server: TestServer;
let admin: StaffClient;
let clerk: StaffClient;
let gateway: LocalTestGateway;
const work = mkdtempSync(join(tmpdir(), "jitsumei-retail-"));

type CsvRow = { serial: string; registration_code: string; iccid: string; status: string; registration_link: string };

async function staffFile(client: StaffClient, path: string) {
  const response = await fetch(`${server.url}${path}`, { headers: { cookie: client.cookie } });
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

/** Signs in again when the clock moved past the session's life (a TOTP code is taken once: only then). */
async function ensureSignedIn(client: StaffClient) {
  if ((await client.api("GET", "/v1/staff/session")).status === 401) await client.signInAgain();
}

/** RFC 4180 fields: quoted where a value holds a comma (the plan's name). */
function csvFields(line: string): string[] {
  return [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
    .filter((m) => m.index < line.length || m[1] !== "")
    .map((m) => (m[1]?.startsWith('"') ? m[1].slice(1, -1).replaceAll('""', '"') : (m[1] ?? "")));
}

function parseCsv(text: string): CsvRow[] {
  const [header, ...lines] = text.trim().split("\n");
  const names = csvFields(header ?? "");
  return lines.map((line) => Object.fromEntries(csvFields(line).map((v, i) => [names[i], v])) as CsvRow);
}

async function makeBatch(planId: string, channel: string, count: number) {
  const created = await admin.api("POST", "/v1/staff/package-batches", { body: { planId, channel, count } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const batchId = String(created.body.batchId);
  const csv = await staffFile(admin, `/v1/staff/package-batches/${batchId}/packages.csv`);
  expect(csv.status).toBe(200);
  expect(csv.type).toMatch(/^text\/csv/);
  return { batchId, summary: created.body, rows: parseCsv(csv.bytes.toString("utf8")) };
}

async function auditCount(action: string): Promise<number> {
  const { rows } = await server.services.db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM audit_entries WHERE action = $1",
    [action],
  );
  return rows[0]?.n ?? 0;
}

async function register(code: string, headers: Record<string, string> = {}, language?: string) {
  return server.api("POST", "/v1/packages/registrations", {
    headers,
    body: { code, ...(language ? { language } : {}), contact: { email: "traveller@example.test" } },
  });
}

/** The newest activation mail's code, in whatever language the application chose. */
async function activationCode(reference: string): Promise<string> {
  await server.services.jobs.drain();
  const outbox = await server.api("GET", "/dev/outbox");
  const mail = (outbox.body.items as { subject: string; text: string }[]).find(
    (m) =>
      m.text.includes(reference) && /(activation code|开通码|開通碼|開通コード|アクティベーション)/i.test(m.subject),
  );
  const code = /\b(\d{6})\b/.exec(mail?.subject ?? "")?.[1];
  if (!code) throw new Error(`no activation code for ${reference} in the outbox`);
  return code;
}

/** Fills in, submits and activates a registered application: the rest of the prepaid journey. */
async function completeJourney(reference: string, token: string) {
  await fillIn(server, reference, token, somebody());
  const submitted = await server.api("POST", `/v1/applications/${reference}/submit`, { token });
  // The package was paid for at the shop's till: no online payment is asked, the SIM comes at once.
  expect(submitted.body.state, JSON.stringify(submitted.body)).toBe("sim_assigned");
  const purchase = await server.api("GET", `/v1/applications/${reference}/purchase`, { token });
  expect(purchase.body).toMatchObject({ status: "not_due", amountJpy: 0, payments: [] });
  await server.api("POST", `/v1/applications/${reference}/activation-code`, { token });
  const code = await activationCode(reference);
  const activated = await server.api("POST", `/v1/applications/${reference}/activation`, { token, body: { code } });
  expect(activated.status, JSON.stringify(activated.body)).toBe(200);
  return activated.body;
}

async function packageRow(code: string) {
  const { rows } = await server.services.db.query<{
    status: string;
    application_id: string | null;
    esim_profile_id: string | null;
    sold_by: string | null;
  }>(
    "SELECT p.status, p.application_id, p.esim_profile_id::text AS esim_profile_id, p.sold_by FROM retail_packages p JOIN retail_batches b ON b.id = p.batch_id WHERE p.code_hint = $1",
    [`${code.slice(0, 4)}-…`],
  );
  return rows[0];
}

beforeAll(async () => {
  // The counter reads the ID's IC chip: the test chips' country CA is trusted.
  server = await startTestServer({ JITSUMEI_CSCA_DIR: chip.trustDir });
  gateway = server.services.payments.gateway as LocalTestGateway;
  admin = await signInAs(server, "admin");
  clerk = await signInAs(server, "clerk");
}, 60_000);
afterAll(async () => server?.close());

describe("a konbini package", () => {
  it("goes from batch creation to an active line, its first top-up paid at a convenience store", async () => {
    const { batchId, summary, rows } = await makeBatch("prepaid-data-esim", "konbini", 3);
    expect(summary).toMatchObject({ planId: "prepaid-data-esim", channel: "konbini", formFactor: "esim", count: 3 });
    expect(summary.statuses).toEqual({ in_stock: 3, sold: 0, registered: 0, activated: 0, void: 0 });
    expect(rows).toHaveLength(3);
    const first = rows[0] as CsvRow;
    expect(first.registration_code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(first.registration_link).toBe(
      `${server.services.config.publicUrl}/register?code=${first.registration_code}`,
    );
    // The eSIM profiles left the online stock with the batch.
    const packaged = await server.services.db.query("SELECT 1 FROM esim_profiles WHERE status = 'packaged'");
    expect(packaged.rows.length).toBeGreaterThanOrEqual(3);

    // The store's till records the sale.
    const sold = await clerk.api("POST", "/v1/staff/packages/sales", { body: { code: first.registration_code } });
    expect(sold.status, JSON.stringify(sold.body)).toBe(200);
    expect(sold.body).toMatchObject({ status: "sold", batchId, serial: 1 });

    // Typed sloppily, in a browser that prefers Simplified Chinese.
    const typed = first.registration_code.toLowerCase().replaceAll("-", " ").replaceAll("0", "o");
    const registered = await register(typed, { "accept-language": "zh-CN,zh;q=0.9,en;q=0.5" });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    expect(registered.body).toMatchObject({
      planId: "prepaid-data-esim",
      language: "zh-Hans",
      state: "draft",
      formFactor: "esim",
    });
    const reference = String(registered.body.reference);
    const token = String(registered.body.accessToken);
    expect((await packageRow(first.registration_code))?.status).toBe("registered");

    const active = await completeJourney(reference, token);
    expect(active.state).toBe("active");
    // The line is the package's own eSIM profile, not one from the online stock.
    const line = await server.services.db.query<{ esim_profile_id: string }>(
      "SELECT esim_profile_id::text AS esim_profile_id FROM sims s JOIN applications a ON a.id = s.application_id WHERE a.reference = $1",
      [reference],
    );
    const pkg = await packageRow(first.registration_code);
    expect(line.rows[0]?.esim_profile_id).toBe(pkg?.esim_profile_id);
    expect(pkg).toMatchObject({ status: "activated", sold_by: `staff:${clerk.id}` });

    // The first top-up, at a convenience store.
    const requested = await server.api("POST", `/v1/applications/${reference}/top-ups`, {
      token,
      body: { method: "konbini" },
    });
    expect(requested.status, JSON.stringify(requested.body)).toBe(201);
    expect(requested.body).toMatchObject({
      status: "pending",
      amountJpy: 2200,
      validityDays: 180, // the plan's keep-alive rules: 180 days from a paid top-up
      paymentStatus: "pending",
    });
    const slip = requested.body.konbini as { paymentNumber: string; barcode: string; expiresAt: string };
    expect(slip.paymentNumber).toMatch(/^\d{12}$/);
    expect(slip.barcode).toMatch(/^91\d{42}$/);
    expect(Date.parse(slip.expiresAt)).toBeGreaterThan(server.services.clock().getTime());

    // The payer hands over cash; the provider's signed notification reaches our server over HTTP.
    await gateway.payAtKonbini(slip.paymentNumber);
    await gateway.settle();
    const delivered = gateway.notifications.at(-1);
    expect(delivered?.deliveredStatus).toBe(200);
    expect(delivered?.headers["x-payment-signature"]).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);

    const topUp = await server.api("GET", `/v1/applications/${reference}/top-ups/${String(requested.body.id)}`, {
      token,
    });
    expect(topUp.body).toMatchObject({ status: "credited", paymentStatus: "captured" });
    const validUntil = Date.parse(String(topUp.body.validUntil));
    // 180 days from the top-up: the purchase's own 180 days are not added to (the maximum is 180).
    expect(validUntil - server.services.clock().getTime()).toBeGreaterThan(179.9 * 86_400_000);
    expect(validUntil - server.services.clock().getTime()).toBeLessThan(180.1 * 86_400_000);

    // The same notification delivered again credits nothing twice.
    const again = await server.api("POST", "/v1/payments/notifications", {
      rawBody: delivered?.rawBody ?? "",
      headers: delivered?.headers ?? {},
    });
    expect(again.body).toEqual({ received: true, applied: false });
    const topUps = await server.services.db.query("SELECT 1 FROM top_ups WHERE status = 'credited'");
    expect(topUps.rows.length).toBe(1);

    const batch = await admin.api("GET", `/v1/staff/package-batches/${batchId}`);
    expect(batch.body.statuses).toEqual({ in_stock: 2, sold: 0, registered: 0, activated: 1, void: 0 });
  }, 60_000);
});

describe("registration codes that do not work", () => {
  it("fail with a clear reason: reused, mistyped, unknown, void", async () => {
    const { rows } = await makeBatch("prepaid-voice-sim", "airport", 3);
    const [used, typo, voided] = rows.map((r) => r.registration_code);

    const first = await register(String(used), {}, "en");
    expect(first.status).toBe(201);
    const reused = await register(String(used), {}, "en");
    expect(reused.status).toBe(409);
    expect(reused.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(reused.body).toMatchObject({
      code: "package_already_registered",
      field: "code",
      reason: "already_registered",
      message: "This registration code has already been used. Please ask the shop where you bought it.",
    });

    // One character wrong: the check character catches it before the database is asked.
    const plain = String(typo);
    const wrong = `${plain.slice(0, 5)}${plain[5] === "A" ? "B" : "A"}${plain.slice(6)}`;
    const mistyped = await register(wrong, {}, "vi");
    expect(mistyped.status).toBe(422);
    expect(mistyped.body).toMatchObject({ code: "registration_code_invalid", field: "code", reason: "mistyped" });
    expect(String(mistyped.body.message)).toMatch(/Mã đăng ký bị nhập sai/);

    // Well formed, check character right, but never issued.
    const unknown = await register("0000-0000-0000-0000", {}, "ko");
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: "registration_code_invalid", reason: "unknown" });

    const list = await server.services.db.query<{ id: string }>("SELECT id FROM retail_packages WHERE code_hint = $1", [
      `${String(voided).slice(0, 4)}-…`,
    ]);
    const packageId = String(list.rows[0]?.id);
    const freeText = await admin.api("POST", `/v1/staff/packages/${packageId}/void`, {
      body: { reason: "Mr X lost it" },
    });
    expect(freeText.status).toBe(422);
    expect(freeText.body).toMatchObject({ code: "validation_failed", field: "reason" });
    const voidedNow = await admin.api("POST", `/v1/staff/packages/${packageId}/void`, { body: { reason: "damaged" } });
    expect(voidedNow.body).toMatchObject({ status: "void" });
    const refused = await register(String(voided), {}, "ja");
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: "package_void", field: "code", reason: "void" });
    expect(String(refused.body.message)).toMatch(/無効/);

    // A void package cannot be sold, nor voided twice.
    const sell = await clerk.api("POST", "/v1/staff/packages/sales", { body: { code: String(voided) } });
    expect(sell.status).toBe(409);
    expect(sell.body).toMatchObject({ code: "package_step_not_allowed" });

    // The refusals are audited without the code typed; the chain still verifies.
    const audit = await server.services.db.query<{ data: unknown }>(
      "SELECT data FROM audit_entries WHERE action = 'retail.registration_code_refused'",
    );
    expect(audit.rows.length).toBeGreaterThanOrEqual(4);
    const all = JSON.stringify((await server.services.db.query("SELECT subject, data FROM audit_entries")).rows);
    for (const code of [used, typo, voided]) expect(all).not.toContain(String(code).replaceAll("-", ""));
    for (const code of [used, typo, voided]) expect(all).not.toContain(String(code));
    expect((await verifyAuditChain(server.services.db)).valid).toBe(true);
  }, 60_000);

  it("are throttled after ten wrong codes from one client: 20 guesses get 429", async () => {
    // A fresh window: the earlier refusals are more than 15 minutes old.
    server.advanceClock(16 * 60_000);
    await ensureSignedIn(admin);
    const { rows } = await makeBatch("prepaid-data-esim", "shop", 1);
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const guess = await register(`ZZZZ-ZZZZ-ZZZZ-${String(i).padStart(3, "0")}0`, {}, "en");
      statuses.push(guess.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 422)).toBe(true);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
    // Even the right code waits now; the answer says how long.
    const right = await register(String(rows[0]?.registration_code), {}, "en");
    expect(right.status).toBe(429);
    expect(right.body).toMatchObject({ code: "rate_limited", field: "code" });
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(0);
    server.advanceClock(16 * 60_000);
    expect((await register(String(rows[0]?.registration_code), {}, "en")).status).toBe(201);
  }, 60_000);

  it("hold the limit when fifty wrong codes arrive at once: ten are checked, forty get 429", async () => {
    server.advanceClock(16 * 60_000);
    const refusedBefore = await auditCount("retail.registration_code_refused");
    const guesses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => register(`ZZZZ-ZZZZ-ZZZZ-${String(i).padStart(3, "0")}0`, {}, "en")),
    );
    const statuses = guesses.map((g) => g.status);
    expect(statuses.filter((s) => s === 422)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40);
    expect((await auditCount("retail.registration_code_refused")) - refusedBefore).toBe(10);
    // Nothing is left pending: ten wrong codes are counted, with their reason.
    const { rows } = await server.services.db.query<{ reason: string }>(
      "SELECT reason FROM retail_code_failures WHERE created_at > $1",
      [new Date(server.services.clock().getTime() - 60_000)],
    );
    expect(rows).toHaveLength(10);
    expect(rows.filter((r) => r.reason === "pending")).toEqual([]);
    server.advanceClock(16 * 60_000); // the tests after this one start with a clean window
  }, 60_000);
});

describe("the label sheet", () => {
  it("renders, and every QR code decodes with zbarimg to its package's registration link", async () => {
    await ensureSignedIn(admin);
    const { batchId, rows } = await makeBatch("prepaid-voice-sim", "airport", 5);
    const pdf = await staffFile(admin, `/v1/staff/package-batches/${batchId}/labels.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe("application/pdf");
    expect(pdf.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const file = join(work, "labels.pdf");
    writeFileSync(file, pdf.bytes);
    execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", file, join(work, "preview")]);
    execFileSync("pdftoppm", ["-png", "-r", "200", "-f", "1", "-l", "1", file, join(work, "scan")]);
    const decoded = execFileSync("zbarimg", ["--raw", "-q", join(work, "scan-1.png")], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    })
      .trim()
      .split("\n")
      .sort();
    expect(decoded).toEqual(rows.map((r) => r.registration_link).sort());
    // The printed codes are on the sheet as text, beside the plan's name in three languages.
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
    for (const row of rows) expect(text).toContain(row.registration_code);
    expect(text).toContain("プリペイド音声SIM 30日");
    expect(text).toContain("Prepaid voice SIM, 30 days");
    expect(text).toContain("预付费语音SIM卡 30天");
  }, 60_000);
});

describe("a batch's codes for the console", () => {
  it("lists the latest batches and gives the codes as a table, each export of them audited", async () => {
    await ensureSignedIn(admin);
    await ensureSignedIn(clerk);
    const { batchId, rows } = await makeBatch("prepaid-data-esim", "konbini", 3);
    const list = await admin.api("GET", "/v1/staff/package-batches?limit=5");
    expect(list.status).toBe(200);
    const items = list.body.items as { batchId: string; count: number; statuses: Record<string, number> }[];
    expect(items[0]).toMatchObject({ batchId, count: 3, statuses: { in_stock: 3, sold: 0 } });
    expect((await admin.api("GET", "/v1/staff/package-batches?limit=0")).status).toBe(422);

    const codes = await admin.api("GET", `/v1/staff/package-batches/${batchId}/packages`);
    expect(codes.status).toBe(200);
    const table = codes.body.items as { serial: number; code: string; link: string; status: string }[];
    expect(table.map((p) => p.code)).toEqual(rows.map((r) => r.registration_code));
    expect(table.map((p) => p.link)).toEqual(rows.map((r) => r.registration_link));
    expect(codes.headers.get("cache-control")).toBe("no-store");
    // A clerk sells packages but never reads a batch's codes.
    expect((await clerk.api("GET", `/v1/staff/package-batches/${batchId}/packages`)).status).toBe(403);
    await staffFile(admin, `/v1/staff/package-batches/${batchId}/labels.pdf`);

    const audit = await server.services.db.query<{ action: string; data: { format?: string } }>(
      "SELECT action, data FROM audit_entries WHERE subject = $1 ORDER BY seq",
      [batchId],
    );
    expect(audit.rows.map((r) => [r.action, r.data.format ?? null])).toEqual([
      ["retail.batch_created", null],
      ["retail.batch_codes_exported", "csv"],
      ["retail.batch_codes_exported", "table"],
      ["retail.batch_codes_exported", "labels"],
    ]);
    // The audit trail names the export, never a code.
    const written = JSON.stringify(audit.rows);
    for (const row of rows) expect(written).not.toContain(row.registration_code);
  }, 60_000);

  it("makes one batch for a request retried under the same Idempotency-Key (the console sends one)", async () => {
    await ensureSignedIn(admin);
    const key = randomUUID();
    const make = () =>
      admin.api("POST", "/v1/staff/package-batches", {
        body: { planId: "prepaid-data-esim", channel: "shop", count: 2 },
        headers: { "idempotency-key": key },
      });
    const first = await make();
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const again = await make();
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body.batchId).toBe(first.body.batchId);
    const made = await server.services.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_entries WHERE action = 'retail.batch_created' AND subject = $1",
      [first.body.batchId],
    );
    expect(made.rows[0]?.n).toBe(1);
  });
});

describe("top-up vouchers", () => {
  it("extend an active line once; a second use is refused", async () => {
    const { rows } = await makeBatch("prepaid-data-esim", "shop", 1);
    const registered = await register(String(rows[0]?.registration_code), {}, "en");
    const reference = String(registered.body.reference);
    const token = String(registered.body.accessToken);
    await completeJourney(reference, token);
    const { codes } = await createTopUpVouchers(server.services, {
      planId: "prepaid-data-esim",
      count: 2,
      actor: "test",
    });
    const redeemed = await server.api("POST", `/v1/applications/${reference}/top-ups`, {
      token,
      body: { method: "voucher", code: String(codes[0]) },
    });
    expect(redeemed.status, JSON.stringify(redeemed.body)).toBe(201);
    expect(redeemed.body).toMatchObject({ status: "credited", validityDays: 180, paymentId: null });
    const reused = await server.api("POST", `/v1/applications/${reference}/top-ups`, {
      token,
      body: { method: "voucher", code: String(codes[0]) },
    });
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({ code: "voucher_already_redeemed", field: "code" });
  }, 60_000);
});

describe("a deposit paid at a convenience store", () => {
  it("gives a slip, and the till's signed notification pays the deposit and issues the SIM", async () => {
    const { reference, token } = await draftApplication(server, "postpaid-voice", somebody());
    const application = await driveToSigned(server.services, reference, { billingMethod: "convenience_store" });
    expect(application.state).toBe("deposit_pending");
    const slip = await server.api("POST", `/v1/applications/${reference}/deposit/payments`, {
      token,
      body: { method: "konbini" },
    });
    expect(slip.status, JSON.stringify(slip.body)).toBe(201);
    expect(slip.body).toMatchObject({ state: "deposit_pending", payment: { status: "pending", amountJpy: 10000 } });
    const konbini = slip.body.konbini as { paymentNumber: string };
    // Asking again gives the same slip (the same payment, the same number).
    const again = await server.api("POST", `/v1/applications/${reference}/deposit/payments`, {
      token,
      body: { method: "konbini" },
    });
    expect((again.body.konbini as { paymentNumber: string }).paymentNumber).toBe(konbini.paymentNumber);
    // A card cannot start while the slip is out.
    const card = await server.api("POST", `/v1/applications/${reference}/deposit/payments`, {
      token,
      body: { method: "card", cardToken: "tok_test_ok" },
    });
    expect(card.status).toBe(409);
    expect(card.body).toMatchObject({ code: "deposit_not_due", field: "method" });

    await gateway.payAtKonbini(konbini.paymentNumber);
    await gateway.settle();
    const now = await server.api("GET", `/v1/applications/${reference}`, { token });
    expect(["sim_assigned", "ready_to_issue"]).toContain(now.body.state);
    const deposit = await server.api("GET", `/v1/applications/${reference}/deposit`, { token });
    expect(deposit.body).toMatchObject({ status: "paid" });
  }, 60_000);
});

describe("airport counter mode", () => {
  it("sells a voice package, reads the ID's chip face to face, activates on the spot once approved, prints a receipt", async () => {
    // The throttling test moved the clock past the sessions' idle limit.
    await ensureSignedIn(clerk);
    await ensureSignedIn(admin);
    const { batchId, rows } = await makeBatch("prepaid-voice-sim", "airport", 1);
    const row = rows[0] as CsvRow;
    expect(row.iccid).toMatch(/^8981\d{15}$/);
    const sold = await clerk.api("POST", "/v1/staff/counter/sales", {
      body: { code: row.registration_code, language: "ko", contact: { email: "visitor@example.test" } },
    });
    expect(sold.status, JSON.stringify(sold.body)).toBe(201);
    expect(sold.body).toMatchObject({ planId: "prepaid-voice-sim", language: "ko", formFactor: "physical" });
    const reference = String(sold.body.reference);
    const token = String(sold.body.accessToken);

    // The clerk's device fills in the form and reads the passport's chip at the counter.
    const address = { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", line1: "千代田1-1-1" };
    const put = await server.api("PUT", `/v1/applications/${reference}/applicant`, {
      token,
      body: { ...particularsOf(anna), address },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const b64 = (file: string) => readFileSync(file).toString("base64");
    const read = await server.api("POST", `/v1/applications/${reference}/evidence`, {
      token,
      body: {
        kind: "chip",
        sod: b64(chip.chips.p256.sod),
        dataGroups: { "1": b64(chip.chips.p256.dg1), "2": b64(chip.chips.p256.dg2) },
      },
    });
    expect(read.status, JSON.stringify(read.body)).toBe(201);
    const submitted = await server.api("POST", `/v1/applications/${reference}/submit`, { token });
    // A voice line needs the address verified, which no passport chip holds: as the policy says, a
    // person completes it (a reviewer, while the customer waits at the counter).
    expect(submitted.body.state, JSON.stringify(submitted.body)).toBe("in_review");
    expect(submitted.body.checks).toContainEqual(
      expect.objectContaining({
        code: "policy.method_available",
        status: "review",
        params: expect.objectContaining({ reason: "address_not_on_chip" }),
      }),
    );
    const early = await clerk.api("POST", `/v1/staff/counter/applications/${reference}/activation`);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: "activation_not_ready", state: "in_review" });
    const reviewer = await signInAs(server, "reviewer");
    await reviewer.api("POST", `/v1/staff/applications/${reference}/claim`);
    const approved = await reviewer.api("POST", `/v1/staff/applications/${reference}/events`, {
      body: { type: "approve" },
    });
    expect(approved.body.state, JSON.stringify(approved.body)).toBe("sim_assigned");

    // Not for the applicant's own token, nor for an online application.
    const online = await register(
      (await makeBatch("prepaid-data-esim", "konbini", 1)).rows[0]?.registration_code ?? "",
      {},
      "en",
    );
    const notCounter = await clerk.api(
      "POST",
      `/v1/staff/counter/applications/${String(online.body.reference)}/activation`,
    );
    expect(notCounter.status).toBe(404);
    expect(notCounter.body).toMatchObject({ code: "application_not_found", field: "reference" });

    const activated = await clerk.api("POST", `/v1/staff/counter/applications/${reference}/activation`);
    expect(activated.status, JSON.stringify(activated.body)).toBe(200);
    expect(activated.body).toMatchObject({ reference, state: "active", iccid: row.iccid });
    expect(String(activated.body.msisdn)).toMatch(/^0[789]0\d{8}$/);
    const events = await server.services.db.query<{ actor_kind: string; actor_id: string }>(
      "SELECT actor_kind, actor_id FROM application_events e JOIN applications a ON a.id = e.application_id WHERE a.reference = $1 AND e.event = 'activate'",
      [reference],
    );
    expect(events.rows[0]).toEqual({ actor_kind: "staff", actor_id: clerk.id });
    // The verification record names the method the reviewer completed (face to face with the chip read),
    // not UNKNOWN: the checks left only the address to a person.
    const record = await server.services.db.query<{ method: string }>(
      "SELECT v.method FROM verification_records v JOIN applications a ON a.id = v.application_id WHERE a.reference = $1",
      [reference],
    );
    expect(record.rows).toEqual([{ method: "F2F_IC" }]);
    expect(submitted.body.checks).toContainEqual(
      expect.objectContaining({
        code: "policy.method_available",
        params: expect.objectContaining({ reason: "address_not_on_chip", pendingMethod: "F2F_IC" }),
      }),
    );
    const batch = await admin.api("GET", `/v1/staff/package-batches/${batchId}`);
    expect(batch.body.statuses).toMatchObject({ activated: 1 });

    const receipt = await staffFile(clerk, `/v1/staff/counter/applications/${reference}/receipt.pdf`);
    expect(receipt.status).toBe(200);
    expect(receipt.type).toBe("application/pdf");
    const file = join(work, "counter-receipt.pdf");
    writeFileSync(file, receipt.bytes);
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
    expect(text).toContain(reference);
    expect(text).toMatch(/3,300/);
    expect(text).toContain("領収書");
  }, 60_000);
});

// Last: it moves the clock three days on, past every staff session.
describe("an unpaid konbini slip", () => {
  it("expires a konbini slip nobody paid: the top-up lapses and the till refuses the number", async () => {
    const { rows } = await makeBatch("prepaid-data-esim", "konbini", 1);
    const registered = await register(String(rows[0]?.registration_code), {}, "en");
    const reference = String(registered.body.reference);
    const token = String(registered.body.accessToken);
    await completeJourney(reference, token);
    const requested = await server.api("POST", `/v1/applications/${reference}/top-ups`, {
      token,
      body: { method: "konbini" },
    });
    const slip = requested.body.konbini as { paymentNumber: string };

    server.advanceClock(73 * 3_600_000);
    const swept = await expireKonbiniPayments({ db: server.services.db, gateway, clock: server.services.clock });
    expect(swept.expired).toBeGreaterThanOrEqual(1);
    const topUp = await server.api("GET", `/v1/applications/${reference}/top-ups/${String(requested.body.id)}`, {
      token,
    });
    expect(topUp.body).toMatchObject({ status: "expired", paymentStatus: "expired", validUntil: null });
    await expect(gateway.payAtKonbini(slip.paymentNumber)).rejects.toThrow(/expired/);
    // The same at the development till over HTTP, which names the field.
    const till = await server.api("POST", "/dev/konbini/payments", { body: { paymentNumber: slip.paymentNumber } });
    expect(till.status).toBe(422);
    expect(till.body).toMatchObject({ field: "paymentNumber" });
    expect(String(till.body.detail)).toMatch(/expired/);
  }, 60_000);
});

describe("the packages commands", () => {
  const cli = join(import.meta.dirname, "..", "bin", "jitsumei.js");
  function run(args: string[], env: Record<string, string>) {
    const clean = Object.fromEntries(
      Object.entries(process.env).filter(
        ([k]) => !["DATABASE_URL", "JITSUMEI_MASTER_KEY", "SMTP_URL", "PORT"].includes(k),
      ),
    );
    return spawnSync(process.execPath, [cli, ...args], {
      env: { ...clean, ...env },
      encoding: "utf8",
      timeout: 120_000,
    });
  }

  it("make a large batch with progress, its CSV and its label sheet; bad usage exits 2", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "jitsumei-packages-cli-"));
    const database = testDatabaseKind === "postgres" ? await createTestDatabase() : null;
    const env = { JITSUMEI_DATA_DIR: dataDir, ...(database?.url ? { DATABASE_URL: database.url } : {}) };
    try {
      expect(run(["seed"], env).status).toBe(0);
      // 500 more eSIM profiles: 600 in stock for a batch of 550.
      const profiles = Array.from({ length: 500 }, (_, i) => {
        const body = `898114${String(i + 1).padStart(12, "0")}`;
        return `${body}${luhnDigit(body)},smdp.jitsumei.localhost,CLI-${String(i).padStart(5, "0")}`;
      });
      const stock = join(dataDir, "profiles.csv");
      writeFileSync(stock, `iccid,smdpAddress,matchingId\n${profiles.join("\n")}\n`);
      const imported = run(["inventory", "import", "--kind", "esim", stock], env);
      expect(imported.status, imported.stderr).toBe(0);

      const csvFile = join(dataDir, "batch.csv");
      const made = run(
        [
          "packages",
          "create",
          "--plan",
          "prepaid-data-esim",
          "--channel",
          "konbini",
          "--count",
          "550",
          "--out",
          csvFile,
        ],
        env,
      );
      expect(made.status, made.stderr).toBe(0);
      expect(made.stderr).toContain("packages: 500 of 550 (90%)");
      expect(made.stderr).toContain("packages: 550 of 550 (100%)");
      const batch = JSON.parse(made.stdout) as { batchId: string; count: number };
      expect(batch).toMatchObject({ count: 550, channel: "konbini", formFactor: "esim" });
      const rows = parseCsv(readFileSync(csvFile, "utf8"));
      expect(rows).toHaveLength(550);
      expect(new Set(rows.map((r) => r.registration_code)).size).toBe(550);
      expect(statSync(csvFile).mode & 0o777).toBe(0o600);

      const pdfFile = join(dataDir, "labels.pdf");
      const labels = run(["packages", "labels", "--batch", batch.batchId, "--out", pdfFile], env);
      expect(labels.status, labels.stderr).toBe(0);
      // 24 labels a page.
      expect(execFileSync("pdfinfo", [pdfFile], { encoding: "utf8" })).toMatch(/Pages:\s+23\n/);

      const tooMany = run(
        [
          "packages",
          "create",
          "--plan",
          "prepaid-data-esim",
          "--channel",
          "konbini",
          "--count",
          "100",
          "--out",
          csvFile,
        ],
        env,
      );
      expect(tooMany.status).toBe(1);
      expect(tooMany.stderr).toMatch(/Only 50 eSIM profiles are in stock for 100 packages: nothing was made/);
      const badChannel = run(
        ["packages", "create", "--plan", "prepaid-data-esim", "--channel", "train", "--count", "1", "--out", csvFile],
        env,
      );
      expect(badChannel.status).toBe(2);
      expect(badChannel.stderr).toMatch(/--channel airport\|konbini\|shop/);
    } finally {
      await database?.drop();
    }
  }, 180_000);
});
