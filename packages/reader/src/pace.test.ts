import { brainpoolP256r1 } from "@noble/curves/misc.js";
import { describe, expect, it } from "vitest";
import { plainChannel } from "./apdu.ts";
import { aesCmac, aesDecrypt, kdf } from "./crypto.ts";
import {
  authenticationToken,
  mapGenerator,
  type PaceInfo,
  paceKeyFromMrz,
  performPace,
  supportedPaceInfos,
} from "./pace.ts";
import { hex, scriptedTransport, toHex } from "./test-support/scripted-transport.ts";

// ICAO Doc 9303 Part 11 (8th ed. 2021), Appendix G.1 "Worked example: PACE – Generic Mapping, ECDH
// based example": id-PACE-ECDH-GM-AES-CBC-CMAC-128 on brainpoolP256r1 (parameter id 13), MRZ password.
const mrz = { documentNumber: "T22000129", birthDate: "640812", expiryDate: "101031" };
const info: PaceInfo = { oid: hex("04007F00070202040202"), cipher: "aes128", parameterId: 13 };
const G1 = {
  z: "95A3A016522EE98D01E76CB6B98B42C3",
  s: "3F00C4D39D153F2B2A214A078D899B22",
  skMapIfd: "7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99",
  pkMapIfd:
    "047ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E544552DCB6725218799115B55C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D",
  pkMapIc:
    "04824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F5730D8C879AAA9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C54",
  mapped:
    "048CED63C91426D4F0EB1435E7CB1D74A46723A0AF21C89634F65A9AE87A9265E28C879506743F8611AC33645C5B985C80B5F09A0B83407C1B6A4D857AE76FE522",
  skDhIfd: "A73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595",
  pkDhIfd:
    "042DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C3556F3B3B186DF10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB36462",
  pkDhIc:
    "049E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F094",
  shared: "28768D20701247DAE81804C9E780EDE582A9996DB4A315020B2733197DB84925",
  ksEnc: "F5F0E35C0D7161EE6724EE513A0D9A7F",
  ksMac: "FE251C7858B356B24514B3BD5F4297D1",
  tIfd: "C2B0BD78D94BA866",
  tIc: "3ABB9674BCE93C08",
};
const big = (h: string) => BigInt(`0x${h}`);

describe("PACE known answers (9303-11 Appendix G.1, ECDH generic mapping on brainpoolP256r1)", () => {
  it("G.1: K_π from the MRZ and the decrypted nonce", () => {
    const kPi = paceKeyFromMrz(mrz, "aes128");
    expect(toHex(kPi)).toBe("89DED1B26624EC1E634C1989302849DD");
    expect(toHex(aesDecrypt(kPi, hex(G1.z)))).toBe(G1.s);
  });

  it("G.1: the mapping keys, the mapped generator, the key agreement and the session keys", () => {
    const P = brainpoolP256r1.Point;
    expect(toHex(P.BASE.multiply(big(G1.skMapIfd)).toBytes(false))).toBe(G1.pkMapIfd);
    const generator = mapGenerator(brainpoolP256r1, hex(G1.s), big(G1.skMapIfd), P.fromBytes(hex(G1.pkMapIc)));
    expect(toHex(generator.toBytes(false))).toBe(G1.mapped);
    expect(toHex(generator.multiply(big(G1.skDhIfd)).toBytes(false))).toBe(G1.pkDhIfd);
    const shared = P.fromBytes(hex(G1.pkDhIc)).multiply(big(G1.skDhIfd)).toAffine().x;
    expect(shared.toString(16).toUpperCase().padStart(64, "0")).toBe(G1.shared);
    expect(toHex(kdf(hex(G1.shared), 1, "aes128"))).toBe(G1.ksEnc);
    expect(toHex(kdf(hex(G1.shared), 2, "aes128"))).toBe(G1.ksMac);
  });

  it("G.1: the authentication tokens", () => {
    expect(toHex(authenticationToken(hex(G1.ksMac), info, hex(G1.pkDhIc)))).toBe(G1.tIfd);
    expect(toHex(authenticationToken(hex(G1.ksMac), info, hex(G1.pkDhIfd)))).toBe(G1.tIc);
  });

  it("G.1: the whole exchange through the library, byte for byte", async () => {
    const card = scriptedTransport([
      ["0022C1A412 800A04007F00070202040202 830101 84010D", "9000"],
      ["10860000027C0000", `7C128010${G1.z}9000`],
      [`10860000457C438141${G1.pkMapIfd}00`, `7C438241${G1.pkMapIc}9000`],
      [`10860000457C438341${G1.pkDhIfd}00`, `7C438441${G1.pkDhIc}9000`],
      [`008600000C7C0A8508${G1.tIfd}00`, `7C0A8608${G1.tIc}9000`],
    ]);
    await performPace(plainChannel(card), card, info, mrz, {
      keys: { mappingKey: big(G1.skMapIfd), agreementKey: big(G1.skDhIfd) },
    });
    expect(card.remaining()).toBe(0);
  });

  it("a chip token that does not match is access_denied", async () => {
    const card = scriptedTransport([
      ["*", "9000"],
      ["*", `7C128010${G1.z}9000`],
      ["*", `7C438241${G1.pkMapIc}9000`],
      ["*", `7C438441${G1.pkDhIc}9000`],
      ["*", "7C0A86083ABB9674BCE93C099000"],
    ]);
    await expect(
      performPace(plainChannel(card), card, info, mrz, {
        keys: { mappingKey: big(G1.skMapIfd), agreementKey: big(G1.skDhIfd) },
      }),
    ).rejects.toMatchObject({ code: "access_denied" });
  });

  it("a chip mapping key off the curve is access_denied, not a crash", async () => {
    const offCurve = `${G1.pkMapIc.slice(0, -2)}55`;
    const card = scriptedTransport([
      ["*", "9000"],
      ["*", `7C128010${G1.z}9000`],
      ["*", `7C438241${offCurve}9000`],
    ]);
    await expect(performPace(plainChannel(card), card, info, mrz)).rejects.toMatchObject({ code: "access_denied" });
  });
});

describe("EF.CardAccess", () => {
  it("keeps the PACE ECDH-GM infos on P-256 and brainpoolP256r1, AES first, and drops the rest", () => {
    // SET { PACEInfo(ECDH-GM-3DES, v2, 13), PACEInfo(DH-GM-AES128, v2, 0), PACEInfo(ECDH-GM-AES128, v2, 12),
    //       PACEInfo(ECDH-GM-AES256, v2, 16 brainpoolP384r1: not supported) }
    const cardAccess = hex(
      "3150" +
        "3012060A04007F0007020204020102010202010D" +
        "3012060A04007F00070202040102020102020100" +
        "3012060A04007F0007020204020202010202010C" +
        "3012060A04007F00070202040204020102020110",
    );
    expect(supportedPaceInfos(cardAccess).map((p) => [toHex(p.oid), p.cipher, p.parameterId])).toEqual([
      ["04007F00070202040202", "aes128", 12],
      ["04007F00070202040201", "3des", 13],
    ]);
  });
});

describe("AES-CMAC (RFC 4493 §4 examples)", () => {
  const key = hex("2b7e151628aed2a6abf7158809cf4f3c");
  it("empty, one block and 40 bytes", () => {
    expect(toHex(aesCmac(key, new Uint8Array(0)))).toBe("BB1D6929E95937287FA37D129B756746");
    expect(toHex(aesCmac(key, hex("6bc1bee22e409f96e93d7e117393172a")))).toBe("070A16B46B4D4144F79BDD9DD04A287C");
    expect(
      toHex(aesCmac(key, hex("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411"))),
    ).toBe("DFA66747DE9AE63030CA32611497C827");
  });
});
