import { createHash, randomBytes } from "node:crypto";
import { type Channel, expectOk, type Transport } from "./apdu.ts";
import { des3Decrypt, des3Encrypt, kdf, pad, retailMac, sameBytes, xor } from "./crypto.ts";
import { ReaderError } from "./errors.ts";
import { SecureMessaging } from "./secure-messaging.ts";
import { concat } from "./tlv.ts";

/** What BAC and PACE-with-MRZ are keyed from: the MRZ's document number, birth date and expiry date. */
export type MrzKey = { documentNumber: string; birthDate: string; expiryDate: string };

export type Random = (length: number) => Uint8Array;
export const secureRandom: Random = (length) => new Uint8Array(randomBytes(length));

/** ICAO 9303-3 §4.9: weights 7, 3, 1 over digits, letters A=10…Z=35 and the filler < = 0. */
export function checkDigit(field: string): string {
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const c = field.charCodeAt(i);
    const value = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 90 ? c - 55 : 0;
    sum += value * ([7, 3, 1][i % 3] as number);
  }
  return String(sum % 10);
}

/**
 * MRZ_information (9303-11 §9.7.2): document number (at least 9 characters, filler-padded), birth date
 * and expiry date (YYMMDD), each followed by its check digit.
 */
export function mrzInformation(key: MrzKey): string {
  const documentNumber = key.documentNumber.toUpperCase().padEnd(9, "<");
  for (const [name, value] of [
    ["birth date", key.birthDate],
    ["expiry date", key.expiryDate],
  ] as const) {
    if (!/^\d{6}$/.test(value)) throw new ReaderError("access_denied", `the ${name} must be YYMMDD, as in the MRZ`);
  }
  if (!/^[0-9A-Z<]{9,}$/.test(documentNumber))
    throw new ReaderError("access_denied", "the document number holds characters an MRZ cannot");
  return (
    documentNumber +
    checkDigit(documentNumber) +
    key.birthDate +
    checkDigit(key.birthDate) +
    key.expiryDate +
    checkDigit(key.expiryDate)
  );
}

/** The BAC key from a TD3 (passport, 2×44), TD2 (2×36) or TD1 (card, 3×30) MRZ as printed. */
export function mrzKeyFromLines(lines: readonly string[]): MrzKey {
  const [a, b] = lines;
  if (lines.length === 2 && a?.length === 44 && b?.length === 44) {
    return {
      documentNumber: b.slice(0, 9).replace(/<+$/, ""),
      birthDate: b.slice(13, 19),
      expiryDate: b.slice(21, 27),
    };
  }
  if (lines.length === 2 && a?.length === 36 && b?.length === 36) {
    // TD2: a number over 9 characters continues in the optional data (28–35), as in TD1.
    const continuation = b[9] === "<" ? (b.slice(28, 35).split("<")[0] ?? "").slice(0, -1) : "";
    return {
      documentNumber: (b.slice(0, 9) + continuation).replace(/<+$/, ""),
      birthDate: b.slice(13, 19),
      expiryDate: b.slice(21, 27),
    };
  }
  if (lines.length === 3 && a?.length === 30 && b?.length === 30) {
    // A document number over 9 characters continues in the optional data after a filler check digit.
    const short = a.slice(5, 14);
    const documentNumber = a[14] === "<" ? short + (a.slice(15, 30).split("<")[0] ?? "").slice(0, -1) : short;
    return { documentNumber: documentNumber.replace(/<+$/, ""), birthDate: b.slice(0, 6), expiryDate: b.slice(8, 14) };
  }
  throw new ReaderError("access_denied", "the MRZ is not two lines of 44 or 36 characters, nor three of 30");
}

/** K_seed and the document basic access keys (9303-11 §9.7.2 and §9.7.1). */
export function basicAccessKeys(key: MrzKey): { kEnc: Uint8Array; kMac: Uint8Array } {
  const seed = new Uint8Array(createHash("sha1").update(mrzInformation(key), "ascii").digest()).subarray(0, 16);
  return { kEnc: kdf(seed, 1, "3des"), kMac: kdf(seed, 2, "3des") };
}

/**
 * Basic Access Control (9303-11 §4.3): GET CHALLENGE, then EXTERNAL AUTHENTICATE with
 * E_IFD = 3DES(K_enc, RND.IFD ‖ RND.IC ‖ K.IFD) and its retail MAC; the chip's answer must carry our
 * RND.IFD and its RND.IC under a good MAC. Session keys from K.IFD ⊕ K.IC; SSC from the nonces' low halves.
 */
export async function performBac(
  plain: Channel,
  transport: Transport,
  key: MrzKey,
  random: Random = secureRandom,
): Promise<SecureMessaging> {
  const { kEnc, kMac } = basicAccessKeys(key);
  const rndIc = expectOk(await plain.send({ cla: 0, ins: 0x84, p1: 0, p2: 0, ne: 8 }), "GET CHALLENGE");
  if (rndIc.length !== 8)
    throw new ReaderError("malformed_response", `GET CHALLENGE returned ${rndIc.length} bytes, not 8`);
  const rndIfd = random(8);
  const kIfd = random(16);
  const eIfd = des3Encrypt(kEnc, concat(rndIfd, rndIc, kIfd));
  const data = concat(eIfd, retailMac(kMac, pad(eIfd, 8)));
  const answer = await plain.send({ cla: 0, ins: 0x82, p1: 0, p2: 0, data, ne: 40 });
  if (answer.sw === 0x6300 || answer.sw === 0x6982) {
    throw new ReaderError(
      "access_denied",
      "the chip refused BAC: the MRZ typed does not match this document",
      answer.sw,
    );
  }
  const r = expectOk(answer, "EXTERNAL AUTHENTICATE");
  if (r.length !== 40)
    throw new ReaderError("malformed_response", `EXTERNAL AUTHENTICATE returned ${r.length} bytes, not 40`);
  const eIc = r.subarray(0, 32);
  if (!sameBytes(retailMac(kMac, pad(eIc, 8)), r.subarray(32))) {
    throw new ReaderError("access_denied", "the chip's BAC answer has a wrong MAC");
  }
  const plainR = des3Decrypt(kEnc, eIc);
  if (!sameBytes(plainR.subarray(0, 8), rndIc) || !sameBytes(plainR.subarray(8, 16), rndIfd)) {
    throw new ReaderError("access_denied", "the chip's BAC answer does not carry the challenges");
  }
  const seed = xor(kIfd, plainR.subarray(16, 32));
  const ssc = concat(rndIc.subarray(4), rndIfd.subarray(4));
  return new SecureMessaging(transport, "3des", kdf(seed, 1, "3des"), kdf(seed, 2, "3des"), ssc);
}
