import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consentToCredit, particularsOf, somebody, td3, throwawayEmail } from "./support/journey.ts";
import { signWithMyNumberCard } from "./support/jpki.ts";
import { type StaffClient, signInAs } from "./support/staff.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * A postpaid application from approval to its contract: the two documents generated for the applicant
 * in Japanese and their language, read (their SHA-256 checked), signed by consent, sealed with a PAdES
 * signature pdfsig accepts, and the SIM assigned.
 */

let server: TestServer;
let reviewer: StaffClient;
const dir = mkdtempSync(join(tmpdir(), "jitsumei-contract-"));
const address = { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", line1: "千代田1-1-1" };

/** The operator's details from configuration (JITSUMEI_OPERATOR_FILE), not the demo operator's. */
const operator = {
  name: { ja: "試験通信株式会社", en: "Shiken Tsushin K.K.", vi: "Công ty Shiken Tsushin" },
  address: { ja: "〒530-0001 大阪府大阪市北区梅田一丁目1番1号", en: "1-1-1 Umeda, Kita-ku, Osaka 530-0001" },
  registrationNumber: "T1234567890123",
  phone: "0120-111-222",
  supportHours: { ja: "平日 10時〜18時", en: "weekdays 10:00–18:00" },
  url: "https://shiken.example.jp",
};
const operatorFile = join(dir, "operator.json");
writeFileSync(operatorFile, JSON.stringify(operator));

beforeAll(async () => {
  server = await startTestServer({ JITSUMEI_OPERATOR_FILE: operatorFile });
  reviewer = await signInAs(server, "reviewer");
});
afterAll(async () => server?.close());

async function approvedPostpaid(language = "vi", formFactor = "physical") {
  const person = somebody();
  const created = await server.api("POST", "/v1/applications", {
    body: { planId: "postpaid-voice", language, formFactor, contact: { email: throwawayEmail("lan") } },
  });
  const reference = String(created.body.reference);
  const token = String(created.body.accessToken);
  await server.api("PUT", `/v1/applications/${reference}/applicant`, {
    token,
    body: particularsOf(person, { address, name: { family: "Nguyen", given: "Thi Lan", kanji: undefined } }),
  });
  await server.api("POST", `/v1/applications/${reference}/evidence`, {
    token,
    body: { kind: "mrz", lines: td3({ ...person, family: "NGUYEN", given: "THI LAN" }) },
  });
  // NF_JPKI complete, so a reviewer may approve; the throwaway e-mail address sends it to one.
  await signWithMyNumberCard(server, reference, token, { ...person, family: "NGUYEN", given: "THI LAN" }, address);
  await consentToCredit(server, reference, token);
  const submitted = await server.api("POST", `/v1/applications/${reference}/submit`, { token });
  expect(submitted.body.state).toBe("in_review");
  await reviewer.api("POST", `/v1/staff/applications/${reference}/claim`);
  const approved = await reviewer.api("POST", `/v1/staff/applications/${reference}/events`, {
    body: { type: "approve" },
  });
  expect(approved.body.state).toBe("contract_pending");
  return { reference, token };
}

async function download(path: string, token: string) {
  const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

function pdftotext(pdf: Buffer, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

describe("the contract", () => {
  it("is generated in Japanese and the applicant's language, signed by consent and sealed so pdfsig accepts it", async () => {
    const { reference, token } = await approvedPostpaid("vi");
    const contract = await server.api("GET", `/v1/applications/${reference}/contract`, { token });
    expect(contract.status).toBe(200);
    const docs = contract.body.documents as { kind: string; sha256: string; url: string; sizeBytes: number }[];
    expect(docs.map((d) => d.kind)).toEqual(["important_matters", "contract"]);

    const pdfs: Record<string, Buffer> = {};
    for (const doc of docs) {
      const file = await download(doc.url, token);
      expect(file.status).toBe(200);
      expect(file.headers.get("content-type")).toBe("application/pdf");
      expect(sha256(file.body)).toBe(doc.sha256);
      expect(file.body.length).toBeLessThan(1024 * 1024);
      pdfs[doc.kind] = file.body;
    }
    const explanation = pdftotext(pdfs.important_matters as Buffer, "im.pdf");
    expect(explanation).toContain("重要事項説明");
    expect(explanation).toMatch(/Nguyen/);
    expect(explanation).toContain(reference);
    const text = pdftotext(pdfs.contract as Buffer, "contract.pdf");
    expect(text).toMatch(/[ぁ-んァ-ン一-龥]/); // Japanese
    expect(text).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i); // Vietnamese
    expect(text).toMatch(/2[,.]?970/); // the plan's monthly price
    // The operator's name and address as configured, in Japanese and (where given) the applicant's language.
    // The contract's two columns wrap the address side by side; the explanation prints it whole.
    const flat = (t: string) => t.replace(/\s+/g, "");
    for (const printed of [operator.name.ja, operator.name.vi]) expect(flat(text)).toContain(flat(printed));
    for (const printed of [operator.name.ja, operator.address.ja, operator.registrationNumber]) {
      expect(flat(explanation)).toContain(flat(printed));
    }
    expect(text).not.toContain("実名モバイル");

    // Consent to other bytes than those issued is refused, naming the document.
    const wrong = await server.api("POST", `/v1/applications/${reference}/contract/signature`, {
      token,
      body: { accept: true, documents: { importantMatters: docs[0]?.sha256, contract: "0".repeat(64) } },
    });
    expect(wrong).toMatchObject({ status: 409, body: { code: "contract_changed", field: "documents.contract" } });
    const notAccepted = await server.api("POST", `/v1/applications/${reference}/contract/signature`, {
      token,
      body: { accept: false, documents: { importantMatters: docs[0]?.sha256, contract: docs[1]?.sha256 } },
    });
    expect(notAccepted).toMatchObject({ status: 422, body: { field: "accept" } });

    const signed = await server.api("POST", `/v1/applications/${reference}/contract/signature`, {
      token,
      headers: { "user-agent": "Mozilla/5.0 (test)" },
      body: { accept: true, documents: { importantMatters: docs[0]?.sha256, contract: docs[1]?.sha256 } },
    });
    expect(signed.status).toBe(200);
    // No billing method was chosen, so the deposit rules ask for one before the SIM.
    expect(signed.body.state).toBe("deposit_pending");
    const sealed = await download(String((signed.body.signedContract as { url: string }).url), token);
    const sealedFile = join(dir, "signed.pdf");
    writeFileSync(sealedFile, sealed.body);
    const pdfsig = spawnSync("pdfsig", [sealedFile], { encoding: "utf8" });
    expect(pdfsig.stdout).toContain("Signature Type: ETSI.CAdES.detached");
    expect(pdfsig.stdout).toContain("Signature Validation: Signature is Valid.");
    expect(pdfsig.stdout).toContain("Total document signed");
    // One changed byte inside the signed range, and the seal no longer holds.
    const tampered = Buffer.from(sealed.body);
    const at = tampered.indexOf("重") > 0 ? tampered.indexOf("重") : 2000;
    tampered[at] = (tampered[at] ?? 0) ^ 0x01;
    writeFileSync(join(dir, "tampered.pdf"), tampered);
    const broken = spawnSync("pdfsig", [join(dir, "tampered.pdf")], { encoding: "utf8" });
    expect(broken.stdout).not.toContain("Signature is Valid.");

    // The consent is an event with the documents' hashes; the IP and browser are kept sealed.
    const events = await server.api("GET", `/v1/applications/${reference}/events`, { token });
    const signEvent = (events.body.items as { event: string; data: Record<string, unknown> }[]).find(
      (e) => e.event === "sign_contract",
    );
    expect(signEvent?.data).toMatchObject({
      documents: { importantMatters: docs[0]?.sha256, contract: docs[1]?.sha256 },
      consentTextVersion: expect.any(String),
    });
    const raw = await server.services.db.query<{ client_enc: Buffer }>("SELECT client_enc FROM contract_consents");
    expect(raw.rows.some((r) => Buffer.from(r.client_enc).toString("latin1").includes("Mozilla"))).toBe(false);

    // Signing twice is refused; the documents page lists all three.
    const again = await server.api("POST", `/v1/applications/${reference}/contract/signature`, {
      token,
      body: { accept: true, documents: { importantMatters: docs[0]?.sha256, contract: docs[1]?.sha256 } },
    });
    expect(again).toMatchObject({ status: 409, body: { code: "transition_not_allowed" } });
    const all = await server.api("GET", `/v1/applications/${reference}/documents`, { token });
    expect((all.body.documents as { kind: string }[]).map((d) => d.kind)).toEqual([
      "important_matters",
      "contract",
      "signed_contract",
    ]);
  });

  it("keeps another application's documents out of reach", async () => {
    const mine = await approvedPostpaid("en");
    const theirs = await approvedPostpaid("ko");
    const contract = await server.api("GET", `/v1/applications/${theirs.reference}/contract`, { token: theirs.token });
    const id = String((contract.body.documents as { id: string }[])[0]?.id);
    const stolen = await download(`/v1/applications/${mine.reference}/documents/${id}.pdf`, mine.token);
    expect(stolen.status).toBe(404);
  });
});

describe("jitsumei contract sample", () => {
  it("writes a sealed sample contract an operator can review", () => {
    const out = join(dir, "sample.pdf");
    const cli = join(import.meta.dirname, "..", "bin", "jitsumei.js");
    const run = spawnSync(
      process.execPath,
      [cli, "contract", "sample", "--plan", "postpaid-voice", "--language", "zh-Hant", "--out", out],
      { encoding: "utf8", env: { ...process.env, JITSUMEI_DATA_DIR: dir } },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ out, bytes: readFileSync(out).length });
    expect(spawnSync("pdfsig", [out], { encoding: "utf8" }).stdout).toContain("Signature is Valid.");
    const bad = spawnSync(
      process.execPath,
      [cli, "contract", "sample", "--plan", "nope", "--language", "en", "--out", out],
      {
        encoding: "utf8",
        env: { ...process.env, JITSUMEI_DATA_DIR: dir },
      },
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown plan/);
  });
});
