import { createPrivateKey, generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, inject, it } from "vitest";
import { activeAuthenticationKey } from "./active-authentication.ts";
import { parseResponse, type Transport } from "./apdu.ts";
import { chipAuthenticationInfo } from "./chip-authentication.ts";
import { ReaderError } from "./errors.ts";
import { particularsOf, readMyNumberCardFace, signWithJpki } from "./my-number-card.ts";
import { supportedPaceInfos } from "./pace.ts";
import { dataGroupsListed } from "./read-passport.ts";
import { elementsLength, readResidenceCard } from "./residence-card.ts";
import { buildParticularsFile, emulatedMyNumberCard } from "./test-support/emulated-my-number-card.ts";
import { buildCardAccess, buildCom, buildDg14 } from "./test-support/emulated-passport.ts";
import { emulatedResidenceCard } from "./test-support/emulated-residence-card.ts";
import { readTlvs, tlvTotalLength } from "./tlv.ts";

// What the card sends in the clear (EF.CardAccess) or before its checks (EF.COM, DG14, DG15): every
// parser of it ends in a ReaderError or an answer, never another exception, on any bytes.
const parsers: Record<string, (bytes: Uint8Array) => unknown> = {
  "EF.CardAccess": supportedPaceInfos,
  "EF.COM": dataGroupsListed,
  DG14: chipAuthenticationInfo,
  DG15: activeAuthenticationKey,
  "TLV list": readTlvs,
  "TLV header": tlvTotalLength,
  "response APDU": parseResponse,
  "My Number card particulars (EF 0002)": particularsOf,
  "residence card signature file (DA ‖ DB)": (bytes) => elementsLength(bytes, 2),
};
const seeds = [
  buildCardAccess({
    oid: Uint8Array.from(Buffer.from("04007F00070202040202", "hex")),
    cipher: "aes128",
    parameterId: 13,
  }),
  buildCom([1, 2, 14, 15]),
  buildDg14(Uint8Array.from([0x30, 0x03, 0x02, 0x01, 0x00])),
  buildParticularsFile({ name: "実名　花子", address: "東京都", birthDate: "19740812", sexCode: "2" }),
];

describe("hostile bytes from the card (property)", () => {
  it.each(Object.entries(parsers))("%s: only ReaderError", (_, parse) => {
    const mutated = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      fc.tuple(fc.constantFrom(...seeds), fc.nat(), fc.integer({ min: 0, max: 255 })).map(([seed, at, value]) => {
        const copy = Uint8Array.from(seed);
        copy[at % copy.length] = value;
        return copy;
      }),
      fc.tuple(fc.constantFrom(...seeds), fc.nat()).map(([seed, cut]) => seed.subarray(0, cut % (seed.length + 1))),
    );
    fc.assert(
      fc.property(mutated, (bytes) => {
        try {
          parse(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(ReaderError);
        }
      }),
      { numRuns: 400 },
    );
  });
});

// The whole exchanges, with one answer of the card spoiled (a byte changed, cut short, or replaced by
// random bytes): the read ends in a result or a ReaderError, never another exception or a hang, and a
// My Number card's error never carries its number.
const spoil = fc.record({
  at: fc.nat({ max: 24 }),
  how: fc.constantFrom("flip", "cut", "random"),
  where: fc.nat(),
  bytes: fc.uint8Array({ maxLength: 40 }),
});
function spoiled(card: Transport, s: { at: number; how: string; where: number; bytes: Uint8Array }): Transport {
  let n = 0;
  return async (apdu) => {
    const answer = await card(apdu);
    if (n++ !== s.at) return answer;
    if (s.how === "random") return s.bytes;
    const copy = Uint8Array.from(answer);
    if (s.how === "cut") return copy.subarray(0, s.where % (copy.length + 1));
    copy[s.where % copy.length] = ((copy[s.where % copy.length] as number) ^ (1 + (s.where % 255))) & 0xff;
    return copy;
  };
}
const onlyReaderErrors = async (read: Promise<unknown>) => {
  try {
    await read;
  } catch (error) {
    expect(error).toBeInstanceOf(ReaderError);
    return error as ReaderError;
  }
  return null;
};

describe("hostile answers in the residence card and My Number card exchanges (property)", () => {
  const fixtures = inject("evidenceFixtures");
  const rc = fixtures.chip.residenceCards.firstGeneration;
  const residenceFiles = {
    cardNumber: "AB12345678CD",
    front: readFileSync(rc.front),
    face: readFileSync(rc.face),
    checkCode: readFileSync(rc.checkCode),
    certificate: readFileSync(rc.certificate),
  };
  const cardFace = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const myNumber = "739184620573";
  const myNumberCard = () =>
    emulatedMyNumberCard({
      myNumber,
      particulars: { name: "実名　花子", address: "東京都千代田区", birthDate: "19740812", sexCode: "2" },
      cardFaceKey: cardFace.privateKey,
      cardFacePublicKeyDer: new Uint8Array(cardFace.publicKey.export({ format: "der", type: "spki" })),
      cardFacePin: "1234",
      jpki: {
        key: createPrivateKey(readFileSync(fixtures.jpki.signer.key)),
        certificate: readFileSync(fixtures.jpki.certificate),
        signingPin: "ABC123",
      },
    });

  it.each([1, 2] as const)("residence card, generation %i", async (generation) => {
    const card = () => emulatedResidenceCard(residenceFiles, { generation, maxAnswer: 1500 });
    await fc.assert(
      fc.asyncProperty(spoil, async (s) => {
        await onlyReaderErrors(readResidenceCard(spoiled(card(), s), { cardNumber: "AB12345678CD", generation }));
      }),
      { numRuns: 60 },
    );
  });

  it("My Number card: card-face application and JPKI signature", async () => {
    await fc.assert(
      fc.asyncProperty(spoil, async (s) => {
        const error = await onlyReaderErrors(readMyNumberCardFace(spoiled(myNumberCard(), s), { pin: "1234" }));
        expect(`${error?.message}`).not.toContain(myNumber);
        await onlyReaderErrors(
          signWithJpki(spoiled(myNumberCard(), s), { signingPin: "ABC123", data: Uint8Array.of(1) }),
        );
      }),
      { numRuns: 60 },
    );
  });
});
