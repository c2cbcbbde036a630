import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openssl } from "../../../packages/evidence/src/fixtures/openssl.ts";
import { anna, particularsOf, submitAndPay } from "./support/journey.ts";
import { takeLiveSelfie } from "./support/live-selfie.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

const { chip, jpki } = inject("evidenceFixtures");
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ JITSUMEI_CSCA_DIR: chip.trustDir, JITSUMEI_JPKI_TRUST_DIR: jpki.trustDir });
});
afterAll(async () => server?.close());

const b64 = (file: string) => readFileSync(file).toString("base64");
const chipBody = (name: keyof typeof chip.chips) => ({
  kind: "chip",
  sod: b64(chip.chips[name].sod),
  dataGroups: { "1": b64(chip.chips[name].dg1), "2": b64(chip.chips[name].dg2) },
});
const address = { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", line1: "千代田1-1-1" };

async function newApplication(planId: string, particulars: Record<string, unknown>) {
  const created = await server.api("POST", "/v1/applications", {
    body: { planId, language: "en", channel: "online", contact: { email: "c@example.test" } },
  });
  const reference = String(created.body.reference);
  const token = String(created.body.accessToken);
  const put = await server.api("PUT", `/v1/applications/${reference}/applicant`, { token, body: particulars });
  expect(put.status).toBe(200);
  return { reference, token };
}

describe("chip evidence over the API", () => {
  it("verifies a chip read at upload and approves a data eSIM on it, with no typed MRZ", async () => {
    const { reference, token } = await newApplication("prepaid-data-esim", particularsOf(anna));
    const added = await server.api("POST", `/v1/applications/${reference}/evidence`, {
      token,
      body: chipBody("brainpool"),
    });
    expect(added.status).toBe(201);
    const checks = added.body.checks as { code: string; status: string; message: string }[];
    expect(checks.every((c) => c.status === "pass")).toBe(true);
    expect(checks.find((c) => c.code === "chip.sod_signature")?.message).toMatch(/valid signature/);
    const submitted = await submitAndPay(server, reference, token);
    expect(submitted.body.state).toBe("sim_assigned");
    const method = (submitted.body.checks as { code: string; params?: { method?: string } }[]).find(
      (c) => c.code === "policy.method_available",
    );
    expect(method?.params?.method).toBe("CHIP");
  });

  it("rejects an application whose chip data was tampered with", async () => {
    const { reference, token } = await newApplication("prepaid-data-esim", particularsOf(anna));
    const body = chipBody("rsa");
    const dg2 = readFileSync(chip.chips.rsa.dg2);
    dg2[dg2.length - 20] = (dg2[dg2.length - 20] ?? 0) ^ 1;
    body.dataGroups["2"] = dg2.toString("base64");
    const added = await server.api("POST", `/v1/applications/${reference}/evidence`, { token, body });
    expect(added.status).toBe(201);
    expect(added.body.checks).toContainEqual(
      expect.objectContaining({ code: "chip.data_group_hashes", status: "fail" }),
    );
    const submitted = await submitAndPay(server, reference, token);
    expect(submitted.body.state).toBe("rejected");
  });

  it("refuses bytes that are not a chip's SOD, naming the field, and stores nothing", async () => {
    const { reference, token } = await newApplication("prepaid-data-esim", particularsOf(anna));
    const r = await server.api("POST", `/v1/applications/${reference}/evidence`, {
      token,
      body: {
        kind: "chip",
        sod: Buffer.from("not a sod").toString("base64"),
        dataGroups: { "1": b64(chip.chips.rsa.dg1) },
      },
    });
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ code: "evidence_invalid", field: "sod" });
    const bad = await server.api("POST", `/v1/applications/${reference}/evidence`, {
      token,
      body: { kind: "chip", sod: "!!", dataGroups: {} },
    });
    expect(bad.status).toBe(422);
    expect((bad.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(["dataGroups", "sod"]);
    const view = await server.api("GET", `/v1/applications/${reference}`, { token });
    expect(view.body.evidence).toEqual([]);
  });
});

describe("JPKI evidence over the API", () => {
  const particulars = {
    ...particularsOf(anna),
    name: { family: "Jitsumei", given: "Hanako", kanji: "実名 花子" },
    sex: "female",
    address,
    document: { type: "my_number_card", expiryDate: "2031-08-12", issuingCountry: "JPN" },
  };

  async function sign(reference: string, token: string): Promise<string> {
    const payload = await server.api("GET", `/v1/applications/${reference}/jpki-payload`, { token });
    expect(payload.status).toBe(200);
    const bytes = Buffer.from(String(payload.body.payload), "base64");
    expect(bytes.toString("utf8")).toBe(payload.body.text);
    const signature = openssl(
      [
        "cms",
        "-sign",
        "-binary",
        "-nodetach",
        "-signer",
        jpki.signer.cert,
        "-inkey",
        jpki.signer.key,
        "-md",
        "sha256",
        "-outform",
        "DER",
      ],
      bytes,
    );
    return signature.toString("base64");
  }

  it("approves a voice line signed with the My Number card (NF_JPKI)", async () => {
    const { reference, token } = await newApplication("prepaid-voice-sim", particulars);
    const signature = await sign(reference, token);
    const added = await server.api("POST", `/v1/applications/${reference}/evidence`, {
      token,
      body: { kind: "jpki", signature },
    });
    expect(added.status).toBe(201);
    expect(added.body.format).toBe("cms");
    const submitted = await submitAndPay(server, reference, token);
    expect(submitted.body.state).toBe("sim_assigned");
    const method = (submitted.body.checks as { code: string; params?: { method?: string } }[]).find(
      (c) => c.code === "policy.method_available",
    );
    expect(method?.params?.method).toBe("NF_JPKI");
  });

  it("asks for a new signature when the particulars changed after signing, before any check runs", async () => {
    const { reference, token } = await newApplication("prepaid-voice-sim", particulars);
    const signature = await sign(reference, token);
    await server.api("POST", `/v1/applications/${reference}/evidence`, { token, body: { kind: "jpki", signature } });
    await server.api("PUT", `/v1/applications/${reference}/applicant`, {
      token,
      body: { ...particulars, address: { ...address, line2: "101号室" } },
    });
    // The signature covers the old address: the application says so, and submitting is refused.
    const view = await server.api("GET", `/v1/applications/${reference}`, { token });
    expect((view.body.needs as { field: string }[]).map((n) => n.field)).toContain("evidence.jpki");
    const refused = await server.api("POST", `/v1/applications/${reference}/submit`, { token });
    expect(refused).toMatchObject({ status: 422, body: { code: "application_incomplete", field: "evidence.jpki" } });
    expect((await server.api("GET", `/v1/applications/${reference}`, { token })).body.state).toBe("draft");
    // Signed again over the particulars as they are now, it goes through.
    const again = await sign(reference, token);
    const added = await server.api("POST", `/v1/applications/${reference}/evidence`, {
      token,
      body: { kind: "jpki", signature: again },
    });
    expect(added.status).toBe(201);
    const submitted = await submitAndPay(server, reference, token);
    expect(submitted.body.checks).toContainEqual(
      expect.objectContaining({ code: "jpki.signed_data_matches", status: "pass" }),
    );
  });

  it("goes to review, not approval, for a voice line with a chip but no selfie match yet", async () => {
    const { reference, token } = await newApplication("prepaid-voice-sim", { ...particularsOf(anna), address });
    await server.api("POST", `/v1/applications/${reference}/evidence`, { token, body: chipBody("p256") });
    const submitted = await submitAndPay(server, reference, token);
    expect(submitted.body.state).toBe("in_review");
  });
});

describe("image and selfie evidence over the API", () => {
  it("stores a document photo re-encoded, with its GPS position stripped", async () => {
    const sharp = (await import("sharp")).default;
    const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#8899aa" } })
      .composite([
        {
          input: Buffer.from(
            '<svg width="1200" height="800"><rect x="100" y="100" width="1000" height="600" fill="none" stroke="black" stroke-width="8"/><text x="150" y="300" font-size="80">UTOPIA ID</text></svg>',
          ),
        },
      ])
      .withExif({ IFD0: { Make: "TestCam" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "35/1 40/1 0/1" } })
      .jpeg()
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const { reference, token } = await newApplication("prepaid-data-esim", particularsOf(anna));
    const added = await server.api("POST", `/v1/applications/${reference}/evidence`, {
      token,
      body: { kind: "image", purpose: "document_front", image: photo.toString("base64") },
    });
    expect(added.status).toBe(201);
    expect(added.body.format).toBe("jpeg");

    const { findApplicationByReference } = await import("../src/applications/application-row.ts");
    const { loadApplicationData } = await import("../src/applications/load-application-data.ts");
    const row = await findApplicationByReference(server.services.db, reference);
    if (!row) throw new Error("no application");
    const data = await loadApplicationData(server.services, row);
    const stored = data.evidence.find((e) => e.kind === "image");
    if (stored?.kind !== "image") throw new Error("no stored image");
    const metadata = await sharp(Buffer.from(stored.image, "base64")).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.width).toBe(1200);
  });

  it("refuses a GIF with the reason in the applicant's language, naming the field", async () => {
    const created = await server.api("POST", "/v1/applications", {
      body: { planId: "prepaid-data-esim", language: "ja", channel: "online", contact: { email: "g@example.test" } },
    });
    const gif = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");
    const r = await server.api("POST", `/v1/applications/${created.body.reference}/evidence`, {
      token: String(created.body.accessToken),
      body: { kind: "selfie", image: gif.toString("base64") },
    });
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ code: "evidence_invalid", field: "image" });
    const [error] = r.body.errors as { reason: string; code: string }[];
    expect(error?.code).toBe("image.type_accepted");
    expect(error?.reason).toMatch(/[ぁ-んァ-ン]/); // Japanese
  });
});

describe("IC chip with a selfie (NF_IC_SELFIE) over the API", () => {
  const faces = join(import.meta.dirname, "..", "..", "..", "packages", "evidence", "src", "face", "fixtures");

  async function withChipAndSelfie(
    planId: string,
    chipEvidence: Record<string, unknown>,
    /** A fixture file uploaded as it is, or "live": a live selfie of the chips' face (seed 1). */
    selfieFile: string,
    particulars: Record<string, unknown> = { ...particularsOf(anna), address },
  ) {
    const { reference, token } = await newApplication(planId, particulars);
    expect(
      (await server.api("POST", `/v1/applications/${reference}/evidence`, { token, body: chipEvidence })).status,
    ).toBe(201);
    if (selfieFile === "live") {
      const live = await takeLiveSelfie(server, reference, token);
      expect(live.body.outcome).toBe("pass");
    } else {
      const selfie = await server.api("POST", `/v1/applications/${reference}/evidence`, {
        token,
        body: { kind: "selfie", image: readFileSync(join(faces, selfieFile)).toString("base64") },
      });
      expect(selfie.status).toBe(201);
    }
    return submitAndPay(server, reference, token);
  }

  it("matches the live selfie to the chip's face, and leaves a voice line's address to a person", async () => {
    const submitted = await withChipAndSelfie("prepaid-voice-sim", chipBody("rsa"), "live");
    const checks = submitted.body.checks as { code: string; status: string; params?: Record<string, string> }[];
    expect(checks.find((c) => c.code === "face.matches_chip_photo")?.status).toBe("pass");
    // No passport chip holds an address (LAW.md): the method is completed by a person.
    expect(checks.find((c) => c.code === "policy.method_available")).toMatchObject({
      status: "review",
      params: { reason: "address_not_on_chip" },
    });
    expect(submitted.body.state).toBe("in_review");
    // The scores are recorded for staff, and not shown to the applicant.
    expect(JSON.stringify(submitted.body)).not.toMatch(/similarity/);
    const { rows } = await server.services.db.query<{ details: { similarity: number; liveness: number } }>(
      "SELECT details FROM check_results WHERE code = 'face.matches_chip_photo' ORDER BY id DESC LIMIT 1",
    );
    expect(rows[0]?.details.similarity).toBeGreaterThanOrEqual(0.75);
    expect(typeof rows[0]?.details.liveness).toBe("number");
  });

  it("sends an uploaded selfie to a person even where no address is needed: only a live capture passes face.live", async () => {
    const submitted = await withChipAndSelfie("prepaid-data-esim", chipBody("p256"), "synthetic-face-a.jpg");
    const checks = submitted.body.checks as { code: string; status: string; params?: Record<string, string> }[];
    expect(checks.find((c) => c.code === "face.matches_chip_photo")?.status).toBe("pass");
    expect(checks.find((c) => c.code === "face.live")).toMatchObject({
      status: "review",
      params: { reason: "not_captured_live" },
    });
    expect(submitted.body.state).toBe("in_review");
  });

  it("sends another person's selfie to a person, not to approval", async () => {
    const submitted = await withChipAndSelfie("prepaid-voice-sim", chipBody("rsa"), "synthetic-face-b.jpg");
    const checks = submitted.body.checks as { code: string; status: string }[];
    expect(checks.find((c) => c.code === "face.matches_chip_photo")?.status).toBe("fail");
    expect(submitted.body.state).toBe("in_review");
  });

  it("verifies a residence card's chip, and leaves reading its front to a person", async () => {
    const card = chip.residenceCards.secondGeneration;
    const body = {
      kind: "residence_card_chip",
      front: b64(card.front),
      face: b64(card.face),
      checkCode: b64(card.checkCode),
      certificate: b64(card.certificate),
    };
    const residence = {
      ...particularsOf(anna),
      address,
      document: { type: "residence_card", number: "AB12345678CD", expiryDate: "2030-01-01", issuingCountry: "JPN" },
    };
    const submitted = await withChipAndSelfie("prepaid-voice-sim", body, "live", residence);
    const checks = submitted.body.checks as { code: string; status: string; params?: Record<string, string> }[];
    expect(checks.find((c) => c.code === "chip.sod_signature")?.status).toBe("pass");
    expect(checks.find((c) => c.code === "face.matches_chip_photo")?.status).toBe("pass");
    expect(checks.find((c) => c.code === "policy.method_available")?.params?.reason).toBe(
      "residence_card_front_to_be_read",
    );
    expect(submitted.body.state).toBe("in_review");
    // The same chip under a form that names a passport goes back to the applicant.
    const mismatched = await withChipAndSelfie("prepaid-voice-sim", body, "synthetic-face-a.jpg");
    expect(mismatched.body.state).toBe("correction_requested");
    expect(mismatched.body.checks).toContainEqual(
      expect.objectContaining({ code: "chip.document_type_matches", status: "fail" }),
    );
  });

  it("verifies a special permanent resident certificate's chip as a residence card's (one ISA specification)", async () => {
    const card = chip.residenceCards.firstGeneration;
    const body = {
      kind: "residence_card_chip",
      front: b64(card.front),
      face: b64(card.face),
      checkCode: b64(card.checkCode),
      certificate: b64(card.certificate),
    };
    // Another person than the earlier tests' Anna, who holds five voice lines by now (the line limit).
    const residence = {
      ...particularsOf(anna),
      birthDate: "1981-03-04",
      address,
      document: { type: "residence_card", number: "AB12345678CD", expiryDate: "2030-01-01", issuingCountry: "JPN" },
    };
    // A special permanent resident certificate's chip is of the same specification: the same checks.
    const special = await withChipAndSelfie("prepaid-voice-sim", body, "live", {
      ...residence,
      document: { ...residence.document, type: "special_permanent_resident_certificate" },
    });
    const specialChecks = special.body.checks as { code: string; status: string; params?: Record<string, string> }[];
    expect(specialChecks.find((c) => c.code === "chip.document_type_matches")).toBeUndefined();
    expect(specialChecks.find((c) => c.code === "chip.sod_signature")?.status).toBe("pass");
    expect(specialChecks.find((c) => c.code === "policy.method_available")?.params?.reason).toBe(
      "residence_card_front_to_be_read",
    );
    expect(special.body.state).toBe("in_review");
  });
});
