import type { LocalTestGateway } from "../../src/payments/local-test-gateway.ts";
import { type JpkiAddress, signWithMyNumberCard } from "./jpki.ts";
import type { Person } from "./person.ts";

export type { Person };

import type { StaffClient } from "./staff.ts";
import type { ApiResponse, TestServer } from "./test-server.ts";

/**
 * Valid MRZ data for tests: ICAO 9303's specimen person with a future expiry, check digits computed
 * here (weights 7-3-1) so the data stays valid as years pass.
 */
export function checkDigit(s: string): string {
  const value = (c: string) => (c === "<" ? 0 : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55);
  let sum = 0;
  for (let i = 0; i < s.length; i++) sum += value(s[i] ?? "<") * ([7, 3, 1][i % 3] ?? 1);
  return String(sum % 10);
}

export const anna: Person = {
  family: "ERIKSSON",
  given: "ANNA MARIA",
  birthDate: "1974-08-12",
  nationality: "UTO",
  documentNumber: "L898902C3",
  expiryDate: "2034-04-15",
  sex: "F",
};

let people = 0;

/** Another person each call (their own name and passport number): for tests that must not hit the line limit. */
export function somebody(): Person {
  const n = ++people;
  const letters = [...String(n).padStart(4, "0")].map((d) => "ABCDEFGHIJ"[Number(d)]).join("");
  return { ...anna, given: `ANNA ${letters}`, documentNumber: `X${String(n).padStart(8, "0")}` };
}

const yymmdd = (date: string) => date.slice(2).replaceAll("-", "");

export function td3(p: Person): [string, string] {
  const name = `${p.family}<<${p.given.replaceAll(" ", "<")}`;
  const line1 = `P<${p.nationality}${name}`.padEnd(44, "<").slice(0, 44);
  const doc = p.documentNumber.padEnd(9, "<");
  const birth = yymmdd(p.birthDate);
  const expiry = yymmdd(p.expiryDate);
  const personal = "<".repeat(14);
  const personalCheck = "<";
  const body = `${doc}${checkDigit(doc)}${p.nationality}${birth}${checkDigit(birth)}${p.sex}${expiry}${checkDigit(expiry)}${personal}${personalCheck}`;
  const composite = checkDigit(`${body.slice(0, 10)}${body.slice(13, 20)}${body.slice(21, 43)}`);
  return [line1, `${body}${composite}`];
}

export function particularsOf(p: Person, extra: Record<string, unknown> = {}) {
  return {
    name: { family: titleCase(p.family), given: titleCase(p.given) },
    birthDate: p.birthDate,
    nationality: p.nationality,
    document: { type: "passport", number: p.documentNumber, expiryDate: p.expiryDate, issuingCountry: p.nationality },
    ...extra,
  };
}

/**
 * An application's language and contact, where a test needs other than English and anna@example.test,
 * and its evidence: the passport's MRZ (the default), or also the My Number card's JPKI signature, which
 * completes NF_JPKI, the method a voice line needs before anyone may approve it (lawful-approval.ts).
 */
export type ApplicationOptions = {
  language?: string;
  contact?: { email: string; phone?: string };
  evidence?: "mrz" | "jpki";
};

/** An address in Tokyo, as the form writes it (and a JPKI certificate may carry it). */
export const tokyoAddress = { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", line1: "千代田1-1" };

/**
 * An e-mail address at a throwaway domain: `fraud.disposable_email` sends the application to a person
 * even when its evidence is complete, which is how tests put a lawful case in front of a reviewer.
 */
export const throwawayEmail = (name = "anna") => `${name}@mailinator.com`;

/** Creates an application and fills it in; returns reference and token. */
export async function draftApplication(
  server: TestServer,
  planId: string,
  person: Person = anna,
  extra: Record<string, unknown> = {},
  options: ApplicationOptions = {},
) {
  const created = await server.api("POST", "/v1/applications", {
    body: {
      planId,
      language: options.language ?? "en",
      channel: "online",
      contact: options.contact ?? { email: "anna@example.test" },
    },
  });
  if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.body)}`);
  const reference = String(created.body.reference);
  const token = String(created.body.accessToken);
  await fillIn(server, reference, token, person, extra, options.evidence);
  return { reference, token };
}

/** Fills in an application already made: the person's particulars (with `extra`) and their passport's MRZ. */
export async function fillIn(
  server: TestServer,
  reference: string,
  token: string,
  person: Person,
  extra: Record<string, unknown> = {},
  evidenceKind: "mrz" | "jpki" = "mrz",
): Promise<void> {
  const put = await server.api("PUT", `/v1/applications/${reference}/applicant`, {
    token,
    body: particularsOf(person, extra),
  });
  if (put.status !== 200) throw new Error(`put failed: ${JSON.stringify(put.body)}`);
  const evidence = await server.api("POST", `/v1/applications/${reference}/evidence`, {
    token,
    body: { kind: "mrz", lines: td3(person) },
  });
  if (evidence.status !== 201) throw new Error(`evidence failed: ${JSON.stringify(evidence.body)}`);
  if (evidenceKind === "jpki") {
    const address = extra.address as JpkiAddress | undefined;
    if (!address) throw new Error("a JPKI signature carries an address: give one in extra.address");
    await signWithMyNumberCard(server, reference, token, person, address);
  }
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}

/** The six-digit code of the newest activation mail for `reference` in the local outbox. */
export async function activationCodeFromOutbox(server: TestServer, reference: string): Promise<string> {
  await server.services.jobs.drain();
  const outbox = await server.api("GET", "/dev/outbox");
  // The code's own mail, in any language (other mail, such as "your SIM is ready", names the reference too).
  const text =
    (outbox.body.items as { template: string; text: string }[]).find(
      (m) => m.text.includes(reference) && m.template === "activation_code",
    )?.text ?? "";
  const code = /\b(\d{6})\b/.exec(text)?.[1];
  if (!code) throw new Error(`no activation code for ${reference} in the outbox`);
  return code;
}

/** Pays a prepaid plan sold online (payment_pending) by the test gateway's card, as the status page does. */
export async function payForPlan(
  server: TestServer,
  reference: string,
  token: string,
  cardToken = "tok_test_ok",
): Promise<ApiResponse> {
  return server.api("POST", `/v1/applications/${reference}/purchase/payments`, {
    token,
    body: { method: "card", cardToken },
  });
}

/**
 * Submits; a prepaid plan sold online is then paid for by card, so the application goes on to its
 * SIM as it would once the applicant paid. The answer is the submission's, with the state and the
 * line the application has after paying.
 */
export async function submitAndPay(server: TestServer, reference: string, token: string): Promise<ApiResponse> {
  const submitted = await server.api("POST", `/v1/applications/${reference}/submit`, { token });
  if (submitted.body.state !== "payment_pending") return submitted;
  const paid = await payForPlan(server, reference, token);
  if (paid.status !== 201 && paid.status !== 200)
    throw new Error(`payment failed: ${paid.status} ${JSON.stringify(paid.body)}`);
  const view = await server.api("GET", `/v1/applications/${reference}`, { token });
  return { ...submitted, body: { ...submitted.body, state: view.body.state, line: view.body.line } };
}

/**
 * After a reviewer's approval: a prepaid plan sold online waits for its price, which the applicant
 * pays by card here. The state the application reached.
 */
export async function payAfterApproval(
  server: TestServer,
  reference: string,
  token: string,
  approved: ApiResponse,
): Promise<string> {
  if (approved.body.state !== "payment_pending") return String(approved.body.state);
  const paid = await payForPlan(server, reference, token);
  if (paid.status !== 201) throw new Error(`payment failed: ${paid.status} ${JSON.stringify(paid.body)}`);
  return String(paid.body.state);
}

/**
 * A prepaid data eSIM (or `planId`) applied for, approved, paid for and activated: the whole journey,
 * for tests that need a line.
 */
export async function activeLine(
  server: TestServer,
  person: Person = anna,
  options: ApplicationOptions & { planId?: string } = {},
) {
  const { reference, token } = await draftApplication(
    server,
    options.planId ?? "prepaid-data-esim",
    person,
    {},
    options,
  );
  await submitAndPay(server, reference, token);
  await server.api("POST", `/v1/applications/${reference}/activation-code`, { token });
  const code = await activationCodeFromOutbox(server, reference);
  const activated = await server.api("POST", `/v1/applications/${reference}/activation`, { token, body: { code } });
  if (activated.status !== 200) throw new Error(`activation failed: ${JSON.stringify(activated.body)}`);
  return { reference, token, msisdn: String(activated.body.msisdn) };
}

/** A postpaid applicant's consent to the credit check (the text in force), before submitting. */
export async function consentToCredit(server: TestServer, reference: string, token: string): Promise<void> {
  const view = await server.api("GET", `/v1/applications/${reference}/credit`, { token });
  const textVersion = (view.body.consent as { textVersion: string }).textVersion;
  const given = await server.api("POST", `/v1/applications/${reference}/credit/consent`, {
    token,
    body: { accept: true, textVersion },
  });
  if (given.status !== 201) throw new Error(`consent failed: ${given.status} ${JSON.stringify(given.body)}`);
}

/**
 * Runs the queued jobs until none is pending or running. The server's own worker may hold one (a
 * route kicks it), and on PostgreSQL a drain skips a job another worker has locked, so wait for both.
 */
/**
 * Runs every queued job now, retries still waiting out their back-off included. The worker finishes
 * what it holds first: making a job due while a runner holds it would let a second runner take it.
 */
export async function runEveryJobNow(server: TestServer): Promise<void> {
  await server.services.jobs.drain();
  await server.services.db.query("UPDATE jobs SET run_at = now() WHERE status = 'pending'");
  await server.services.jobs.drain();
}

export async function jobsSettled(server: TestServer): Promise<void> {
  for (let i = 0; i < 100; i++) {
    await server.services.jobs.drain();
    const { rows } = await server.services.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM jobs WHERE status = 'pending' AND (run_at <= now() OR attempts > 0)",
    );
    if (Number(rows[0]?.n) === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("jobs did not settle in 5 s");
}

export type OutboxMail = { to: string; subject: string; text: string; template: string };

/** The local outbox, newest first, once the queued jobs have run (some of them queue mail too). */
export async function outbox(server: TestServer): Promise<OutboxMail[]> {
  await jobsSettled(server);
  return (await server.api("GET", "/dev/outbox?limit=200")).body.items as OutboxMail[];
}

/** The applicant signs the two documents as issued (their SHA-256 from the contract view). */
export async function signContract(server: TestServer, reference: string, token: string) {
  const contract = await server.api("GET", `/v1/applications/${reference}/contract`, { token });
  const [explanation, terms] = contract.body.documents as { sha256: string }[];
  return server.api("POST", `/v1/applications/${reference}/contract/signature`, {
    token,
    body: { accept: true, documents: { importantMatters: explanation?.sha256, contract: terms?.sha256 } },
  });
}

/**
 * A postpaid application by a clean resident: consent, a card (unless `card: false`), MRZ and the My
 * Number card's signature, submitted, approved (by the checks, or by `reviewer` where they ask a person)
 * and signed. With the card no deposit is due and it goes on to its SIM;
 * without one the deposit rules ask ¥10,000 and it waits in deposit_pending.
 */
export async function signedPostpaid(
  server: TestServer,
  reviewer: StaffClient,
  person: Person,
  options: { email?: string; formFactor?: "physical" | "esim"; address?: Record<string, string>; card?: boolean } = {},
) {
  const created = await server.api("POST", "/v1/applications", {
    body: {
      planId: "postpaid-voice",
      language: "en",
      channel: "online",
      formFactor: options.formFactor ?? "physical",
      contact: { email: options.email ?? "anna@example.test" },
    },
  });
  const reference = String(created.body.reference);
  const token = String(created.body.accessToken);
  const address = options.address ?? {
    postalCode: "100-0001",
    prefecture: "東京都",
    city: "千代田区",
    line1: "千代田1-1-1",
  };
  await fillIn(server, reference, token, person, { address }, "jpki");
  await consentToCredit(server, reference, token);
  if (options.card !== false) {
    await server.api("PUT", `/v1/applications/${reference}/payment-method`, {
      token,
      body: { type: "card", cardToken: "tok_test_ok" },
    });
  }
  const submitted = await server.api("POST", `/v1/applications/${reference}/submit`, { token });
  // Signed with the card and credit clean, the checks approve it; a case the credit rules send to a
  // person is approved by `reviewer`.
  if (submitted.body.state === "in_review") {
    await reviewer.api("POST", `/v1/staff/applications/${reference}/claim`);
    const approved = await reviewer.api("POST", `/v1/staff/applications/${reference}/events`, {
      body: { type: "approve" },
    });
    if (approved.status !== 200) throw new Error(`approval failed: ${JSON.stringify(approved.body)}`);
  }
  const signed = await signContract(server, reference, token);
  if (signed.status !== 200) throw new Error(`signing failed: ${signed.status} ${JSON.stringify(signed.body)}`);
  return { reference, token, state: String(signed.body.state) };
}

/**
 * A prepaid data eSIM paid in cash at a konbini, then cancelled before activation: cash cannot go
 * back through the till, so the refund job records that staff owe it by bank transfer. Answers the
 * payment's id and the application's reference.
 */
export async function konbiniRefundOwed(server: TestServer): Promise<{ paymentId: string; reference: string }> {
  const { reference, token } = await draftApplication(server, "prepaid-data-esim", somebody());
  const submitted = await server.api("POST", `/v1/applications/${reference}/submit`, { token });
  if (submitted.body.state !== "payment_pending")
    throw new Error(`not payment_pending: ${JSON.stringify(submitted.body)}`);
  const slip = await server.api("POST", `/v1/applications/${reference}/purchase/payments`, {
    token,
    body: { method: "konbini" },
  });
  const paymentId = String((slip.body.payment as { id: string }).id);
  const paymentNumber = String((slip.body.konbini as { paymentNumber: string }).paymentNumber);
  const till = await server.api("POST", "/dev/konbini/payments", { body: { paymentNumber } });
  if (till.status >= 300) throw new Error(`the till refused: ${JSON.stringify(till.body)}`);
  // The provider's signed notification of the payment, delivered.
  await (server.services.payments.gateway as LocalTestGateway).settle();
  await jobsSettled(server);
  const cancelled = await server.api("POST", `/v1/applications/${reference}/cancel`, { token });
  if (cancelled.status !== 200) throw new Error(`not cancelled: ${JSON.stringify(cancelled.body)}`);
  await runEveryJobNow(server);
  const { rows } = await server.services.db.query(
    "SELECT 1 FROM payment_events WHERE payment_id = $1 AND kind = 'refund_by_transfer_needed'",
    [paymentId],
  );
  if (rows.length !== 1) throw new Error(`no refund by transfer owed on ${paymentId}`);
  return { paymentId, reference };
}
