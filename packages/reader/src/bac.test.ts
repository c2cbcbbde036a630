import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { plainChannel } from "./apdu.ts";
import { basicAccessKeys, checkDigit, mrzInformation, mrzKeyFromLines, performBac } from "./bac.ts";
import { des3Encrypt, kdf, pad, retailMac } from "./crypto.ts";
import { ReaderError } from "./errors.ts";
import { FILE_ID, readFile } from "./read-file.ts";
import { hex, scriptedTransport, toHex } from "./test-support/scripted-transport.ts";

// ICAO Doc 9303 Part 11 (8th ed. 2021), Appendix D "Worked example: Basic Access Control".
const key = { documentNumber: "L898902C", birthDate: "690806", expiryDate: "940623" };

describe("BAC known answers (9303-11 Appendix D)", () => {
  it("D.2: MRZ_information, K_seed, K_enc and K_mac", () => {
    expect(mrzInformation(key)).toBe("L898902C<369080619406236");
    expect(checkDigit("L898902C<")).toBe("3");
    const keys = basicAccessKeys(key);
    expect(toHex(keys.kEnc)).toBe("AB94FDECF2674FDFB9B391F85D7F76F2");
    expect(toHex(keys.kMac)).toBe("7962D9ECE03D1ACD4C76089DCE131543");
  });

  it("D.2 from a printed TD3 MRZ gives the same key", () => {
    expect(
      mrzKeyFromLines(["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C<3UTO6908061F9406236ZE184226B<<<<<14"]),
    ).toEqual(key);
  });

  it("D.2, second example: a document number over 9 characters (D23145890734) from TD2 and TD1 MRZs", () => {
    const td2 = ["I<UTOSTEVENSON<<PETER<JOHN<<<<<<<<<<", "D23145890<UTO3407127M95071227349<<<8"];
    const td1 = ["I<UTOD23145890<7349<<<<<<<<<<<", "3407127M9507122UTO<<<<<<<<<<<2", "STEVENSON<<PETER<JOHN<<<<<<<<<"];
    const expected = { documentNumber: "D23145890734", birthDate: "340712", expiryDate: "950712" };
    expect(mrzKeyFromLines(td2)).toEqual(expected);
    expect(mrzKeyFromLines(td1)).toEqual(expected);
    expect(mrzInformation(expected)).toBe("D23145890734934071279507122");
    const seed = createHash("sha1").update(mrzInformation(expected)).digest().subarray(0, 16);
    expect(toHex(seed)).toBe("B366AD857DDCA2B08C0E299811714730");
  });

  it("D.3: E_IFD and M_IFD, and the chip's answer gives the session keys and SSC", () => {
    const { kEnc, kMac } = basicAccessKeys(key);
    const s = hex("781723860C06C226 4608F91988702212 0B795240CB7049B01C19B33E32804F0B");
    const eIfd = des3Encrypt(kEnc, s);
    expect(toHex(eIfd)).toBe("72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2");
    expect(toHex(retailMac(kMac, pad(eIfd, 8)))).toBe("5F1448EEA8AD90A7");
    // K_seed = K.IFD ⊕ K.IC = 0036D272F5C350ACAC50C3F572D23600
    const seed = hex("0036D272F5C350ACAC50C3F572D23600");
    expect(toHex(kdf(seed, 1, "3des"))).toBe("979EC13B1CBFE9DCD01AB0FED307EAE5");
    expect(toHex(kdf(seed, 2, "3des"))).toBe("F1CB1F1FB5ADF208806B89DC579DC1F8");
  });

  it("D.3 and D.4: the whole exchange, byte for byte, through the library (BAC, SELECT EF.COM, two READ BINARYs)", async () => {
    const card = scriptedTransport([
      ["0084000008", "4608F91988702212 9000"],
      [
        "0082000028 72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2 5F1448EEA8AD90A7 28",
        "46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F 2F2D235D074D7449 9000",
      ],
      // D.4.1 SELECT EF.COM, SSC 887022120C06C227 / …28
      ["0CA4020C15 8709016375432908C044F6 8E08BF8B92D635FF24F8 00", "990290008E08FA855A5D4C50A8ED9000"],
      // D.4.2 READ BINARY of the first four bytes, SSC …29 / …2A
      ["0CB000000D 970104 8E08ED6705417E96BA55 00", "8709019FF0EC34F9922651 99029000 8E08AD55CC17140B2DED 9000"],
      // D.4.3 READ BINARY of the remaining 18 bytes from offset 4, SSC …2B / …2C
      [
        "0CB000040D 970112 8E082EA28A70F3C7B535 00",
        "871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A 99029000 8E08C8B2787EAEA07D74 9000",
      ],
    ]);
    const random = (n: number) => hex(n === 8 ? "781723860C06C226" : "0B795240CB7049B01C19B33E32804F0B");
    const sm = await performBac(plainChannel(card), card, key, random);
    const com = await readFile(sm, FILE_ID.com);
    expect(toHex(com)).toBe("60145F0104303130365F36063034303030305C026175");
    expect(card.remaining()).toBe(0);
  });

  it("a chip whose MAC on the BAC answer is wrong is refused as access_denied", async () => {
    const card = scriptedTransport([
      ["0084000008", "4608F91988702212 9000"],
      ["*", "46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F 2F2D235D074D744A 9000"],
    ]);
    const random = (n: number) => hex(n === 8 ? "781723860C06C226" : "0B795240CB7049B01C19B33E32804F0B");
    await expect(performBac(plainChannel(card), card, key, random)).rejects.toMatchObject({ code: "access_denied" });
  });

  it("a protected response whose MAC was changed fails with secure_messaging, naming the MAC", async () => {
    const card = scriptedTransport([
      ["0084000008", "4608F91988702212 9000"],
      ["*", "46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F 2F2D235D074D7449 9000"],
      ["*", "990290008E08FA855A5D4C50A8EE9000"],
    ]);
    const random = (n: number) => hex(n === 8 ? "781723860C06C226" : "0B795240CB7049B01C19B33E32804F0B");
    const sm = await performBac(plainChannel(card), card, key, random);
    const failure = await readFile(sm, FILE_ID.com).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ReaderError);
    expect(failure).toMatchObject({ code: "secure_messaging", message: expect.stringMatching(/MAC is wrong/) });
  });
});
