import { readFileSync } from "node:fs";
import { loadTrustStore, verifyResidenceCardChip } from "@jitsumei/evidence";
import { describe, expect, inject, it } from "vitest";
import { ReaderError } from "./errors.ts";
import { decodeAddress, readResidenceCard } from "./residence-card.ts";
import { emulatedResidenceCard, type ResidenceCardFiles } from "./test-support/emulated-residence-card.ts";

// The project's test residence cards (packages/evidence/src/fixtures): a front image and a face, signed
// by an RSA-2048 (first generation) and a P-384 (second generation) signer under a test CA, with openssl.
const fixtures = inject("evidenceFixtures").chip;
const trust = loadTrustStore(fixtures.trustDir);
const cardNumber = "AB12345678CD";
// 東京都 in JIS X 0208 row-cell bytes (東 45 6C, 京 35 7E, 都 45 54), after the date and municipality code.
const address = Uint8Array.from([
  ...Buffer.from("20250401131016", "ascii"),
  ...[0x45, 0x6c, 0x35, 0x7e, 0x45, 0x54],
  ...new Array(40).fill(0),
]);
const files = (generation: "firstGeneration" | "secondGeneration"): ResidenceCardFiles => {
  const f = fixtures.residenceCards[generation];
  return {
    cardNumber,
    front: readFileSync(f.front),
    face: readFileSync(f.face),
    checkCode: readFileSync(f.checkCode),
    certificate: readFileSync(f.certificate),
    address,
  };
};
const failed = (r: ReturnType<typeof verifyResidenceCardChip>) =>
  r.checks.filter((c) => c.status === "fail").map((c) => c.code);
const readError = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReaderError);
  return error as ReaderError;
};

describe("reading a residence card (在留カード等仕様書)", () => {
  it("first generation: card-number authentication, 3DES secure messaging; the engine accepts the check code", async () => {
    const card = emulatedResidenceCard(files("firstGeneration"));
    const read = await readResidenceCard(card, { cardNumber: "ab12345678cd" });
    expect(read.generation).toBe(1);
    expect(read.cardType).toBe("residence_card");
    expect(Buffer.from(read.front)).toEqual(readFileSync(fixtures.residenceCards.firstGeneration.front));
    expect(Buffer.from(read.face)).toEqual(readFileSync(fixtures.residenceCards.firstGeneration.face));
    expect(read.address).toMatchObject({ recordedOn: "20250401", municipalityCode: "131016", address: "東京都" });
    const result = verifyResidenceCardChip(read, trust, { at: new Date() });
    expect(failed(result)).toEqual([]);
    expect(result.fields.scheme).toBe("rsa-pkcs1-sha256");
    // Every read beyond the MF's two free files went through secure messaging (CLA 08).
    const plainReads = card.commands.filter((c) => c[0] === 0x00 && c[1] === 0xb0).map((c) => c[2]);
    expect(plainReads).toEqual([0x81, 0x82]);
    expect(card.commands.filter((c) => c[0] === 0x08 && c[1] === 0xb0).length).toBe(4);
  });

  it("second generation: found by trying the first generation's 3DES, then AES; ECDSA P-384 verified", async () => {
    const card = emulatedResidenceCard(files("secondGeneration"), { generation: 2 });
    const read = await readResidenceCard(card, { cardNumber });
    expect(read.generation).toBe(2);
    expect(card.commands.filter((c) => c[1] === 0x82)).toHaveLength(2);
    const result = verifyResidenceCardChip(read, trust, { at: new Date() });
    expect(failed(result)).toEqual([]);
    expect(result.fields.scheme).toBe("ecdsa-p1363-sha384");
  });

  it("a card that answers in small pieces is read at offsets to the end of each file", async () => {
    const card = emulatedResidenceCard(files("firstGeneration"), { maxAnswer: 200 });
    const read = await readResidenceCard(card, { cardNumber, generation: 1 });
    expect(verifyResidenceCardChip(read, trust, { at: new Date() }).valid).toBe(true);
    expect(card.commands.filter((c) => c[0] === 0x08 && c[1] === 0xb0).length).toBeGreaterThan(10);
  });

  it("a special permanent resident certificate says so", async () => {
    const read = await readResidenceCard(emulatedResidenceCard({ ...files("firstGeneration"), cardType: "2" }), {
      cardNumber,
    });
    expect(read.cardType).toBe("special_permanent_resident_certificate");
  });

  it("a wrong card number opens nothing: access_denied, and no protected file is read", async () => {
    const card = emulatedResidenceCard(files("firstGeneration"));
    const error = await readError(readResidenceCard(card, { cardNumber: "AB12345678CE" }));
    expect(error.code).toBe("access_denied");
    expect(card.commands.some((c) => c[0] === 0x08 && c[1] === 0xb0)).toBe(false);
    expect((await readError(readResidenceCard(card, { cardNumber: "12345" }))).code).toBe("access_denied");
    // Told the wrong generation, the card's own number opens nothing either.
    const first = emulatedResidenceCard(files("firstGeneration"));
    expect((await readError(readResidenceCard(first, { cardNumber, generation: 2 }))).code).toBe("access_denied");
  });

  it("a changed byte in the face fails the engine's check code", async () => {
    const changed = files("firstGeneration");
    const face = Uint8Array.from(changed.face);
    face[100] = (face[100] as number) ^ 1;
    const read = await readResidenceCard(emulatedResidenceCard({ ...changed, face }), { cardNumber });
    expect(failed(verifyResidenceCardChip(read, trust, { at: new Date() }))).toEqual(["chip.sod_signature"]);
  });

  it.each([
    ["a wrong MAC on MUTUAL AUTHENTICATE", { wrongMacOnAuthentication: true }, "access_denied"],
    ["a wrong padding indicator", { wrongPaddingIndicator: true }, "secure_messaging"],
    ["a front image claiming 60,000 bytes", { frontLengthClaim: 60000 }, "file_too_large"],
    ["garbage from the 4th command", { garbageFromCommand: 4 }, null],
    ["garbage from the 9th command", { garbageFromCommand: 9 }, null],
  ] as const)("%s ends the read with a ReaderError", async (_, faults, code) => {
    const card = emulatedResidenceCard(files("firstGeneration"), { faults });
    const error = await readError(readResidenceCard(card, { cardNumber, generation: 1 }));
    if (code) expect(error.code).toBe(code);
  });

  it("a card that answers a few bytes at a time is given up after 256 reads of one file", async () => {
    const card = emulatedResidenceCard(files("firstGeneration"), { maxAnswer: 3 });
    const error = await readError(readResidenceCard(card, { cardNumber, generation: 1 }));
    expect(error.code).toBe("malformed_response");
    // The front (a few hundred bytes) is read; the face, thousands, is given up after 257 reads.
    expect(card.commands.filter((c) => c[0] === 0x08 && c[1] === 0xb0).length).toBeLessThanOrEqual(2 * 257);
  });

  it("a card that stops answering is card_timeout, not a hang", async () => {
    const card = emulatedResidenceCard(files("firstGeneration"), { faults: { stallFromCommand: 7 } });
    const error = await readError(readResidenceCard(card, { cardNumber, timeoutMs: 50 }));
    expect(error.code).toBe("card_timeout");
  });

  it("decodes a JIS X 0208 address, and gives null for bytes that are neither it nor UTF-8", () => {
    expect(decodeAddress(Uint8Array.of(0x45, 0x6c, 0x35, 0x7e))).toBe("東京");
    expect(decodeAddress(Buffer.from("大阪市", "utf8"))).toBe("大阪市");
    expect(decodeAddress(Uint8Array.of(0xff, 0xfe, 0x80))).toBeNull();
  });
});
