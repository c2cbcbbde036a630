import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { isIndividualNumber } from "@jitsumei/domain";
import { loadTrustStore, verifyResidenceCardChip } from "@jitsumei/evidence";
import { ReaderError, readMyNumberCardFace, readResidenceCard } from "@jitsumei/reader";
import { afterEach, describe, expect, inject, it } from "vitest";
import { emulatedMyNumberCard } from "../../reader/src/test-support/emulated-my-number-card.ts";
import { emulatedResidenceCard } from "../../reader/src/test-support/emulated-residence-card.ts";
import { connectCard } from "./pcsc-card.ts";
import type { ViccCard } from "./test-support/vicc.ts";
import { usePcscAlone } from "./test-support/vicc.ts";
import { startVpcdCard } from "./test-support/vpcd-card.ts";

usePcscAlone();

// Our spec emulators of the residence card and the My Number card on vsmartcard's virtual reader: the
// reads below go through pcscd, the vpcd driver and pcsc-mini, as at the counter.
const { chip, jpki } = inject("evidenceFixtures");
const trust = loadTrustStore(chip.trustDir);
const cardNumber = "AB12345678CD";
const residence = chip.residenceCards.firstGeneration;
const residenceFiles = {
  cardNumber,
  front: readFileSync(residence.front),
  face: readFileSync(residence.face),
  checkCode: readFileSync(residence.checkCode),
  certificate: readFileSync(residence.certificate),
};
const myNumber = "739184620575";
const cardFaceKey = generateKeyPairSync("rsa", { modulusLength: 2048 });
const myNumberCard = (triesLeft?: { cardFace: number }) =>
  emulatedMyNumberCard({
    myNumber,
    particulars: {
      name: "実名　花子",
      address: "東京都千代田区千代田一丁目1番1号",
      birthDate: "19740812",
      sexCode: "2",
    },
    cardFaceKey: cardFaceKey.privateKey,
    cardFacePublicKeyDer: new Uint8Array(cardFaceKey.publicKey.export({ format: "der", type: "spki" })),
    cardFacePin: "1234",
    jpki: { key: cardFaceKey.privateKey, certificate: readFileSync(jpki.certificate), signingPin: "ABC123" },
    ...(triesLeft ? { triesLeft } : {}),
  });

let card: ViccCard | undefined;
afterEach(async () => {
  await card?.stop();
  card = undefined;
});

async function overPcsc<T>(readerName: string, read: (transport: import("@jitsumei/reader").Transport) => Promise<T>) {
  const connection = await connectCard({ reader: readerName, waitMs: 10_000 });
  try {
    return await read(connection.transport);
  } finally {
    await connection.close();
  }
}

describe("the spec emulators on vsmartcard's virtual reader, read over PC/SC", () => {
  it("a residence card: card-number access and secure messaging through pcscd; the check code verifies", async () => {
    const emulator = emulatedResidenceCard(residenceFiles);
    card = await startVpcdCard(emulator);
    const read = await overPcsc(card.readerName, (t) => readResidenceCard(t, { cardNumber, timeoutMs: 10_000 }));
    expect(read.generation).toBe(1);
    expect(Buffer.from(read.front)).toEqual(residenceFiles.front);
    expect(Buffer.from(read.face)).toEqual(residenceFiles.face);
    const result = verifyResidenceCardChip(read, trust, { at: new Date() });
    expect(result.checks.filter((c) => c.status === "fail")).toEqual([]);
    // Every command the library sent reached the emulator through PC/SC.
    expect(emulator.commands.filter((c) => c[0] === 0x08 && c[1] === 0xb0).length).toBe(4);
  });

  it("a residence card with another card number typed is refused (access_denied), through PC/SC", async () => {
    card = await startVpcdCard(emulatedResidenceCard(residenceFiles));
    const error = await overPcsc(card.readerName, (t) =>
      readResidenceCard(t, { cardNumber: "AB12345678CE", timeoutMs: 10_000 }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReaderError);
    expect(error).toMatchObject({ code: "access_denied" });
  });

  it("a My Number card: the card-face application with the PIN; particulars signed by the card", async () => {
    expect(isIndividualNumber(myNumber)).toBe(true); // the card holds a well-formed number
    const emulator = myNumberCard();
    card = await startVpcdCard(emulator);
    const read = await overPcsc(card.readerName, (t) => readMyNumberCardFace(t, { pin: "1234", timeoutMs: 10_000 }));
    expect(read).toMatchObject({ name: "実名　花子", birthDate: "1974-08-12", sex: "female", pin: { retriesLeft: 3 } });
    expect(read.signature).toMatchObject({ particularsHashMatches: true, signatureValid: true });
    // EF 0001 (the My Number) was never selected.
    expect(emulator.commands.some((c) => c[1] === 0xa4 && c[2] === 0x02 && c[5] === 0x00 && c[6] === 0x01)).toBe(false);
  });

  it("a wrong PIN says the tries left; a blocked PIN is reported and no PIN is sent", async () => {
    const emulator = myNumberCard({ cardFace: 2 });
    card = await startVpcdCard(emulator);
    const wrong = await overPcsc(card.readerName, (t) =>
      readMyNumberCardFace(t, { pin: "9999", timeoutMs: 10_000 }),
    ).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ code: "pin_wrong", retriesLeft: 1 });
    const locked = await overPcsc(card.readerName, (t) =>
      readMyNumberCardFace(t, { pin: "9999", timeoutMs: 10_000 }),
    ).catch((e: unknown) => e);
    expect(locked).toMatchObject({ code: "pin_locked" });
    expect(emulator.triesLeft().cardFace).toBe(0);
    const afterLock = await overPcsc(card.readerName, (t) =>
      readMyNumberCardFace(t, { pin: "1234", timeoutMs: 10_000 }),
    ).catch((e: unknown) => e);
    expect(afterLock).toMatchObject({ code: "pin_locked" });
    // Two PINs were sent in all: the locked card got none.
    expect(emulator.commands.filter((c) => c[1] === 0x20 && c.length > 5).length).toBe(2);
  });
});
