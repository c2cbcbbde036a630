import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { type ResidenceCardChip, verifyResidenceCardChip } from "./residence-card.ts";
import { loadTrustStore } from "./trust-store.ts";

const { chip } = inject("evidenceFixtures");
const trust = loadTrustStore(chip.trustDir);
const read = (f: { front: string; face: string; checkCode: string; certificate: string }): ResidenceCardChip => ({
  front: readFileSync(f.front),
  face: readFileSync(f.face),
  checkCode: readFileSync(f.checkCode),
  certificate: readFileSync(f.certificate),
});
const failed = (r: ReturnType<typeof verifyResidenceCardChip>) =>
  r.checks.filter((c) => c.status === "fail").map((c) => c.code);

describe("residence card chip signature (在留カード)", () => {
  it.each([
    ["first generation (RSA-2048, SHA-256)", "firstGeneration", "rsa-pkcs1-sha256"],
    ["second generation (ECDSA P-384, r‖s)", "secondGeneration", "ecdsa-p1363-sha384"],
  ] as const)("accepts a genuine %s card", (_, generation, scheme) => {
    const result = verifyResidenceCardChip(read(chip.residenceCards[generation]), trust, { at: new Date() });
    expect(failed(result)).toEqual([]);
    expect(result.fields.scheme).toBe(scheme);
    expect(result.fields.face?.format).toBe("jpeg");
  });

  it("fails a changed face image, and a changed card front", () => {
    const card = read(chip.residenceCards.firstGeneration);
    const face = Buffer.from(card.face);
    face[face.length - 3] = (face[face.length - 3] ?? 0) ^ 1;
    expect(failed(verifyResidenceCardChip({ ...card, face }, trust, { at: new Date() }))).toEqual([
      "chip.sod_signature",
    ]);
    const front = Buffer.from(card.front);
    front[40] = (front[40] ?? 0) ^ 1;
    expect(failed(verifyResidenceCardChip({ ...card, front }, trust, { at: new Date() }))).toEqual([
      "chip.sod_signature",
    ]);
  });

  it("fails a signer that does not chain to the trusted CA", () => {
    const result = verifyResidenceCardChip(
      read(chip.residenceCards.secondGeneration),
      loadTrustStore(chip.otherTrustDir),
      {
        at: new Date(),
      },
    );
    expect(failed(result)).toEqual(["chip.document_signer_trusted"]);
  });

  it("refuses data larger than the card holds, and an unreadable certificate", () => {
    const card = read(chip.residenceCards.firstGeneration);
    expect(failed(verifyResidenceCardChip({ ...card, face: new Uint8Array(3001) }, trust, { at: new Date() }))).toEqual(
      ["chip.sod_readable"],
    );
    expect(
      failed(verifyResidenceCardChip({ ...card, certificate: new Uint8Array(10) }, trust, { at: new Date() })),
    ).toEqual(["chip.sod_readable"]);
  });
});
