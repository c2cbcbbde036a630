import { readFileSync } from "node:fs";
import { join } from "node:path";
import { todayInJapan } from "@jitsumei/domain";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { verifyAuditChain } from "../src/audit/audit-chain.ts";
import type { CreditIdentity, localNonpaymentExchange, NonpaymentExchange } from "../src/credit/nonpayment-exchange.ts";
import { testPaymentMethods } from "../src/credit/payment-method-check.ts";
import { runCli } from "./support/cli.ts";
import {
  activeLine,
  anna,
  consentToCredit,
  draftApplication,
  jobsSettled,
  type Person,
  particularsOf,
  somebody,
  submitAndPay,
  throwawayEmail,
} from "./support/journey.ts";
import { signWithMyNumberCard } from "./support/jpki.ts";
import { type StaffClient, signInAs } from "./support/staff.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * Issue 11: the credit assessment of postpaid applications over real HTTP — consent before any
 * query, the non-payment exchange and the payment-method check through their local simulators, the
 * dated credit policy in force, what the reviewer and the applicant each see, the deposit, and our
 * own subscribers ended for non-payment registered in the exchange and withdrawn once paid.
 */

const { chip } = inject("evidenceFixtures");
let server: TestServer;
let reviewer: StaffClient;
let admin: StaffClient;
let exchange: ReturnType<typeof localNonpaymentExchange>;
let queries = 0;
const address = { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", line1: "千代田1-1-1" };

beforeAll(async () => {
  server = await startTestServer({ JITSUMEI_CSCA_DIR: chip.trustDir });
  reviewer = await signInAs(server, "reviewer");
  admin = await signInAs(server, "admin");
  // Count the exchange's queries: consent must come before any.
  exchange = server.services.credit.exchange as typeof exchange;
  const counted: NonpaymentExchange = {
    ...exchange,
    query: (identity) => {
      queries++;
      return exchange.query(identity);
    },
  };
  server.services.credit.exchange = counted;
});
afterAll(async () => server?.close());

const identityOf = (p: Person): CreditIdentity => {
  const { name, birthDate } = particularsOf(p);
  return { name, birthDate };
};

async function postpaid(person: Person, options: { consent?: boolean; card?: boolean } = {}) {
  // Signed with the My Number card (so a reviewer may approve it), sent to review by a throwaway address.
  const { reference, token } = await draftApplication(
    server,
    "postpaid-voice",
    person,
    { address },
    { contact: { email: throwawayEmail() }, evidence: "jpki" },
  );
  if (options.consent !== false) await consentToCredit(server, reference, token);
  if (options.card !== false) {
    const method = await server.api("PUT", `/v1/applications/${reference}/payment-method`, {
      token,
      body: { type: "card", cardToken: testPaymentMethods.card.ok },
    });
    expect(method).toMatchObject({ status: 200, body: { type: "card", status: "verified" } });
  }
  return { reference, token };
}

async function submit(reference: string, token: string) {
  const submitted = await submitAndPay(server, reference, token);
  expect(submitted.status).toBe(200);
  return submitted.body as { state: string; checks: { code: string; status: string; message: string }[] };
}

type CaseCredit = {
  consent: unknown;
  deposit: { decided: boolean; amountJpy: number; reasons: { code: string; text: string }[] };
  assessment: { seq: number; outcome: string; depositJpy: number; reasons: { code: string; message: string }[] };
};
async function caseCredit(reference: string): Promise<CaseCredit> {
  const view = await reviewer.api("GET", `/v1/staff/applications/${reference}`);
  expect(view.status).toBe(200);
  return view.body.credit as CaseCredit;
}

async function approve(reference: string) {
  await reviewer.api("POST", `/v1/staff/applications/${reference}/claim`);
  return reviewer.api("POST", `/v1/staff/applications/${reference}/events`, { body: { type: "approve" } });
}

async function auditActions(reference: string): Promise<string[]> {
  const { rows } = await server.services.db.query<{ action: string }>(
    "SELECT action FROM audit_entries WHERE subject = $1 AND action LIKE 'credit.%' ORDER BY seq",
    [reference],
  );
  return rows.map((r) => r.action);
}

describe("the credit assessment of a postpaid application", () => {
  it("approves a clean resident paying by card, and the contract asks no deposit", async () => {
    const { reference, token } = await postpaid(somebody());
    const before = queries;
    const submitted = await submit(reference, token);
    expect(queries).toBe(before + 1);
    expect(submitted.state).toBe("in_review");
    expect(submitted.checks).toContainEqual(expect.objectContaining({ code: "credit.assessment", status: "pass" }));

    const credit = await caseCredit(reference);
    expect(credit.assessment).toMatchObject({ seq: 1, outcome: "approve", depositJpy: 0, reasons: [] });
    expect(credit.consent).toMatchObject({ textVersion: "credit-consent-2026-04", language: "en" });

    const approved = await approve(reference);
    expect(approved.body.state).toBe("contract_pending");
    const deposit = await server.api("GET", `/v1/applications/${reference}/deposit`, { token });
    expect(deposit.body).toMatchObject({ required: false, amountJpy: 0 });

    // Consent, the payment check, the query (with the answer's hash) and the outcome, in the chain.
    expect(await auditActions(reference)).toEqual([
      "credit.consent_given",
      "credit.payment_method_checked",
      "credit.exchange_queried",
      "credit.assessed",
    ]);
    const { rows } = await server.services.db.query<{ data: Record<string, unknown> }>(
      "SELECT data FROM audit_entries WHERE subject = $1 AND action = 'credit.exchange_queried'",
      [reference],
    );
    expect(rows[0]?.data.answerSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyAuditChain(server.services.db)).toMatchObject({ valid: true });
  });

  it("asks a resident with 60 days of stay left for a deposit, says why to each reader, and the contract states it", async () => {
    // 60 days after today in Japan, the day the server counts from (12 hours past now in UTC was a day
    // too many from 12:00 to 15:00 UTC, when Japan's today is still UTC's).
    const expiry = new Date(Date.parse(`${todayInJapan()}T00:00:00Z`) + 60 * 86_400_000).toISOString().slice(0, 10);
    const created = await server.api("POST", "/v1/applications", {
      body: { planId: "postpaid-voice", language: "vi", channel: "online", contact: { email: throwawayEmail("c") } },
    });
    const reference = String(created.body.reference);
    const token = String(created.body.accessToken);
    const residence = {
      ...particularsOf(anna),
      address,
      document: { type: "residence_card", number: "AB12345678CD", expiryDate: expiry, issuingCountry: "JPN" },
    };
    expect(
      (await server.api("PUT", `/v1/applications/${reference}/applicant`, { token, body: residence })).status,
    ).toBe(200);
    const card = chip.residenceCards.secondGeneration;
    const b64 = (file: string) => readFileSync(file).toString("base64");
    const chipRead = await server.api("POST", `/v1/applications/${reference}/evidence`, {
      token,
      body: {
        kind: "residence_card_chip",
        front: b64(card.front),
        face: b64(card.face),
        checkCode: b64(card.checkCode),
        certificate: b64(card.certificate),
      },
    });
    expect(chipRead.status).toBe(201);
    const faces = join(import.meta.dirname, "..", "..", "..", "packages", "evidence", "src", "face", "fixtures");
    await server.api("POST", `/v1/applications/${reference}/evidence`, {
      token,
      body: { kind: "selfie", image: readFileSync(join(faces, "synthetic-face-a.jpg")).toString("base64") },
    });
    // The residence card's front is for a person to read; the My Number card's signature completes NF_JPKI.
    await signWithMyNumberCard(server, reference, token, anna, address);
    await consentToCredit(server, reference, token);
    await server.api("PUT", `/v1/applications/${reference}/payment-method`, {
      token,
      body: { type: "card", cardToken: testPaymentMethods.card.ok },
    });
    expect((await submit(reference, token)).state).toBe("in_review");

    // The reviewer reads the figures (in the console's Japanese): 60 days left against a 12-month term.
    const credit = await caseCredit(reference);
    expect(credit.assessment).toMatchObject({ outcome: "approve_with_deposit", depositJpy: 20000 });
    expect(credit.assessment.reasons.map((r) => r.code)).toEqual(["stay_shorter_than_term"]);
    expect(credit.assessment.reasons[0]?.message).toMatch(
      /^在留期間の残りが 60 日で、最低利用期間の 36[56] 日より短くなっています。$/,
    );

    // The applicant reads plain words in Vietnamese, with the amount.
    const view = await server.api("GET", `/v1/applications/${reference}/credit`, { token });
    expect(view.body.assessment).toMatchObject({
      outcome: "approve_with_deposit",
      summary: "Sau khi thẩm định tín dụng, chúng tôi có thể ký hợp đồng với khoản đặt cọc ¥20,000.",
      reasons: [{ code: "stay_shorter_than_term" }],
    });

    const approved = await approve(reference);
    expect(approved.body.state).toBe("contract_pending");
    const deposit = await server.api("GET", `/v1/applications/${reference}/deposit`, { token });
    expect(deposit.body).toMatchObject({ required: true, amountJpy: 20000 });
    expect((deposit.body.reasons as { code: string }[]).map((r) => r.code)).toContain("credit_assessment");
  });

  it("shows the reviewer the deposit a bank account brings before the contract decides it, then the one decided", async () => {
    const { reference, token } = await postpaid(somebody(), { card: false });
    const bank = await server.api("PUT", `/v1/applications/${reference}/payment-method`, {
      token,
      body: {
        type: "bank",
        bankCode: "0005",
        branchCode: "123",
        accountType: "ordinary",
        accountNumber: "1234567",
        holderKana: "ジツメイ タロウ",
      },
    });
    expect(bank.status).toBe(200);
    expect((await submit(reference, token)).state).toBe("in_review");

    // Before the contract: what the deposit rules will ask (the credit check asks none), said as such.
    const before = await caseCredit(reference);
    expect(before.assessment).toMatchObject({ outcome: "approve", depositJpy: 0 });
    expect(before.deposit).toMatchObject({
      decided: false,
      amountJpy: 5000,
      reasons: [{ code: "billing_bank_transfer" }],
    });
    expect(before.deposit.reasons[0]?.text).toMatch(/口座振替/);
    const stored = await server.services.db.query(
      "SELECT 1 FROM deposit_decisions d JOIN applications a ON a.id = d.application_id WHERE a.reference = $1",
      [reference],
    );
    expect(stored.rows).toHaveLength(0);

    expect((await approve(reference)).body.state).toBe("contract_pending");
    expect((await caseCredit(reference)).deposit).toMatchObject({ decided: true, amountJpy: 5000 });
  });

  it("refuses an applicant another carrier registered as unpaid, and never shows the applicant that carrier's figures", async () => {
    const person = somebody();
    await exchange.registerElsewhere(identityOf(person), "other-mobile", 12345);
    const { reference, token } = await postpaid(person);
    const submitted = await submit(reference, token);
    expect(submitted.state).toBe("rejected");
    expect(submitted.checks).toContainEqual(expect.objectContaining({ code: "credit.assessment", status: "fail" }));

    const view = await server.api("GET", `/v1/applications/${reference}/credit`, { token });
    expect(view.body.assessment).toMatchObject({ outcome: "reject", reasons: [{ code: "unpaid_elsewhere" }] });
    const everything = JSON.stringify((await server.api("GET", `/v1/applications/${reference}`, { token })).body);
    for (const shown of [JSON.stringify(view.body), everything]) {
      expect(shown).not.toMatch(/other-mobile|12345|12,345/);
    }
    // Staff see the count (not the carrier or amount); the sealed answer keeps both for the record.
    const credit = await caseCredit(reference);
    expect(credit.assessment.reasons[0]?.message).toBe("他の事業者が登録した不払い情報が 1 件あります。");
    // The applicant's own data export holds the query and its answer (their data, not an explanation).
    const download = await fetch(`${server.url}/v1/applications/${reference}/data-export`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(download.headers.get("content-disposition")).toBe(`attachment; filename="jitsumei-${reference}.json"`);
    const whole = (await download.json()) as {
      credit: { consents: unknown[]; assessments: unknown[] };
      particulars: { name: { family: string } };
      evidence: { kind: string; content: { lines?: string[] } }[];
      history: { event: string }[];
    };
    expect(whole.particulars.name.family).toBe(particularsOf(person).name.family);
    expect(whole.evidence[0]?.content.lines?.[0]).toMatch(/^P</);
    expect(whole.history.map((e) => e.event)).toEqual(["submit", "checks_failed"]);
    const exported = whole.credit;
    expect(exported.consents).toHaveLength(1);
    expect(exported.assessments[0]).toMatchObject({
      outcome: "reject",
      queries: { exchange: { records: [{ carrier: "other-mobile", amountJpy: 12345 }] } },
    });
    const plain = await server.services.db.query(
      "SELECT c.* FROM credit_assessments c JOIN applications a ON a.id = c.application_id WHERE a.reference = $1",
      [reference],
    );
    expect(JSON.stringify(plain.rows)).not.toMatch(/other-mobile|12345/);
    expect(await auditActions(reference)).toContain("credit.assessed");
    const exportAudited = await server.services.db.query(
      "SELECT 1 FROM audit_entries WHERE subject = $1 AND action = 'application.data_exported'",
      [reference],
    );
    expect(exportAudited.rows).toHaveLength(1);
  });

  it("asks nothing without consent, sends the case to review, and assesses at once when the applicant consents", async () => {
    const { reference, token } = await postpaid(somebody(), { consent: false, card: false });
    const before = queries;
    const submitted = await submit(reference, token);
    expect(queries).toBe(before);
    expect(submitted.state).toBe("in_review");
    expect(submitted.checks).toContainEqual(expect.objectContaining({ code: "credit.assessment", status: "review" }));
    expect((await caseCredit(reference)).assessment).toMatchObject({
      outcome: "review",
      reasons: [{ code: "consent_missing" }],
    });
    expect(await auditActions(reference)).toEqual(["credit.assessed"]);

    // Nobody approves credit that was never assessed.
    const refused = await approve(reference);
    expect(refused).toMatchObject({ status: 409, body: { code: "credit_assessment_needed" } });

    const consent = await server.api("GET", `/v1/applications/${reference}/credit`, { token });
    expect(consent.body.consent).toMatchObject({ given: false, textVersion: "credit-consent-2026-04" });
    expect(String((consent.body.consent as { text: string }).text)).toMatch(/^Consent to the credit check/);
    const given = await server.api("POST", `/v1/applications/${reference}/credit/consent`, {
      token,
      body: { accept: true, textVersion: "credit-consent-2026-04" },
    });
    expect(given).toMatchObject({ status: 201, body: { reassessed: true } });
    expect(queries).toBe(before + 1);
    // No payment method confirmed: a person decides, and the deposit rules ask for one.
    expect((await caseCredit(reference)).assessment).toMatchObject({
      seq: 2,
      outcome: "review",
      reasons: [{ code: "payment_method_none" }],
    });
    const approved = await reviewer.api("POST", `/v1/staff/applications/${reference}/events`, {
      body: { type: "approve" },
    });
    expect(approved.body.state).toBe("contract_pending");
    expect((await server.api("GET", `/v1/applications/${reference}/deposit`, { token })).body).toMatchObject({
      amountJpy: 10000,
    });
  });

  it("refuses a declined card or an unknown account naming the field, keeps a confirmed one, and only for postpaid", async () => {
    const { reference, token } = await postpaid(somebody(), { consent: false, card: false });
    const put = (body: unknown) => server.api("PUT", `/v1/applications/${reference}/payment-method`, { token, body });
    // The consent covers the payment check too: nothing is checked before it.
    expect(await put({ type: "card", cardToken: testPaymentMethods.card.ok })).toMatchObject({
      status: 409,
      body: { code: "consent_required", field: "consent" },
    });
    await consentToCredit(server, reference, token);
    const bank = {
      type: "bank",
      bankCode: "0005",
      branchCode: "123",
      accountType: "ordinary",
      accountNumber: "1234567",
      holderKana: "エリクソン アンナ",
    };
    expect(await put({ type: "card", cardToken: testPaymentMethods.card.decline })).toMatchObject({
      status: 422,
      body: { code: "payment_method_refused", field: "cardToken" },
    });
    expect(await put({ ...bank, accountNumber: testPaymentMethods.bank.notFound })).toMatchObject({
      status: 422,
      body: { code: "payment_method_refused", field: "accountNumber" },
    });
    expect(await put({ ...bank, holderKana: "Eriksson Anna" })).toMatchObject({
      status: 422,
      body: { code: "validation_failed", field: "holderKana" },
    });
    expect(await put({ ...bank, bankCode: "5" })).toMatchObject({ status: 422, body: { field: "bankCode" } });
    expect(await put(bank)).toMatchObject({
      status: 200,
      body: { type: "bank", status: "verified", display: "0005-123 •••• 567" },
    });
    // A later refusal does not lose the confirmed account.
    await put({ ...bank, accountNumber: testPaymentMethods.bank.closed });
    expect((await server.api("GET", `/v1/applications/${reference}/credit`, { token })).body.paymentMethod).toEqual({
      type: "bank",
      status: "verified",
      display: "0005-123 •••• 567",
    });
    // The account number is sealed: not in the table in plain text.
    const { rows } = await server.services.db.query("SELECT * FROM payment_methods");
    expect(JSON.stringify(rows)).not.toContain("1234567");

    expect(
      await server.api("POST", `/v1/applications/${reference}/credit/consent`, {
        token,
        body: { accept: true, textVersion: "credit-consent-2020-01" },
      }),
    ).toMatchObject({ status: 409, body: { code: "consent_text_outdated", field: "textVersion" } });
    expect(
      await server.api("POST", `/v1/applications/${reference}/credit/consent`, {
        token,
        body: { accept: false, textVersion: "credit-consent-2026-04" },
      }),
    ).toMatchObject({ status: 422, body: { field: "accept" } });

    const prepaid = await draftApplication(server, "prepaid-data-esim", somebody());
    expect(
      await server.api("POST", `/v1/applications/${prepaid.reference}/credit/consent`, {
        token: prepaid.token,
        body: { accept: true, textVersion: "credit-consent-2026-04" },
      }),
    ).toMatchObject({ status: 409, body: { code: "credit_not_applicable" } });
  });
});

describe("a new assessment while a person reviews", () => {
  it("that says reject turns the reviewer's approval into a four-eyes override", async () => {
    const person = somebody();
    const { reference, token } = await postpaid(person);
    expect((await submit(reference, token)).state).toBe("in_review");
    expect((await caseCredit(reference)).assessment.outcome).toBe("approve");
    // Meanwhile another carrier registers an unpaid bill; the applicant changes the payment method.
    await exchange.registerElsewhere(identityOf(person), "other-mobile", 4400);
    const changed = await server.api("PUT", `/v1/applications/${reference}/payment-method`, {
      token,
      body: {
        type: "bank",
        bankCode: "0009",
        branchCode: "001",
        accountType: "ordinary",
        accountNumber: "7654321",
        holderKana: "エリクソン アンナ",
      },
    });
    expect(changed.status).toBe(200);
    expect((await caseCredit(reference)).assessment).toMatchObject({ seq: 2, outcome: "reject" });
    await reviewer.api("POST", `/v1/staff/applications/${reference}/claim`);
    const bare = await reviewer.api("POST", `/v1/staff/applications/${reference}/events`, {
      body: { type: "approve" },
    });
    expect(bare).toMatchObject({ status: 422, body: { field: "note" } });
    const proposed = await reviewer.api("POST", `/v1/staff/applications/${reference}/events`, {
      body: { type: "approve", note: "The bill was paid last week; receipt seen." },
    });
    expect(proposed.body).toMatchObject({ state: "override_pending", overridePending: true });
  });
});

describe("our own subscribers ended for non-payment", () => {
  it("are registered in the exchange, count against them with us, and are withdrawn once paid", async () => {
    const person = somebody();
    const line = await activeLine(server, person);
    const ended = await admin.api("POST", `/v1/staff/applications/${line.reference}/nonpayment-termination`, {
      body: { unpaidJpy: 8800 },
    });
    expect(ended).toMatchObject({ status: 201, body: { msisdn: line.msisdn } });
    // Off the network at once: the simulator no longer knows the number.
    const network = await server.services.db.query("SELECT 1 FROM network_simulator_subscribers WHERE msisdn = $1", [
      line.msisdn,
    ]);
    expect(network.rows).toHaveLength(0);
    await jobsSettled(server);
    expect(await exchange.records(identityOf(person))).toMatchObject([{ carrier: "jitsumei", amountJpy: 8800 }]);
    // The job runs at least once: a repeat registers nothing twice.
    await server.services.db.query("INSERT INTO jobs (kind, payload) VALUES ('sync_nonpayment_exchange', $1)", [
      JSON.stringify({ registrationId: ended.body.registrationId }),
    ]);
    await jobsSettled(server);
    expect(await exchange.records(identityOf(person))).toHaveLength(1);
    expect(
      (
        await admin.api("POST", `/v1/staff/applications/${line.reference}/nonpayment-termination`, {
          body: { unpaidJpy: 1 },
        })
      ).body,
    ).toMatchObject({ code: "subscription_not_active" });

    // The same person applies for a postpaid line: refused for the balance with us, not for the exchange.
    const again = await postpaid(person);
    expect((await submit(again.reference, again.token)).state).toBe("rejected");
    expect(
      (await server.api("GET", `/v1/applications/${again.reference}/credit`, { token: again.token })).body.assessment,
    ).toMatchObject({
      reasons: [{ code: "unpaid_with_us" }],
    });

    const short = await admin.api(
      "POST",
      `/v1/staff/applications/${line.reference}/nonpayment-termination/settlement`,
      {
        body: { paidJpy: 5000 },
      },
    );
    expect(short).toMatchObject({ status: 422, body: { field: "paidJpy" } });
    const settled = await admin.api(
      "POST",
      `/v1/staff/applications/${line.reference}/nonpayment-termination/settlement`,
      { body: { paidJpy: 8800 } },
    );
    expect(settled.status).toBe(200);
    await jobsSettled(server);
    expect(await exchange.records(identityOf(person))).toEqual([]);

    const { rows } = await server.services.db.query<{ action: string }>(
      "SELECT action FROM audit_entries WHERE subject = $1 ORDER BY seq",
      [line.reference],
    );
    expect(rows.map((r) => r.action).filter((a) => a.includes("nonpayment") || a.startsWith("credit."))).toEqual([
      "subscription.terminated_for_nonpayment",
      "credit.exchange_registered",
      "subscription.nonpayment_settled",
      "credit.exchange_removed",
    ]);

    // Paid: a new postpaid application by the same person passes.
    const third = await postpaid(person);
    expect((await submit(third.reference, third.token)).state).toBe("in_review");
    expect((await caseCredit(third.reference)).assessment.outcome).toBe("approve");
    expect(await verifyAuditChain(server.services.db)).toMatchObject({ valid: true });
  });
});

describe("a balance paid at once after the line ended", () => {
  it("ends withdrawn from the exchange, whichever job runs first", async () => {
    const person = somebody();
    const line = await activeLine(server, person);
    const path = `/v1/staff/applications/${line.reference}/nonpayment-termination`;
    expect((await admin.api("POST", path, { body: { unpaidJpy: 2200 } })).status).toBe(201);
    expect((await admin.api("POST", `${path}/settlement`, { body: { paidJpy: 2200 } })).status).toBe(200);
    await jobsSettled(server);
    expect(await exchange.records(identityOf(person))).toEqual([]);
    const { rows } = await server.services.db.query<{ removed_at: Date | null }>(
      `SELECT r.removed_at FROM nonpayment_registrations r JOIN subscriptions s ON s.id = r.subscription_id
       JOIN applications a ON a.id = s.application_id WHERE a.reference = $1`,
      [line.reference],
    );
    expect(rows[0]?.removed_at).not.toBeNull();
  });
});

describe("jitsumei credit assess", () => {
  // In this process (support/cli.ts): the binary's exit codes are tested in evidence-cli.test.ts.
  const run = (input: string, ...args: string[]) => runCli(["credit", "assess", ...args], { input });
  const inputs = {
    paymentMethod: "card",
    unpaidRecords: 0,
    remainingStayDays: 60,
    minimumTermDays: 730,
    age: 30,
    linesHeld: 0,
  };

  it("prints the outcome, deposit and reasons of the policy in force on the day", async () => {
    const now = await run(JSON.stringify(inputs), "--at", "2026-11-25");
    expect(now.status).toBe(0);
    expect(JSON.parse(now.stdout)).toMatchObject({
      outcome: "approve_with_deposit",
      deposit: 20000,
      reasons: [
        {
          code: "stay_shorter_than_term",
          message: "60 days of stay are left, less than the minimum term of 730 days.",
        },
      ],
      policy: { id: "credit-standard", version: "2026-04-01" },
    });
    const before = await run(JSON.stringify(inputs), "--at", "2025-11-25");
    expect(JSON.parse(before.stdout)).toMatchObject({
      outcome: "reject",
      deposit: 0,
      policy: { version: "2025-04-01" },
    });
    const clean = await run(JSON.stringify({ ...inputs, remainingStayDays: null }), "--at", "2026-11-25");
    expect(JSON.parse(clean.stdout)).toMatchObject({ outcome: "approve", deposit: 0, reasons: [] });
  });

  it("exits 2 naming the field on bad input", async () => {
    const bad = await run(JSON.stringify({ ...inputs, paymentMethod: "cash" }), "--at", "2026-11-25");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("paymentMethod");
    expect(await run("not json", "--at", "2026-11-25")).toMatchObject({ status: 2 });
    expect(await run(JSON.stringify(inputs), "--at", "2026-02-30")).toMatchObject({ status: 2 });
    expect((await run(JSON.stringify(inputs), "--at", "2020-01-01")).stderr).toContain(
      "no credit policy is in force on 2020-01-01",
    );
  });
});
