import { createHash, createPrivateKey, generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { isIndividualNumber } from "@jitsumei/domain";
import { crlRevocation, loadTrustStore, verifyJpkiSignature } from "@jitsumei/evidence";
import { describe, expect, inject, it } from "vitest";
import { ReaderError } from "./errors.ts";
import {
  myNumberCardPinStatus,
  readJpkiSigningCertificate,
  readMyNumberCardFace,
  signWithJpki,
} from "./my-number-card.ts";
import {
  emulatedMyNumberCard,
  type MyNumberCardContent,
  type MyNumberCardFaults,
} from "./test-support/emulated-my-number-card.ts";

// The JPKI signer is the evidence fixtures' (openssl-made, under a test JPKI CA); the card-face key is
// made here. The My Number is twelve digits that appear nowhere else in the test data, with a valid
// check digit (the domain's rule, asserted below): a scan that knew only well-formed numbers still sees it.
const { jpki } = inject("evidenceFixtures");
const myNumber = "618273940581";
const cardFace = generateKeyPairSync("rsa", { modulusLength: 2048 });
const content = (triesLeft?: MyNumberCardContent["triesLeft"]): MyNumberCardContent => ({
  myNumber,
  particulars: { name: "実名　花子", address: "東京都千代田区千代田一丁目1番1号", birthDate: "19740812", sexCode: "2" },
  cardFaceKey: cardFace.privateKey,
  cardFacePublicKeyDer: new Uint8Array(cardFace.publicKey.export({ format: "der", type: "spki" })),
  cardFacePin: "1234",
  jpki: {
    key: createPrivateKey(readFileSync(jpki.signer.key)),
    certificate: readFileSync(jpki.certificate),
    signingPin: "ABC123",
  },
  ...(triesLeft ? { triesLeft } : {}),
});
const card = (faults: MyNumberCardFaults = {}, triesLeft?: MyNumberCardContent["triesLeft"]) =>
  emulatedMyNumberCard(content(triesLeft), { faults });
const readError = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReaderError);
  return error as ReaderError;
};
const verifyCount = (commands: Uint8Array[]) => commands.filter((c) => c[1] === 0x20 && c.length > 5).length;

/** Every form the digits could take in an output: text, ASCII in hex, base64, and the SHA-256 DF31 holds. */
const numberHash = createHash("sha256").update(myNumber, "ascii").digest();
const forms = [
  myNumber,
  Buffer.from(myNumber, "ascii").toString("hex"),
  Buffer.from(myNumber, "ascii").toString("base64"),
  numberHash.toString("hex"),
  numberHash.toString("base64"),
];
/** Every string and byte array reachable from the value (a Buffer too, which JSON.stringify would hide). */
function render(value: unknown, seen = new Set<unknown>()): string {
  if (value instanceof Uint8Array) {
    const b = Buffer.from(value);
    return [b.toString("hex"), b.toString("base64"), b.toString("latin1"), b.toString("utf8")].join(" ");
  }
  if (typeof value !== "object" || value === null) return String(value);
  if (seen.has(value)) return "";
  seen.add(value);
  const own = Object.getOwnPropertyNames(value).map(
    (k) => `${k}=${render((value as Record<string, unknown>)[k], seen)}`,
  );
  return own.join(" ");
}
function expectNoMyNumber(value: unknown) {
  const text = value instanceof Error ? `${value.name} ${value.message} ${render(value)}` : render(value);
  for (const form of forms) expect(text.toLowerCase()).not.toContain(form.toLowerCase());
}

describe("My Number card: the card-face input-support application", () => {
  it("the test's My Number is a well-formed Individual Number (its check digit is right)", () => {
    expect(isIndividualNumber(myNumber)).toBe(true);
  });

  it("reads the four particulars with the 4-digit PIN, and checks the card's signature over them", async () => {
    const c = card();
    const read = await readMyNumberCardFace(c, { pin: "1234" });
    expect(read).toMatchObject({
      name: "実名　花子",
      address: "東京都千代田区千代田一丁目1番1号",
      birthDate: "1974-08-12",
      sex: "female",
      pin: { retriesLeft: 3 },
      signature: { particularsHashMatches: true, signatureValid: true },
    });
    expectNoMyNumber(read);
  });

  it("never selects the My Number's file, and returns nothing that holds the number or its hash", async () => {
    const c = card();
    const read = await readMyNumberCardFace(c, { pin: "1234" });
    const selects = c.commands
      .filter((x) => x[1] === 0xa4 && x[2] === 0x02)
      .map((x) => Buffer.from(x.subarray(5)).toString("hex"));
    expect(selects).toEqual(["0011", "0002", "0003", "0004"]);
    expectNoMyNumber(read);
    // The scan itself finds the number where it is: the card's own EF 0001 bytes would fail it.
    expect(() => expectNoMyNumber({ leaked: Buffer.from(`\xff\x10\x0c${myNumber}`, "latin1") })).toThrow();
  });

  it("particulars that differ from what the card signed fail the hash check", async () => {
    const read = await readMyNumberCardFace(card({ particularsChanged: true }), { pin: "1234" });
    expect(read.signature.particularsHashMatches).toBe(false);
  });

  it("a wrong PIN is tried once, reported with the tries left, and never tried again by the library", async () => {
    const c = card();
    const error = await readError(readMyNumberCardFace(c, { pin: "9999" }));
    expect(error.code).toBe("pin_wrong");
    expect(error.retriesLeft).toBe(2);
    expect(verifyCount(c.commands)).toBe(1);
    expect(c.triesLeft().cardFace).toBe(2);
    // The tries left were read (VERIFY without data) before the attempt.
    const verifies = c.commands.filter((x) => x[1] === 0x20).map((x) => x.length);
    expect(verifies).toEqual([4, 9]);
    expectNoMyNumber(error);
    // Nor the PIN typed: the counter shows the message, and a log may keep it.
    expect(render(error)).not.toContain("9999");
  });

  it("a blocked PIN is reported and no PIN is sent; the last wrong try reports it blocked", async () => {
    const locked = card({}, { cardFace: 0 });
    expect((await readError(readMyNumberCardFace(locked, { pin: "1234" }))).code).toBe("pin_locked");
    expect(verifyCount(locked.commands)).toBe(0);
    const lastTry = card({}, { cardFace: 1 });
    expect((await readError(readMyNumberCardFace(lastTry, { pin: "9999" }))).code).toBe("pin_locked");
    expect(lastTry.triesLeft().cardFace).toBe(0);
  });

  it("the tries left can be read without trying a PIN, and a blocked one is reported", async () => {
    const c = card({}, { cardFace: 2, signing: 4 });
    expect(await myNumberCardPinStatus(c, "card_face")).toEqual({ retriesLeft: 2 });
    expect(await myNumberCardPinStatus(c, "signing")).toEqual({ retriesLeft: 4 });
    expect(verifyCount(c.commands)).toBe(0);
    expect(c.triesLeft()).toEqual({ cardFace: 2, signing: 4 });
    const error = await readError(myNumberCardPinStatus(card({}, { signing: 0 }), "signing"));
    expect(error.code).toBe("pin_locked");
  });

  it("a PIN that cannot be the card's is refused before the card sees anything", async () => {
    const c = card();
    expect((await readError(readMyNumberCardFace(c, { pin: "12a4" }))).code).toBe("pin_format");
    expect(c.commands).toEqual([]);
  });
});

describe("My Number card: JPKI", () => {
  const trust = loadTrustStore(jpki.trustDir);
  const context = { anchors: trust.anchors, revocation: crlRevocation(trust.crls), at: new Date() };
  const data = Buffer.from("Jitsumei: the applicant signs this statement", "utf8");

  it("signs with the signing PIN; the engine verifies the signature and the certificate", async () => {
    const c = card();
    const signed = await signWithJpki(c, { signingPin: "abc123", data });
    expect(signed.pin.retriesLeft).toBe(5);
    expect(Buffer.from(signed.certificate)).toEqual(readFileSync(jpki.certificate));
    const result = await verifyJpkiSignature(
      { data, signature: signed.signature, certificate: signed.certificate },
      context,
    );
    expect(result.checks.filter((x) => x.status === "fail")).toEqual([]);
    expect(result.fields.format).toBe("pkcs1");
    expect(verifyCount(c.commands)).toBe(1);
    expectNoMyNumber(signed);
  });

  it("reads the signing certificate", async () => {
    const read = await readJpkiSigningCertificate(card(), { signingPin: "ABC123" });
    expect(Buffer.from(read.certificate)).toEqual(readFileSync(jpki.certificate));
  });

  it("a wrong signing PIN: one try, the tries left; a blocked one: nothing sent", async () => {
    const c = card();
    const error = await readError(signWithJpki(c, { signingPin: "ABC124", data }));
    expect([error.code, error.retriesLeft, c.triesLeft().signing]).toEqual(["pin_wrong", 4, 4]);
    expect(c.commands.some((x) => x[1] === 0x2a)).toBe(false);
    const locked = card({}, { signing: 0 });
    expect((await readError(signWithJpki(locked, { signingPin: "ABC123", data }))).code).toBe("pin_locked");
    expect(verifyCount(locked.commands)).toBe(0);
    expect((await readError(signWithJpki(card(), { signingPin: "ABC", data }))).code).toBe("pin_format");
  });

  it("a short signature from the card is refused", async () => {
    const error = await readError(signWithJpki(card({ shortSignature: true }), { signingPin: "ABC123", data }));
    expect(error.code).toBe("malformed_response");
  });
});

describe("My Number card: a card that misbehaves", () => {
  it.each([1, 2, 3, 4, 5, 6, 8, 10, 14])("garbage from command %i: a ReaderError without the number", async (n) => {
    const error = await readError(readMyNumberCardFace(card({ garbageFromCommand: n }), { pin: "1234" }));
    expectNoMyNumber(error);
  });

  it("a card that stops answering is card_timeout", async () => {
    const error = await readError(readMyNumberCardFace(card({ stallFromCommand: 5 }), { pin: "1234", timeoutMs: 50 }));
    expect(error.code).toBe("card_timeout");
    const signing = await readError(
      signWithJpki(card({ stallFromCommand: 9 }), { signingPin: "ABC123", data: new Uint8Array(1), timeoutMs: 50 }),
    );
    expect(signing.code).toBe("card_timeout");
  });
});
