import { constants, createHash, createPublicKey, type KeyObject, publicDecrypt, verify } from "node:crypto";
import { type Channel, expectOk } from "./apdu.ts";
import { type Random, secureRandom } from "./bac.ts";
import { sameBytes } from "./crypto.ts";
import { ReaderError } from "./errors.ts";
import { readTlv } from "./tlv.ts";

/**
 * Active Authentication (ICAO 9303-11 §6.1): the chip signs a fresh 8-byte challenge with the private
 * key whose public half is in DG15 (signed into the SOD). A copy of the data groups on another chip
 * cannot answer. RSA keys sign with ISO/IEC 9796-2 digital signature scheme 1 (message recovery,
 * §6.1.2.1); EC keys sign the challenge with ECDSA (plain r‖s, hash named in DG14, SHA-256 assumed
 * where DG14 is not read).
 */
export type ActiveAuthentication = {
  passed: boolean;
  algorithm: "rsa-iso9796-2" | "ecdsa";
  reason?: string;
  /**
   * The challenge sent and the chip's answer, as they went over the air: a server that issued the
   * challenge verifies them itself (`verifyActiveAuthentication`) rather than trusting `passed`.
   */
  challenge?: Uint8Array;
  signature?: Uint8Array;
};

// ISO/IEC 10118-3 hash identifiers used in the 9796-2 trailer `xx CC` (9303-11 §6.1.2.1).
const TRAILER_HASHES: Record<number, string> = { 51: "sha1", 56: "sha224", 52: "sha256", 54: "sha384", 53: "sha512" };

export function activeAuthenticationKey(dg15: Uint8Array): KeyObject {
  const outer = readTlv(dg15);
  if (outer.tag !== 0x6f) throw new ReaderError("malformed_response", "DG15 does not start with tag 6F");
  try {
    return createPublicKey({ key: Buffer.from(outer.value), format: "der", type: "spki" });
  } catch {
    throw new ReaderError("malformed_response", "DG15 does not hold a public key");
  }
}

export async function performActiveAuthentication(
  channel: Channel,
  dg15: Uint8Array,
  options: { random?: Random; ecdsaHash?: string; challenge?: Uint8Array } = {},
): Promise<ActiveAuthentication> {
  const key = activeAuthenticationKey(dg15);
  // A server's own challenge where one was issued (it then checks the answer itself), else a fresh one.
  const challenge = options.challenge ?? (options.random ?? secureRandom)(8);
  if (challenge.length !== 8) throw new ReaderError("malformed_response", "an AA challenge is 8 bytes");
  const algorithm = key.asymmetricKeyType === "rsa" ? "rsa-iso9796-2" : "ecdsa";
  const response = await channel.send({ cla: 0, ins: 0x88, p1: 0, p2: 0, data: challenge, ne: 256 });
  if (response.sw !== 0x9000)
    return {
      passed: false,
      algorithm,
      challenge,
      reason: `INTERNAL AUTHENTICATE answered ${response.sw.toString(16)}`,
    };
  const signature = expectOk(response, "INTERNAL AUTHENTICATE");
  return { ...verifyActiveAuthenticationWithKey(key, challenge, signature, options.ecdsaHash), challenge, signature };
}

/**
 * Checks a chip's answer to INTERNAL AUTHENTICATE against DG15's key, without a card: the reader does
 * it after the command, and the server again on what a reader uploads (over the challenge the server
 * issued). Never throws on the signature's bytes; a DG15 that holds no key is a failed check too.
 */
export function verifyActiveAuthentication(
  dg15: Uint8Array,
  challenge: Uint8Array,
  signature: Uint8Array,
  options: { ecdsaHash?: string } = {},
): Omit<ActiveAuthentication, "challenge" | "signature"> {
  let key: KeyObject;
  try {
    key = activeAuthenticationKey(dg15);
  } catch (error) {
    const reason = error instanceof ReaderError ? error.message : "DG15 cannot be read";
    return { passed: false, algorithm: "rsa-iso9796-2", reason };
  }
  return verifyActiveAuthenticationWithKey(key, challenge, signature, options.ecdsaHash);
}

function verifyActiveAuthenticationWithKey(
  key: KeyObject,
  challenge: Uint8Array,
  signature: Uint8Array,
  ecdsaHash = "sha256",
): Omit<ActiveAuthentication, "challenge" | "signature"> {
  if (key.asymmetricKeyType === "rsa") return verifyIso9796(key, challenge, signature);
  const algorithm = "ecdsa";
  let ok = false;
  try {
    ok = verify(ecdsaHash, challenge, { key, dsaEncoding: "ieee-p1363" }, signature);
  } catch {
    ok = false; // a signature of the wrong shape
  }
  return ok
    ? { passed: true, algorithm }
    : { passed: false, algorithm, reason: "the signature does not verify under DG15's key" };
}

function verifyIso9796(
  key: KeyObject,
  challenge: Uint8Array,
  signature: Uint8Array,
): Omit<ActiveAuthentication, "challenge" | "signature"> {
  const algorithm = "rsa-iso9796-2";
  const fail = (reason: string) => ({ passed: false, algorithm, reason }) as const;
  const modulusBytes = Math.ceil((key.asymmetricKeyDetails?.modulusLength ?? 0) / 8);
  if (signature.length !== modulusBytes) return fail("the signature is not as long as DG15's modulus");
  let f: Buffer;
  try {
    f = publicDecrypt({ key, padding: constants.RSA_NO_PADDING }, signature);
  } catch {
    return fail("the signature is not a number below DG15's modulus");
  }
  // F = 6A ‖ M1 ‖ H ‖ trailer, trailer BC (SHA-1) or hash-id CC.
  const last = f[f.length - 1];
  const hash = last === 0xbc ? "sha1" : last === 0xcc ? TRAILER_HASHES[f[f.length - 2] as number] : undefined;
  if (!hash || f[0] !== 0x6a) return fail("the recovered message is not an ISO/IEC 9796-2 scheme 1 representation");
  const trailer = last === 0xbc ? 1 : 2;
  const hashLength = createHash(hash).digest().length;
  const m1 = f.subarray(1, f.length - trailer - hashLength);
  const digest = f.subarray(f.length - trailer - hashLength, f.length - trailer);
  const expected = createHash(hash).update(m1).update(challenge).digest();
  return sameBytes(digest, expected)
    ? { passed: true, algorithm }
    : fail("the signature does not cover this challenge under DG15's key");
}
