import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { verifyActiveAuthentication } from "./active-authentication.ts";
import { mrzKeyFromLines } from "./bac.ts";
import { readPassport } from "./read-passport.ts";
import { emulatedPassport } from "./test-support/emulated-passport.ts";
import { encodeTlv } from "./tlv.ts";

const fixtures = inject("evidenceFixtures").chip;
const mrz = mrzKeyFromLines([
  "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
  "L898902C36UTO7408122F3404159<<<<<<<<<<<<<<<4",
]);
const groups = { 1: readFileSync(fixtures.chips.rsa.dg1), 2: readFileSync(fixtures.chips.rsa.dg2) };
const sod = readFileSync(fixtures.chips.rsa.sod);
const dg15Of = (key: KeyObject) => encodeTlv(0x6f, new Uint8Array(key.export({ format: "der", type: "spki" })));

describe("Active Authentication (9303-11 §6.1) against the emulated chip", () => {
  const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const other = generateKeyPairSync("rsa", { modulusLength: 2048 });

  it.each([
    ["RSA 2048, ISO/IEC 9796-2", rsa, "rsa-iso9796-2"],
    ["ECDSA P-256", ec, "ecdsa"],
  ] as const)("a chip holding DG15's key (%s) passes", async (_, pair, algorithm) => {
    const card = emulatedPassport(
      mrz,
      { sod, dataGroups: { ...groups, 15: dg15Of(pair.publicKey) } },
      { activeAuthenticationKey: pair.privateKey },
    );
    const read = await readPassport(card, { mrz });
    expect(read.activeAuthentication).toMatchObject({ passed: true, algorithm });
    // The challenge went to the chip through secure messaging.
    expect(card.commands.some((c) => c[0] === 0x0c && c[1] === 0x88)).toBe(true);
  });

  it("a chip whose key does not match DG15 (a clone with copied data groups) fails", async () => {
    const card = emulatedPassport(
      mrz,
      { sod, dataGroups: { ...groups, 15: dg15Of(rsa.publicKey) } },
      { activeAuthenticationKey: other.privateKey },
    );
    const read = await readPassport(card, { mrz });
    expect(read.activeAuthentication).toMatchObject({ passed: false, algorithm: "rsa-iso9796-2" });
  });

  it("a chip that cannot answer INTERNAL AUTHENTICATE fails the check, and the files are still returned", async () => {
    const card = emulatedPassport(mrz, { sod, dataGroups: { ...groups, 15: dg15Of(ec.publicKey) } });
    const read = await readPassport(card, { mrz });
    expect(read.activeAuthentication).toMatchObject({ passed: false });
    expect(read.dataGroups[15]).toBeDefined();
  });

  it.each([
    ["RSA 2048, ISO/IEC 9796-2", rsa],
    ["ECDSA P-256", ec],
  ] as const)(
    "a server's challenge (%s): the chip's answer verifies without the card, for that challenge and key only",
    async (_, pair) => {
      const dg15 = dg15Of(pair.publicKey);
      const challenge = Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8);
      const card = emulatedPassport(
        mrz,
        { sod, dataGroups: { ...groups, 15: dg15 } },
        { activeAuthenticationKey: pair.privateKey },
      );
      const read = await readPassport(card, { mrz, activeAuthenticationChallenge: challenge });
      const answer = read.activeAuthentication;
      expect(answer?.challenge).toEqual(challenge);
      const signature = answer?.signature ?? new Uint8Array(0);
      expect(verifyActiveAuthentication(dg15, challenge, signature).passed).toBe(true);
      // Another challenge (a replayed answer) and another DG15 (a clone's copied data) both fail.
      expect(verifyActiveAuthentication(dg15, Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 9), signature).passed).toBe(false);
      expect(verifyActiveAuthentication(dg15Of(other.publicKey), challenge, signature).passed).toBe(false);
      expect(verifyActiveAuthentication(Uint8Array.of(0x6f, 0x01, 0x00), challenge, signature)).toMatchObject({
        passed: false,
      });
    },
  );

  it("no DG15, no Active Authentication", async () => {
    const read = await readPassport(emulatedPassport(mrz, { sod, dataGroups: groups }), { mrz });
    expect(read.activeAuthentication).toBeUndefined();
  });
});
