import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { emulatedMyNumberCard } from "../../../packages/reader/src/test-support/emulated-my-number-card.ts";
import { readCard } from "../src/counter-reader/counter-reader.ts";
import { exportVerificationRecords, recordsToCsv } from "../src/records/export-verification-records.ts";
import { anna, particularsOf, td3 } from "./support/journey.ts";
import { type StaffClient, signInAs } from "./support/staff.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * From 2027-04-01 a voice line sold at a counter may be verified only by F2F_IC (the chip read in the
 * shop). The My Number card, the most common ID, has no ICAO chip: the shop reads its card-face
 * application (券面事項入力補助AP) with the counter program, whose signature check is kept as the
 * program's report (the signature covers the My Number's hash, which goes nowhere), and the server
 * compares the particulars with the form. The policy names those checks for the My Number card, the
 * ICAO ones for a passport. The server's clock is pinned to 2027-04-02; the card is our card-face
 * emulator, read by the counter program's own `readCard` (the PC/SC path is my-number-counter.test.ts).
 */
const { jpki, chip } = inject("evidenceFixtures");
const pin = "4071";
const cardFaceChecks = ["card_face.signature_valid", "card_face.particulars_match_form"];
type Check = { code: string; status: string; params?: Record<string, unknown> };

let server: TestServer;
let admin: StaffClient;
let clerk: StaffClient;
let reviewer: StaffClient;

beforeAll(async () => {
  server = await startTestServer({ JITSUMEI_CSCA_DIR: chip.trustDir }, { now: new Date("2027-04-02T03:00:00Z") });
  [admin, clerk, reviewer] = [
    await signInAs(server, "admin"),
    await signInAs(server, "clerk"),
    await signInAs(server, "reviewer"),
  ];
}, 180_000);
afterAll(async () => server?.close());

/** A My Number card as the counter program reads it: its answer, as the console gets it. */
async function readMyNumberCard(options: { forgedSignature?: boolean } = {}) {
  const key = generateKeyPairSync("rsa", { modulusLength: 2048 });
  // A forged card: its signature file made by another key than the one its key file holds.
  const signer = options.forgedSignature ? generateKeyPairSync("rsa", { modulusLength: 2048 }) : key;
  const card = emulatedMyNumberCard({
    myNumber: "739184620575",
    particulars: {
      name: "実名　花子",
      address: "東京都千代田区千代田一丁目1番1号",
      birthDate: "19740812",
      sexCode: "2",
    },
    cardFaceKey: signer.privateKey,
    cardFacePublicKeyDer: new Uint8Array(key.publicKey.export({ format: "der", type: "spki" })),
    cardFacePin: pin,
    jpki: { key: key.privateKey, certificate: readFileSync(jpki.certificate), signingPin: "ABC123" },
  });
  const read = await readCard(card, { document: "my_number_card", pin });
  if (read.document !== "my_number_card") throw new Error(`read a ${read.document}`);
  return read;
}

/** The form for the card's holder, as the clerk's device fills it in (the card shows no number to record). */
const hanako = {
  name: { family: "Jitsumei", given: "Hanako", kanji: "実名 花子" },
  birthDate: "1974-08-12",
  sex: "female",
  nationality: "JPN",
  address: { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", line1: "千代田1-1-1" },
  document: { type: "my_number_card", expiryDate: "2034-08-12", issuingCountry: "JPN" },
};

async function counterSale(particulars: unknown) {
  const batch = await admin.api("POST", "/v1/staff/package-batches", {
    body: { planId: "prepaid-voice-sim", channel: "airport", count: 1 },
  });
  expect(batch.status, JSON.stringify(batch.body)).toBe(201);
  const csv = await fetch(`${server.url}/v1/staff/package-batches/${batch.body.batchId}/packages.csv`, {
    headers: { cookie: admin.cookie },
  });
  const code = (await csv.text()).split("\n")[1]?.split(",")[1] ?? "";
  const sale = await clerk.api("POST", "/v1/staff/counter/sales", {
    body: { code, language: "ja", contact: { email: "hanako-2027@example.test" } },
  });
  expect(sale.status, JSON.stringify(sale.body)).toBe(201);
  const reference = String(sale.body.reference);
  const token = String(sale.body.accessToken);
  const put = await server.api("PUT", `/v1/applications/${reference}/applicant`, { token, body: particulars });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
  return { reference, token };
}

async function submitWith(sale: { reference: string; token: string }, evidence: unknown) {
  const added = await server.api("POST", `/v1/applications/${sale.reference}/evidence`, {
    token: sale.token,
    body: evidence,
  });
  expect(added.status, JSON.stringify(added.body)).toBe(201);
  const submitted = await server.api("POST", `/v1/applications/${sale.reference}/submit`, { token: sale.token });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  return { state: String(submitted.body.state), checks: submitted.body.checks as Check[] };
}

async function approve(reference: string) {
  await reviewer.api("POST", `/v1/staff/applications/${reference}/claim`);
  return reviewer.api("POST", `/v1/staff/applications/${reference}/events`, { body: { type: "approve" } });
}

const cardFaceEvidence = (read: Awaited<ReturnType<typeof readMyNumberCard>>) => ({
  kind: "my_number_card_face",
  particulars: read.particularsFile,
  cardSignature: read.signature.signatureValid && read.signature.particularsHashMatches ? "valid" : "invalid",
});

describe("a voice line sold at the counter on 2027-04-02", () => {
  it("with the My Number card read: F2F_IC is complete, approved, and the record names the method and its checks", async () => {
    const read = await readMyNumberCard();
    expect(read.signature).toEqual({ particularsHashMatches: true, signatureValid: true });
    const sale = await counterSale(hanako);
    const submitted = await submitWith(sale, cardFaceEvidence(read));
    expect(submitted.checks).toContainEqual(
      expect.objectContaining({
        code: "card_face.signature_valid",
        status: "pass",
        params: { reportedBy: "reader", result: "valid" },
      }),
    );
    expect(submitted.checks).toContainEqual(
      expect.objectContaining({ code: "card_face.particulars_match_form", status: "pass" }),
    );
    expect(submitted.checks).toContainEqual(
      expect.objectContaining({
        code: "policy.method_available",
        status: "pass",
        params: expect.objectContaining({ method: "F2F_IC" }),
      }),
    );

    // The case view names the method, the document and the checks that complete it.
    const view = await reviewer.api("GET", `/v1/staff/applications/${sale.reference}`);
    expect(view.status).toBe(200);
    expect(view.body.approval).toEqual({
      kind: "method_complete",
      method: "F2F_IC",
      checks: cardFaceChecks,
      document: "my_number_card",
      policy: { id: "jp-mobile-act", version: "2027-04-01" },
    });
    // Every check the pinned policy asks of F2F_IC with this document passed, and the card holds the
    // address: nothing is left that a person must complete, so the automated checks approve it, as
    // one reviewer could (lawful-approval.ts). Before the fix nobody could: "F2F_IC: ic_chip" was missing.
    expect(submitted.state).toBe("sim_assigned");
    const again = await approve(sale.reference);
    expect(again.body).toMatchObject({ code: "transition_not_allowed", state: "sim_assigned" });
    const activated = await clerk.api("POST", `/v1/staff/counter/applications/${sale.reference}/activation`);
    expect(activated.status, JSON.stringify(activated.body)).toBe(200);
    const [record] = await exportVerificationRecords(server.services, {
      from: null,
      to: null,
      actor: "test",
      reference: sale.reference,
    });
    expect(record).toMatchObject({
      verifiedBy: "system:automated-checks",
      method: "F2F_IC",
      checks: [
        { code: "card_face.signature_valid", status: "pass", reportedBy: "reader" },
        { code: "card_face.particulars_match_form", status: "pass" },
      ],
      document: { type: "my_number_card", number: null },
      policy: { id: "jp-mobile-act", version: "2027-04-01" },
    });
    expect(record?.checks?.[1]).not.toHaveProperty("reportedBy");
    expect(recordsToCsv(record ? [record] : [])).toContain(
      "card_face.signature_valid:pass(reader) card_face.particulars_match_form:pass",
    );
  }, 60_000);

  it("with a card whose signature the counter program finds wrong: the method is not complete, a person decides", async () => {
    const read = await readMyNumberCard({ forgedSignature: true });
    expect(read.signature.signatureValid).toBe(false);
    const sale = await counterSale(hanako);
    const submitted = await submitWith(sale, cardFaceEvidence(read));
    expect(submitted.checks).toContainEqual(
      expect.objectContaining({ code: "card_face.signature_valid", status: "fail" }),
    );
    const view = await reviewer.api("GET", `/v1/staff/applications/${sale.reference}`);
    expect(view.body.approval).toMatchObject({
      kind: "person_decides",
      method: "F2F_IC",
      unmet: ["card_face.signature_valid"],
    });
  }, 60_000);

  it("with only a typed passport MRZ: still refused, the answer names the chip to bring", async () => {
    const sale = await counterSale({
      ...particularsOf(anna),
      address: { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", line1: "千代田1-1-1" },
    });
    const submitted = await submitWith(sale, { kind: "mrz", lines: td3(anna) });
    expect(submitted.state).toBe("in_review");
    const refused = await approve(sale.reference);
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body).toMatchObject({ code: "verification_incomplete" });
    expect(String(refused.body.detail)).toContain("F2F_IC: ic_chip");
  }, 60_000);
});

describe("a My Number card's card-face read is no chip read online", () => {
  it("an online application's reported signature goes to a person, and NF_IC_SELFIE is not met by it", async () => {
    const read = await readMyNumberCard();
    const created = await server.api("POST", "/v1/applications", {
      body: { planId: "prepaid-voice-sim", language: "ja", channel: "online", contact: { email: "o@example.test" } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const sale = { reference: String(created.body.reference), token: String(created.body.accessToken) };
    const put = await server.api("PUT", `/v1/applications/${sale.reference}/applicant`, {
      token: sale.token,
      body: hanako,
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const submitted = await submitWith(sale, cardFaceEvidence(read));
    expect(submitted.checks).toContainEqual(
      expect.objectContaining({
        code: "card_face.signature_valid",
        status: "review",
        params: { reportedBy: "reader", result: "valid", reason: "not_at_counter" },
      }),
    );
    const view = await reviewer.api("GET", `/v1/staff/applications/${sale.reference}`);
    expect(view.body.approval).toMatchObject({ kind: "evidence_missing" });
  }, 60_000);
});
