import { createPublicKey } from "node:crypto";
import { readFileSync } from "node:fs";
import { brainpoolP256r1 } from "@noble/curves/misc.js";
import { p256 } from "@noble/curves/nist.js";
import { describe, expect, inject, it } from "vitest";
import { mrzKeyFromLines } from "./bac.ts";
import { chipAuthenticationInfo } from "./chip-authentication.ts";
import { readPassport } from "./read-passport.ts";
import { buildDg14, emulatedPassport } from "./test-support/emulated-passport.ts";
import { concat, encodeTlv } from "./tlv.ts";

const fixtures = inject("evidenceFixtures").chip;
const mrz = mrzKeyFromLines([
  "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
  "L898902C36UTO7408122F3404159<<<<<<<<<<<<<<<4",
]);
const groups = { 1: readFileSync(fixtures.chips.rsa.dg1), 2: readFileSync(fixtures.chips.rsa.dg2) };
const sod = readFileSync(fixtures.chips.rsa.sod);

// SubjectPublicKeyInfo of an EC point on a named curve: { { id-ecPublicKey, curve OID }, BIT STRING }.
function spki(curveOid: string, point: Uint8Array): Uint8Array {
  const oid = (hex: string) => encodeTlv(0x06, Uint8Array.from(Buffer.from(hex, "hex")));
  return encodeTlv(
    0x30,
    concat(
      encodeTlv(0x30, concat(oid("2a8648ce3d0201"), oid(curveOid))),
      encodeTlv(0x03, concat(Uint8Array.of(0), point)),
    ),
  );
}
const curves = {
  "P-256": { curve: p256, oid: "2a8648ce3d030107" },
  brainpoolP256r1: { curve: brainpoolP256r1, oid: "2b2403030208010107" },
} as const;

describe("Chip Authentication (9303-11 §6.2, ECDH) against the emulated chip", () => {
  it("DG14's SPKI is one Node's OpenSSL reads as the same key", () => {
    const point = p256.Point.BASE.multiply(12345n).toBytes(false);
    const key = createPublicKey({ key: Buffer.from(spki(curves["P-256"].oid, point)), format: "der", type: "spki" });
    expect(key.asymmetricKeyDetails?.namedCurve).toBe("prime256v1");
    expect(chipAuthenticationInfo(buildDg14(spki(curves["P-256"].oid, point)))).toMatchObject({
      curve: "P-256",
      cipher: "aes128",
    });
  });

  it.each([
    ["P-256", "AES-128", "04007F00070202030202"],
    ["brainpoolP256r1", "AES-256", "04007F00070202030204"],
    ["P-256", "3DES", "04007F00070202030201"],
  ] as const)(
    "a chip holding DG14's key (%s, %s) passes, and the read goes on under the new keys",
    async (name, _, protocol) => {
      const { curve, oid } = curves[name];
      const privateKey = 0x1d2c3b4a59687766554433221100ffeeddccbbaa99887766554433221100n;
      const dg14 = buildDg14(spki(oid, curve.Point.BASE.multiply(privateKey).toBytes(false)), protocol);
      const card = emulatedPassport(
        mrz,
        { sod, dataGroups: { ...groups, 14: dg14 } },
        { chipAuthentication: { curve: name, privateKey } },
      );
      const read = await readPassport(card, { mrz });
      // The protocol DG14 named, as a reader reports it to the server (dotted, from the OID's bytes).
      const last = Number.parseInt(protocol.slice(-2), 16);
      expect(read.chipAuthentication).toEqual({ passed: true, protocol: `0.4.0.127.0.7.2.2.3.2.${last}` });
      expect(card.commands.some((c) => c[0] === 0x0c && c[1] === 0x22 && c[2] === 0x41)).toBe(true);
    },
  );

  it("a chip whose key does not match DG14 (a clone with copied data groups) fails", async () => {
    const dg14 = buildDg14(spki(curves["P-256"].oid, p256.Point.BASE.multiply(777n).toBytes(false)));
    const card = emulatedPassport(
      mrz,
      { sod, dataGroups: { ...groups, 14: dg14 } },
      { chipAuthentication: { curve: "P-256", privateKey: 778n } },
    );
    const read = await readPassport(card, { mrz });
    expect(read.chipAuthentication).toMatchObject({ passed: false });
    expect(read.dataGroups[1]).toBeDefined();
  });
});
